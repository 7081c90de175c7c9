import type { Executor } from '../db/database.js';
import type { IdempotencyKeysTable } from '../db/schema.js';

export type IdempotencyRow = IdempotencyKeysTable;

export function insertClaim(db: Executor, row: IdempotencyRow): Promise<unknown> {
  return db.insertInto('idempotency_keys').values(row).execute();
}

export function findKey(db: Executor, accountId: string, key: string): Promise<IdempotencyRow | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
}

/** Takes over a row that expired or whose in-flight claim was abandoned; false when someone else got it first. */
export async function replaceStale(db: Executor, stale: IdempotencyRow, row: IdempotencyRow): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_keys')
    .set({ ...row })
    .where('account_id', '=', stale.account_id)
    .where('idempotency_key', '=', stale.idempotency_key)
    .where('created_at', '=', stale.created_at)
    .where('locked_until', '=', stale.locked_until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A claim is known by its key and the moment it was made (`created_at`): a takeover of an abandoned claim writes a
 * new moment, so a request that lost its claim can neither complete, renew nor release the one that replaced it.
 */
export interface ClaimRef {
  accountId: string;
  key: string;
  claimedAt: string;
}

const ownClaim = (db: Executor, claim: ClaimRef) =>
  db
    .updateTable('idempotency_keys')
    .where('account_id', '=', claim.accountId)
    .where('idempotency_key', '=', claim.key)
    .where('created_at', '=', claim.claimedAt)
    .where('state', '=', 'in_flight');

/** Stores the response on this request's own claim; false when the claim is no longer its own. */
export async function completeClaim(db: Executor, claim: ClaimRef, response: { status: number; body: string; location: string | null }): Promise<boolean> {
  const result = await ownClaim(db, claim)
    .set({ state: 'completed', response_status: response.status, response_body: response.body, response_location: response.location })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Extends the lease of a claim whose request is still running. */
export async function renewClaim(db: Executor, claim: ClaimRef, lockedUntil: string): Promise<void> {
  await ownClaim(db, claim).set({ locked_until: lockedUntil }).execute();
}

export function releaseClaim(db: Executor, claim: ClaimRef): Promise<unknown> {
  return db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', claim.accountId)
    .where('idempotency_key', '=', claim.key)
    .where('created_at', '=', claim.claimedAt)
    .where('state', '=', 'in_flight')
    .execute();
}

export async function deleteExpired(db: Executor, createdBefore: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', createdBefore).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets every claim still in flight (their requests are known dead); returns how many. */
export async function deleteInFlight(db: Executor): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('state', '=', 'in_flight').executeTakeFirst();
  return Number(result.numDeletedRows);
}
