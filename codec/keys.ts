// The payload keys from PLANFLOW_PAYLOAD_KEYS (`k2:BASE64,k1:BASE64`): the first encrypts, every one decrypts, so
// a key is rotated by putting a new one first and dropping the old one once no history needs it.
import { z } from 'zod';

/** AES-256 takes exactly 32 bytes of key. */
export const KEY_BYTES = 32;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** Keys in the order given: `current` encrypts, `byId` decrypts whatever was written with any of them. */
export interface PayloadKeys {
  current: PayloadKey;
  byId: ReadonlyMap<string, Buffer>;
}

const KeyId = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'mã khóa chỉ gồm chữ không dấu, số, ".", "_", "-" (tối đa 32 ký tự)');

const Key = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'khóa phải viết bằng base64')
  .transform((text) => Buffer.from(text, 'base64'))
  .refine((key) => key.length === KEY_BYTES, `khóa phải dài đúng ${KEY_BYTES} byte (tạo bằng: openssl rand -base64 32)`);

const Entry = z.string().trim().transform((text, ctx) => {
  const colon = text.indexOf(':');
  if (colon < 0) {
    ctx.addIssue({ code: 'custom', message: 'mỗi khóa viết dạng MÃ:BASE64, ví dụ k1:…' });
    return z.NEVER;
  }
  return { id: text.slice(0, colon), key: text.slice(colon + 1) };
}).pipe(z.object({ id: KeyId, key: Key }));

const Keys = z.string().max(10_000).transform((text) => text.split(',')).pipe(
  z.array(Entry).min(1).max(20).superRefine((keys, ctx) => {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: [i], message: `mã khóa "${k.id}" bị lặp` });
      seen.add(k.id);
    });
  }),
);

/** Undefined when no keys are set (payloads are then compressed but not encrypted); throws `PLANFLOW_PAYLOAD_KEYS[i]: …`. */
export function parsePayloadKeys(text: string | undefined): PayloadKeys | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = Keys.safeParse(text, { error: z.locales.vi().localeError });
  if (!parsed.success) {
    // Never print the value: it is a secret.
    const lines = parsed.error.issues.map((issue) => `PLANFLOW_PAYLOAD_KEYS${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`);
    throw new Error(`cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const [current] = parsed.data;
  if (!current) throw new Error('PLANFLOW_PAYLOAD_KEYS: cần ít nhất một khóa');
  return { current, byId: new Map(parsed.data.map((k) => [k.id, k.key])) };
}
