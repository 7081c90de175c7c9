import type { Executor } from '../db/database.js';
import type { AccountsTable } from '../db/schema.js';

export type AccountRow = AccountsTable;

export function insertAccount(db: Executor, row: AccountRow): Promise<unknown> {
  return db.insertInto('accounts').values(row).execute();
}

export function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The test twin of a live account, if it has one yet. */
export function findTestTwin(db: Executor, liveAccountId: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('live_account_id', '=', liveAccountId).where('mode', '=', 'test').executeTakeFirst();
}

export async function countAccounts(db: Executor): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
