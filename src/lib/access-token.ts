import { createHash, randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';

/**
 * Links in emails that open one document (an invoice, an offer) without signing in, like a hosted invoice page:
 * `<PUBLIC_BASE_URL>/portal/<i|o>/<token>`. The token is 32 random bytes (256 bits, base64url, 43 characters);
 * the database keeps only its SHA-256, so a copy of the database opens nothing. The section's table names the
 * document by the row the hash finds, never by anything in the URL, and the token stays valid for
 * ACCESS_TOKEN_VALID_DAYS (API.md: at least 90). Each section keeps its own table (its foreign key cascades with
 * its document); the token, its hash and its lifetime are this one mechanism.
 */
export const ACCESS_TOKEN_VALID_DAYS = 180;

/** Longer input is no token of ours: refused before hashing. */
export const MAX_ACCESS_TOKEN_LENGTH = 100;

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewAccessToken {
  /** Goes into the email only. */
  token: string;
  /** What the row stores. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
}

export function newAccessToken(now: string): NewAccessToken {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    tokenHash: hashAccessToken(token),
    createdAt: now,
    expiresAt: Temporal.Instant.from(now).add({ hours: ACCESS_TOKEN_VALID_DAYS * 24 }).toString({ smallestUnit: 'millisecond' }),
  };
}
