import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random lowercase base-36 string; 20 characters carry about 103 bits. */
export function randomId(length = 20): string {
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 252 && out.length < length) out += ALPHABET[byte % 36];
    }
  }
  return out;
}

export type IdPrefix = 'acc' | 'key' | 'cst' | 'cug' | 'inv' | 'off' | 'ntf' | 'wbh' | 'whd' | 'evt';

/** API.md: prefix + `_` + 14 random chars, like the published `inv_abc12345def678` (about 72 bits). */
export const ID_LENGTH = 14;

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomId(ID_LENGTH)}`;
}

/** Longest id body accepted on input: ours are 14, the published examples vary (`cst_abc12345`), so be lenient. */
export const MAX_INPUT_ID_LENGTH = 64;

/**
 * Ids that cannot exist are answered as not found without a query. Any length from 1 to 64 of [0-9a-z] is
 * accepted on input (API.md: "Accept ids of other lengths on input"); the ones we make are always 14.
 */
export function looksLikeId(prefix: IdPrefix, value: string): boolean {
  const body = value.slice(prefix.length + 1);
  return value.startsWith(`${prefix}_`) && body.length >= 1 && body.length <= MAX_INPUT_ID_LENGTH && /^[0-9a-z]+$/.test(body);
}
