// Small concurrency helpers for the benchmark's clients: N workers over a list, timing, polling, and a time limit.
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';

/** Runs `body` over every item with at most `concurrency` at once (the benchmark's concurrent clients). */
export async function inPool<T>(items: readonly T[], concurrency: number, body: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await body(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** Runs `body` and records its wall time in milliseconds. */
export async function timed<T>(samples: number[], body: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await body();
  samples.push(performance.now() - start);
  return result;
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it answers true; fails after `timeoutMs` with `what` in the message. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${Math.round(timeoutMs / 1000)} s`);
    await pause(everyMs);
  }
}

export class TimeLimit extends Error {}

const SETTLE_MS = 30_000;

/**
 * Races `body` against a time limit. When the limit passes, `body`'s signal is aborted (its loops stop at their next
 * check) and its later failure is ignored: a scenario abandoned on a server about to be torn down must neither go
 * on calling it nor crash the whole run: a call still in flight at teardown is retried by the client on a closed
 * channel, which throws "Channel has been shut down" outside any promise (seen twice on 2026-11-25, each time after
 * a scenario timed out). Bodies that call Temporal pass the signal on (`connection.withAbortSignal`).
 */
export async function withinLimit<T>(limitMs: number, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // every call the body makes listens to it
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit(`time limit of ${Math.round(limitMs / 1000)} s passed`)), limitMs);
  });
  const run = body(controller.signal);
  run.catch(() => undefined); // once abandoned, its failure is nobody's
  try {
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
    controller.abort();
    // A moment for the abandoned body to see the abort, so none of its calls is still in flight at teardown.
    await Promise.race([run.then(() => undefined, () => undefined), pause(SETTLE_MS)]);
  }
}
