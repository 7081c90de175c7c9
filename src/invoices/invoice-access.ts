import { createHash, randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Executor } from '../db/database.js';
import { insertAccessToken } from './invoice-access.repository.js';

/**
 * The link in a notification email opens that one invoice without signing in, like a hosted invoice page:
 * `<PUBLIC_BASE_URL>/portal/i/<token>`. The token is 32 random bytes (256 bits, base64url, 43 characters);
 * the database keeps only its SHA-256, so a copy of the database opens no invoice. It names its invoice by
 * the row its hash finds, never by anything in the URL, and stays valid for TOKEN_VALID_DAYS.
 */
export const TOKEN_VALID_DAYS = 180;

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invoicePortalUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/portal/i/${token}`;
}

/** A new token for one invoice, stored as its hash in the caller's transaction; returns the raw token. */
export async function issueAccessToken(db: Executor, invoice: { id: string; account_id: string }, now: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertAccessToken(db, {
    token_hash: hashAccessToken(token),
    invoice_id: invoice.id,
    account_id: invoice.account_id,
    created_at: now,
    expires_at: Temporal.Instant.from(now).add({ hours: TOKEN_VALID_DAYS * 24 }).toString({ smallestUnit: 'millisecond' }),
  });
  return token;
}
