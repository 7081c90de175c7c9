import type { Executor } from '../db/database.js';
import type { OfferAccessTokensTable } from '../db/schema.js';

export type OfferAccessTokenRow = OfferAccessTokensTable;

export function insertOfferAccessToken(db: Executor, row: OfferAccessTokenRow): Promise<unknown> {
  return db.insertInto('offer_access_tokens').values(row).execute();
}

/** The token's row if it exists and has not expired at `now`. */
export function findValidOfferAccessToken(db: Executor, tokenHash: string, now: string): Promise<OfferAccessTokenRow | undefined> {
  return db.selectFrom('offer_access_tokens').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
}
