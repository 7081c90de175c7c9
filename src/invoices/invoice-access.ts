import type { Executor } from '../db/database.js';
import { newAccessToken } from '../lib/access-token.js';
import { insertAccessToken } from './invoice-access.repository.js';

/**
 * The link in a notification email opens that one invoice without signing in (`lib/access-token.ts`, shared with
 * offers): `<PUBLIC_BASE_URL>/portal/i/<token>`; `invoice_access_tokens` keeps the token's SHA-256.
 */
export { hashAccessToken } from '../lib/access-token.js';

export function invoicePortalUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/portal/i/${token}`;
}

/** A new token for one invoice, stored as its hash in the caller's transaction; returns the raw token. */
export async function issueAccessToken(db: Executor, invoice: { id: string; account_id: string }, now: string): Promise<string> {
  const made = newAccessToken(now);
  await insertAccessToken(db, {
    token_hash: made.tokenHash,
    invoice_id: invoice.id,
    account_id: invoice.account_id,
    created_at: made.createdAt,
    expires_at: made.expiresAt,
  });
  return made.token;
}
