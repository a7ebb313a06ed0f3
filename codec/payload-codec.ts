// planflow's PayloadCodec: compresses large payloads (brotli) and, with keys, encrypts every payload (AES-256-GCM,
// key id in the metadata). Payloads without one of our encodings pass through, so histories recorded before the
// codec (or without keys) still replay and read.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync, constants, type BrotliOptions } from 'node:zlib';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeys } from './keys';

/** Our encodings, written in the payload's `encoding` metadata (the SDK's own are `json/plain`, `binary/null`…). */
export const ENCODINGS = { compressed: 'binary/planflow-brotli', encrypted: 'binary/planflow-aes256gcm' } as const;
/** The metadata entry naming the key an encrypted payload was written with. */
export const KEY_ID_METADATA = 'planflow-key-id';

/**
 * Below this many bytes compression saves little and costs a metadata entry. Plan inputs (4–16 KB for the
 * examples, 417 KB for 3,321 communes) shrink to 26–49% (quality 2, below) and 3.3% (quality 4).
 */
export const COMPRESS_ABOVE_BYTES = 1024;
/**
 * For payloads from SYNC_BELOW_BYTES up. Brotli quality 4 compressed a 3,321-commune plan input to 3.3% in 1.7 ms, where deflate (level 6) gave 9.7% in
 * 1.6 ms and brotli's default (11) 4.0% in 410 ms; on the small example plans all three are within a few percent.
 */
const BROTLI_QUALITY = 4;
/**
 * Below SYNC_BELOW_BYTES (an assignment's input and view, a notice: 1–3 KB, four or five a commune's report), quality 2:
 * half the CPU of quality 4 for 1–3 points more of the original (an assignment's view 2.2 KB: 53% in 28–32 µs against
 * 51% in 73–78 µs; the example plans 26–49% against 25–45%; Node 20, this machine, 2026-11-27).
 */
const SMALL_BROTLI_QUALITY = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Payloads under this size are (de)compressed on the calling thread. Node's asynchronous zlib sets up a stream and a
 * trip to its thread pool per call, which for the payloads planflow makes most (an assignment's view, a notice: a
 * few KB) costs far more than the compression: a 2.3 KB view compressed and decompressed took 0.40 ms of CPU
 * asynchronously and 0.047 ms synchronously (Node 20, this machine, 2,000 rounds each). Larger ones (a national plan's
 * input) go to the thread pool, so a megabyte does not hold the worker's event loop.
 */
export const SYNC_BELOW_BYTES = 64 * 1024;

const compressAsync = promisify(brotliCompress);
const decompressAsync = promisify(brotliDecompress);
const brotliOptions = (quality: number, bytes: Uint8Array): BrotliOptions =>
  ({ params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
const compress = (bytes: Uint8Array) => (bytes.length < SYNC_BELOW_BYTES
  ? Promise.resolve(brotliCompressSync(bytes, brotliOptions(SMALL_BROTLI_QUALITY, bytes)))
  : compressAsync(bytes, brotliOptions(BROTLI_QUALITY, bytes)));
const decompress = (bytes: Uint8Array) => (bytes.length < SYNC_BELOW_BYTES ? Promise.resolve(brotliDecompressSync(bytes)) : decompressAsync(bytes));
const utf8 = new TextEncoder();
const text = new TextDecoder();

const encodingOf = (payload: Payload) => (payload.metadata?.[METADATA_ENCODING_KEY] ? text.decode(payload.metadata[METADATA_ENCODING_KEY]) : undefined);
/** A whole payload (metadata and data) as bytes, so the inner encoding travels inside the outer one. */
const serialise = (payload: Payload) => temporal.api.common.v1.Payload.encode(payload).finish();
const deserialise = (bytes: Uint8Array): Payload => temporal.api.common.v1.Payload.decode(bytes);
const sizeOf = (payload: Payload) =>
  (payload.data?.length ?? 0) + Object.entries(payload.metadata ?? {}).reduce((sum, [k, v]) => sum + k.length + v.length, 0);
const wrap = (encoding: string, data: Uint8Array, extra: Record<string, string> = {}): Payload => ({
  metadata: Object.fromEntries(Object.entries({ [METADATA_ENCODING_KEY]: encoding, ...extra }).map(([k, v]) => [k, utf8.encode(v)])),
  data,
});

export class PlanflowPayloadCodec implements PayloadCodec {
  constructor(private readonly keys?: PayloadKeys, private readonly compressAbove = COMPRESS_ABOVE_BYTES) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map(async (payload) => {
      const compressed = await this.compress(payload);
      // Compression first: ciphertext does not compress.
      return this.keys ? this.encrypt(compressed, this.keys) : compressed;
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.decodeOne(payload)));
  }

  private async compress(payload: Payload): Promise<Payload> {
    // Sized without serialising: most payloads are small and leave here untouched.
    if (sizeOf(payload) <= this.compressAbove) return payload;
    const bytes = serialise(payload);
    const data = await compress(bytes);
    // Already-compressed data (an attachment) can grow; keep whichever is smaller.
    return data.length < bytes.length ? wrap(ENCODINGS.compressed, data) : payload;
  }

  private encrypt(payload: Payload, keys: PayloadKeys): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
    const body = Buffer.concat([cipher.update(serialise(payload)), cipher.final()]);
    return wrap(ENCODINGS.encrypted, Buffer.concat([iv, body, cipher.getAuthTag()]), { [KEY_ID_METADATA]: keys.current.id });
  }

  /** Peels our encodings off one at a time (encrypted, then compressed) until the SDK's own remains. */
  private async decodeOne(payload: Payload): Promise<Payload> {
    const encoding = encodingOf(payload);
    switch (encoding) {
      case ENCODINGS.compressed:
        return this.decodeOne(deserialise(await decompress(payload.data ?? new Uint8Array())));
      case ENCODINGS.encrypted:
        return this.decodeOne(this.decrypt(payload));
      default:
        return payload;
    }
  }

  private decrypt(payload: Payload): Payload {
    const keyId = payload.metadata?.[KEY_ID_METADATA] ? text.decode(payload.metadata[KEY_ID_METADATA]) : '';
    const key = this.keys?.byId.get(keyId);
    if (!key) throw new Error(`payload encrypted with key "${keyId}", which PLANFLOW_PAYLOAD_KEYS does not hold`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return deserialise(Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]));
  }
}
