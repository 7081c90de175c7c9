import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { PortalSignInTokensTable } from '../db/schema.js';
import type { CapSubjectRow } from '../mail/mail-cap.repository.js';

/** SQL for sign-in links and the per-address limit on sign-in emails. */
export type SignInTokenRow = PortalSignInTokensTable;

export const PORTAL_SIGN_IN = 'portal-sign-in';

export function insertSignInToken(db: Executor, row: SignInTokenRow): Promise<unknown> {
  return db.insertInto('portal_sign_in_tokens').values(row).execute();
}

/** The token's row whether or not it expired (to name the business on a "link expired" page). */
export function findSignInToken(db: Executor, tokenHash: string): Promise<SignInTokenRow | undefined> {
  return db.selectFrom('portal_sign_in_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Uses the token up: one DELETE … RETURNING that only an unexpired row satisfies. Of any number of concurrent
 * requests with one token exactly one gets the row back; the others see nothing to delete.
 */
export function consumeSignInToken(db: Executor, tokenHash: string, now: string): Promise<SignInTokenRow | undefined> {
  return db.deleteFrom('portal_sign_in_tokens').where('token_hash', '=', tokenHash).where('expires_at', '>', now).returningAll().executeTakeFirst();
}

export async function deleteExpiredSignInTokens(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('portal_sign_in_tokens').where('expires_at', '<=', now).execute();
}

/**
 * Sign-in emails asked for this address since `since`, whichever business. On PostgreSQL a transaction-scoped
 * advisory lock on the address makes count-then-insert one step per address (SQLite runs writers one at a time).
 */
export async function countSignInRequests(db: Executor, recipient: string, since: string): Promise<number> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(hashtext(${`portal-sign-in:${recipient}`}))`.execute(db);
  }
  const row = await db
    .selectFrom('notification_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient', '=', recipient)
    .where('created_at', '>', since)
    .where('kind', '=', PORTAL_SIGN_IN)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SignInRecipientRow {
  customer_id: string;
  customer_name: string;
  customer_locale: string;
  account_name: string;
}

/** The business's customers with this address (it may be shared, e.g. by an accountant); case-insensitive. */
export function findCustomersByEmail(db: Executor, accountId: string, email: string): Promise<SignInRecipientRow[]> {
  return db
    .selectFrom('customers as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id as customer_id', 'c.name as customer_name', 'c.locale as customer_locale', 'a.name as account_name'])
    .where('c.account_id', '=', accountId)
    .where((eb) => eb(eb.fn('lower', ['c.email']), '=', email))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export function findSecret(db: Executor, name: string): Promise<{ value: string } | undefined> {
  return db.selectFrom('portal_secrets').select('value').where('name', '=', name).executeTakeFirst();
}

/** A sign-in email's account, when a customer of it has the address (an unknown address gets no email at all). */
export async function findSignInCapSubject(db: Executor, accountId: string, address: string): Promise<CapSubjectRow | undefined> {
  const row = await db
    .selectFrom('customers as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['a.id', 'a.live_account_id', 'a.mode as account_mode'])
    .where('c.account_id', '=', accountId)
    .where((eb) => eb(eb.fn('lower', ['c.email']), '=', address))
    .limit(1)
    .executeTakeFirst();
  return row && { cap_account_id: row.live_account_id ?? row.id, account_mode: row.account_mode, address };
}
