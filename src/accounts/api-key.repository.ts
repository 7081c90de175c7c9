import type { Executor } from '../db/database.js';
import type { AccountsTable, ApiKeysTable } from '../db/schema.js';

export type ApiKeyRow = ApiKeysTable;

export function insertApiKey(db: Executor, row: ApiKeyRow): Promise<unknown> {
  return db.insertInto('api_keys').values(row).execute();
}

/** The account behind an unrevoked key with this hash, and the key's scopes. */
export function findAccountByKeyHash(db: Executor, secretHash: string): Promise<(Pick<AccountsTable, 'id' | 'name' | 'time_zone' | 'created_at' | 'mode' | 'live_account_id'> & { key_scopes: string }) | undefined> {
  return db
    .selectFrom('api_keys')
    .innerJoin('accounts', 'accounts.id', 'api_keys.account_id')
    .select(['accounts.id', 'accounts.name', 'accounts.time_zone', 'accounts.created_at', 'accounts.mode', 'accounts.live_account_id', 'api_keys.scopes as key_scopes'])
    .where('api_keys.secret_hash', '=', secretHash)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function listApiKeys(db: Executor, accountId: string): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

export function findApiKey(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export function revokeApiKey(db: Executor, id: string, at: string): Promise<unknown> {
  return db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
