// Random tokens and their digests: what leaves the store (a link, a cookie) is random; what stays is its SHA-256.
import { createHash, randomBytes } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256Hex = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');
