import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { AccountMode } from '../db/schema.js';

/**
 * API keys look like `kp_live_<40 base62 secret><6 base62 CRC32>` (about 238 bits of secret), or `kp_test_…` for
 * test mode. The prefix makes a leaked key easy to spot (and says which data it reaches); the checksum lets us (and
 * secret scanners) reject a mistyped or made-up key without a database lookup. Only the SHA-256 of the whole key is
 * stored.
 */
export const API_KEY_PREFIX = 'kp_live_';
export const TEST_API_KEY_PREFIX = 'kp_test_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 40;
const CHECKSUM_LENGTH = 6;
const PREFIX_LENGTH = API_KEY_PREFIX.length;
const SHAPE = new RegExp(`^kp_(live|test)_[0-9A-Za-z]{${SECRET_LENGTH + CHECKSUM_LENGTH}}$`);

function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function checksum(secret: string): string {
  return base62(crc32(secret) >>> 0, CHECKSUM_LENGTH);
}

export function generateApiKey(mode: AccountMode = 'live'): string {
  let secret = '';
  while (secret.length < SECRET_LENGTH) {
    // 248 = 4 × 62: bytes above it are dropped so each character is equally likely.
    for (const byte of randomBytes(64)) if (byte < 248 && secret.length < SECRET_LENGTH) secret += BASE62[byte % 62];
  }
  return `${mode === 'test' ? TEST_API_KEY_PREFIX : API_KEY_PREFIX}${secret}${checksum(secret)}`;
}

/** True when the key has our shape and its checksum matches; says nothing about whether it exists. */
export function isWellFormedApiKey(key: string): boolean {
  if (!SHAPE.test(key)) return false;
  const body = key.slice(PREFIX_LENGTH);
  return checksum(body.slice(0, SECRET_LENGTH)) === body.slice(SECRET_LENGTH);
}

/** Which data a well-formed key is for, by its prefix. */
export function keyMode(key: string): AccountMode {
  return key.startsWith(TEST_API_KEY_PREFIX) ? 'test' : 'live';
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What listings show of a key: enough to recognise it, far too little to use it. */
export function displayPrefix(key: string): string {
  return `${key.slice(0, PREFIX_LENGTH + 4)}…`;
}
