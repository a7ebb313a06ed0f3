// Small concurrency helpers for the benchmark's clients: N workers over a list, timing, polling, and a time limit.
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

/** Races `body` against a time limit; the body is abandoned (not cancelled) when the limit passes. */
export async function withinLimit<T>(limitMs: number, body: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit(`time limit of ${Math.round(limitMs / 1000)} s passed`)), limitMs);
  });
  try {
    return await Promise.race([body(), limit]);
  } finally {
    clearTimeout(timer);
  }
}
