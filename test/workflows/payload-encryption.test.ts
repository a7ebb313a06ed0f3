// With PLANFLOW_PAYLOAD_KEYS set, what Temporal stores is ciphertext: a plan's history read raw (without the codec)
// holds no report text and no email address, its large start input is stored compressed, and the encrypted
// history replays through the codec.
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { ENCODINGS, planflowDataConverter } from '../../codec';
import { submitReport } from '../../client/planflow';
import { planflowSinks } from '../../worker/sinks';
import { workflowCode } from '../../worker/workflow-code';
import { createTimeSkippingEnv } from '../helpers/temporal-env';
import { issuedDienBien, usePlanflowWorker } from '../helpers/planflow';

// Read by the suite's client and worker when they are created (beforeAll), so set before them.
const previousKeys = process.env.PLANFLOW_PAYLOAD_KEYS;
process.env.PLANFLOW_PAYLOAD_KEYS = `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`;
afterAll(() => {
  if (previousKeys === undefined) delete process.env.PLANFLOW_PAYLOAD_KEYS;
  else process.env.PLANFLOW_PAYLOAD_KEYS = previousKeys;
});

const { env, run } = usePlanflowWorker(createTimeSkippingEnv);
const REPORT = 'Xã đã tổ chức 7 buổi truyền thông về quyền trẻ em tại các thôn bản.';

const history = async (client: Client, workflowId: string) => client.workflow.getHandle(workflowId).fetchHistory();
const rawBytes = (h: temporal.api.history.v1.IHistory) => Buffer.from(temporal.api.history.v1.History.encode(h).finish());

/** Every payload of a history, so the codec can open them all (the control that the text was there to find). */
function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return found;
  if ('data' in value && 'metadata' in value && value.data instanceof Uint8Array) found.push(value as Payload);
  else for (const child of Object.values(value)) payloadsOf(child, found);
  return found;
}

test('histories read without the codec show no report text or email; the codec opens them; the plan input is compressed', () =>
  run(async ({ client, taskQueue }) => {
    const { plan, planId, members, commune, assignmentId } = await issuedDienBien(env(), client, taskQueue, 301);
    const other = members[1]!;
    // A refusal's message is encrypted too (failure attributes) and still reads, in Vietnamese, through the client.
    const refusal = await submitReport(client, assignmentId, { by: other, text: REPORT }).then(() => undefined, (error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'wrong-agency' });
    expect(refusal instanceof Error && refusal.message).toMatch(/[ạ-ỹ]/);
    await submitReport(client, assignmentId, { by: commune, text: REPORT });
    const email = plan.agencies.find((a) => a.id === commune)!.emails[0]!;

    const histories = [await history(client, planId), await history(client, assignmentId)];
    for (const h of histories) {
      expect(rawBytes(h).includes(REPORT)).toBe(false);
      expect(rawBytes(h).includes(email)).toBe(false);
    }
    // The same histories through the codec: the text and the address were there all along.
    const opened = await planflowDataConverter().payloadCodecs![0]!.decode(histories.flatMap((h) => payloadsOf(h)));
    const plain = Buffer.concat(opened.map((p) => Buffer.from(p.data ?? [])));
    expect(plain.includes(REPORT)).toBe(true);
    expect(plain.includes(email)).toBe(true);

    const input = histories[0]!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(Buffer.from(input.metadata!.encoding!).toString()).toBe(ENCODINGS.encrypted);
    expect(input.data!.length).toBeLessThan(defaultPayloadConverter.toPayload(plan).data!.length / 2);

    // An encrypted history replays through the codec, as recorded plain ones do (test/workflows/replay.test.ts).
    const replay = await Worker.runReplayHistory(
      { ...workflowCode(), dataConverter: planflowDataConverter(), sinks: planflowSinks() }, histories[1]!, assignmentId,
    );
    expect(replay).toBeUndefined();
  }));
