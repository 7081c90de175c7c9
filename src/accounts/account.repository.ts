import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AccountLogosTable, AccountsTable } from '../db/schema.js';

export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type AccountChanges = Omit<Updateable<AccountsTable>, 'id' | 'created_at' | 'mode' | 'live_account_id'>;
export type AccountLogoRow = Selectable<AccountLogosTable>;
/** What the account shows about its logo, without the bytes. */
export type AccountLogoInfo = Pick<AccountLogoRow, 'content_type' | 'size' | 'sha256' | 'updated_at'>;

export function insertAccount(db: Executor, row: NewAccountRow): Promise<unknown> {
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

export async function updateAccount(db: Executor, id: string, changes: AccountChanges): Promise<void> {
  if (Object.keys(changes).length > 0) await db.updateTable('accounts').set(changes).where('id', '=', id).execute();
}

export function findLogoInfo(db: Executor, accountId: string): Promise<AccountLogoInfo | undefined> {
  return db.selectFrom('account_logos').select(['content_type', 'size', 'sha256', 'updated_at']).where('account_id', '=', accountId).executeTakeFirst();
}

export function findLogo(db: Executor, accountId: string): Promise<AccountLogoRow | undefined> {
  return db.selectFrom('account_logos').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** Insert or replace the account's one logo. */
export async function saveLogo(db: Executor, row: AccountLogoRow): Promise<void> {
  const { account_id: _id, ...rest } = row;
  await db.insertInto('account_logos').values(row).onConflict((oc) => oc.column('account_id').doUpdateSet(rest)).execute();
}

export async function deleteLogo(db: Executor, accountId: string): Promise<void> {
  await db.deleteFrom('account_logos').where('account_id', '=', accountId).execute();
}
