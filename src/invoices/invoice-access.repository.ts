import type { Executor } from '../db/database.js';
import type { InvoiceAccessTokensTable } from '../db/schema.js';

export type AccessTokenRow = InvoiceAccessTokensTable;

export function insertAccessToken(db: Executor, row: AccessTokenRow): Promise<unknown> {
  return db.insertInto('invoice_access_tokens').values(row).execute();
}

/** The token's row if it exists and has not expired at `now`. */
export function findValidAccessToken(db: Executor, tokenHash: string, now: string): Promise<AccessTokenRow | undefined> {
  return db.selectFrom('invoice_access_tokens').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
}
