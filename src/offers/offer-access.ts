import type { Executor } from '../db/database.js';
import { newAccessToken } from '../lib/access-token.js';
import { insertOfferAccessToken } from './offer-access.repository.js';

/**
 * The link in an offer email opens that one offer without signing in: `<PUBLIC_BASE_URL>/portal/o/<token>`, the
 * invoices' mechanism (`lib/access-token.ts`: 256 bits, only the SHA-256 stored, 180 days).
 */
export function offerPortalUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/portal/o/${token}`;
}

/** A new token for one offer, stored as its hash in the caller's transaction; returns the raw token. */
export async function issueOfferAccessToken(db: Executor, offer: { id: string; account_id: string }, now: string): Promise<string> {
  const made = newAccessToken(now);
  await insertOfferAccessToken(db, { token_hash: made.tokenHash, offer_id: offer.id, account_id: offer.account_id, created_at: made.createdAt, expires_at: made.expiresAt });
  return made.token;
}
