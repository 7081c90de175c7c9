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

export function completeClaim(
  db: Executor,
  accountId: string,
  key: string,
  response: { status: number; body: string; location: string | null },
): Promise<unknown> {
  return db
    .updateTable('idempotency_keys')
    .set({ state: 'completed', response_status: response.status, response_body: response.body, response_location: response.location })
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .execute();
}

export function releaseClaim(db: Executor, accountId: string, key: string): Promise<unknown> {
  return db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('idempotency_key', '=', key).where('state', '=', 'in_flight').execute();
}

export async function deleteExpired(db: Executor, createdBefore: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', createdBefore).executeTakeFirst();
  return Number(result.numDeletedRows);
}
