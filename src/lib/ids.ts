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

export type IdPrefix = 'acc' | 'key' | 'cst' | 'inv' | 'ntf' | 'wbh' | 'whd' | 'evt';

/** API.md: prefix + `_` + 14 random chars, like the published `inv_abc12345def678` (about 72 bits). */
export const ID_LENGTH = 14;

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomId(ID_LENGTH)}`;
}

/**
 * Ids that cannot be ours are answered as not found without a query. Other lengths than ours pass (the published
 * examples vary, reference 2.3); the bound only keeps absurd input away from the database.
 */
export function looksLikeId(prefix: IdPrefix, value: string): boolean {
  return value.startsWith(`${prefix}_`) && /^[0-9a-z]{1,64}$/.test(value.slice(prefix.length + 1));
}
