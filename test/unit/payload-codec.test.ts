// planflow's PayloadCodec on its own: round trips, old payloads passing through, key rotation, and the refusal of
// malformed PLANFLOW_PAYLOAD_KEYS in words an operator can act on.
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { ENCODINGS, KEY_ID_METADATA, parsePayloadKeys, PlanflowPayloadCodec } from '../../codec';
import { SYNC_BELOW_BYTES } from '../../codec/payload-codec';

const key = () => randomBytes(32).toString('base64');
const meta = (p: Payload, name: string) => (p.metadata?.[name] ? Buffer.from(p.metadata[name]).toString() : undefined);
const json = (value: unknown) => defaultPayloadConverter.toPayload(value);
const REPORT = 'Đã tổ chức 12 lớp tập huấn cho 340 cán bộ; liên hệ xa-thanh-xuong@dienbien.example.';
const large = { text: REPORT.repeat(40), members: Array.from({ length: 200 }, (_, i) => `xa-${i}`) };

test('without keys, a small payload passes unchanged and a large one is compressed and comes back equal', async () => {
  const codec = new PlanflowPayloadCodec();
  const [small, big] = [json({ by: 'xa-a' }), json(large)];
  const [encodedSmall, encodedBig] = await codec.encode([small, big]);
  expect(encodedSmall).toBe(small);
  expect(meta(encodedBig!, 'encoding')).toBe(ENCODINGS.compressed);
  expect(encodedBig!.data!.length).toBeLessThan(big.data!.length / 4);
  expect(defaultPayloadConverter.fromPayload((await codec.decode([encodedBig!]))[0]!)).toEqual(large);
});

test('a payload whose compressed form passes the synchronous bound goes through the thread pool both ways, to the same encoding', async () => {
  const codec = new PlanflowPayloadCodec();
  // Random text compresses to about three quarters: over the bound before and after compression.
  const huge = { text: randomBytes(SYNC_BELOW_BYTES * 2).toString('base64') };
  const [encoded] = await codec.encode([json(huge)]);
  expect(meta(encoded!, 'encoding')).toBe(ENCODINGS.compressed);
  expect(encoded!.data!.length).toBeGreaterThan(SYNC_BELOW_BYTES);
  expect(defaultPayloadConverter.fromPayload((await codec.decode([encoded!]))[0]!)).toEqual(huge);
});

test('with keys, every payload is encrypted under the first key and names it; nothing of the text is readable', async () => {
  const keys = parsePayloadKeys(`k2:${key()},k1:${key()}`);
  const codec = new PlanflowPayloadCodec(keys);
  const [small, big] = await codec.encode([json({ text: REPORT }), json(large)]);
  for (const p of [small!, big!]) {
    expect(meta(p, 'encoding')).toBe(ENCODINGS.encrypted);
    expect(meta(p, KEY_ID_METADATA)).toBe('k2');
    expect(Buffer.from(p.data!).includes('dienbien.example')).toBe(false);
  }
  // Compressed before encryption: the large payload stays far below its JSON size.
  expect(big!.data!.length).toBeLessThan(json(large).data!.length / 4);
  const decoded = await codec.decode([small!, big!]);
  expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([{ text: REPORT }, large]);
});

test('rotation: a payload written under an old key reads while that key is listed, and is refused once dropped', async () => {
  const [k1, k2] = [key(), key()];
  const [old] = await new PlanflowPayloadCodec(parsePayloadKeys(`k1:${k1}`)).encode([json({ text: REPORT })]);
  const rotated = new PlanflowPayloadCodec(parsePayloadKeys(`k2:${k2},k1:${k1}`));
  expect(defaultPayloadConverter.fromPayload((await rotated.decode([old!]))[0]!)).toEqual({ text: REPORT });
  expect(meta((await rotated.encode([json(1)]))[0]!, KEY_ID_METADATA)).toBe('k2');
  await expect(new PlanflowPayloadCodec(parsePayloadKeys(`k2:${k2}`)).decode([old!])).rejects.toThrow('"k1"');
});

test('a tampered ciphertext is refused, not decoded into something else', async () => {
  const codec = new PlanflowPayloadCodec(parsePayloadKeys(`k1:${key()}`));
  const [sealed] = await codec.encode([json({ text: REPORT })]);
  const data = Buffer.from(sealed!.data!);
  data[20] = data[20]! ^ 1;
  await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow();
});

test('payloads recorded before the codec (json/plain, binary/null) decode as they are, with or without keys', async () => {
  const recorded = [json({ stage: 'issue' }), json(undefined), json(large)];
  for (const codec of [new PlanflowPayloadCodec(), new PlanflowPayloadCodec(parsePayloadKeys(`k1:${key()}`))]) {
    expect(await codec.decode(recorded)).toEqual(recorded);
  }
});

test('PLANFLOW_PAYLOAD_KEYS: unset is no encryption; a malformed value names the entry and the fix, never the key', () => {
  expect(parsePayloadKeys(undefined)).toBeUndefined();
  expect(parsePayloadKeys(' ')).toBeUndefined();
  const good = key();
  expect(parsePayloadKeys(` k1:${good} `)?.current.id).toBe('k1');
  const short = Buffer.alloc(16).toString('base64');
  expect(() => parsePayloadKeys(`k1:${good},k2:${short}`)).toThrow(/PLANFLOW_PAYLOAD_KEYS\[1\]\.key: khóa phải dài đúng 32 byte/);
  expect(() => parsePayloadKeys(good)).toThrow(/PLANFLOW_PAYLOAD_KEYS\[0\]: mỗi khóa viết dạng MÃ:BASE64/);
  expect(() => parsePayloadKeys(`k1:${good},k1:${good}`)).toThrow(/mã khóa "k1" bị lặp/);
  expect(() => parsePayloadKeys(`k1:${good},k2:${short}`)).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')));
});
