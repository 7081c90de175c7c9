import type { Db, Executor } from '../db/database.js';
import type { AccountMode } from '../db/schema.js';
import { formatScopes, isScope, SCOPES, storedScopes, type Scope } from '../http/scopes.js';
import { newId } from '../lib/ids.js';
import { isValidTimeZone, nowUtc, toAtom } from '../lib/time.js';
import { findAccount, findTestTwin, insertAccount, type AccountRow } from './account.repository.js';
import { displayPrefix, generateApiKey, hashApiKey, isWellFormedApiKey, keyMode } from './api-key.js';
import { findAccountByKeyHash, findApiKey, insertApiKey, listApiKeys, revokeApiKey, type ApiKeyRow } from './api-key.repository.js';

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The account as the API and the CLI show it. */
export interface Account {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

export interface ApiKeyInfo {
  id: string;
  accountId: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  /** What the key may do (http/scopes.ts). */
  scopes: Scope[];
}

/** What an authenticated request knows about its caller. */
export interface Caller {
  accountId: string;
  accountName: string;
  timeZone: string;
}

/** A key that authenticated: whose it is, and what it may do. */
export interface AuthenticatedKey {
  caller: Caller;
  scopes: ReadonlySet<Scope>;
}

export class AccountInputError extends Error {
  override name = 'AccountInputError';
}

function toAccount(row: Pick<AccountRow, 'id' | 'name' | 'time_zone' | 'created_at'>): Account {
  return { id: row.id, name: row.name, timeZone: row.time_zone, createdAt: toAtom(row.created_at, row.time_zone) };
}

function toKeyInfo(row: ApiKeyRow, timeZone: string): ApiKeyInfo {
  return {
    id: row.id,
    accountId: row.account_id,
    prefix: row.display_prefix,
    createdAt: toAtom(row.created_at, timeZone),
    revokedAt: row.revoked_at ? toAtom(row.revoked_at, timeZone) : null,
    scopes: storedScopes(row.scopes),
  };
}

async function addKey(db: Executor, accountId: string, mode: AccountMode, scopes: readonly Scope[]): Promise<{ row: ApiKeyRow; apiKey: string }> {
  const apiKey = generateApiKey(mode);
  const row: ApiKeyRow = {
    id: newId('key'),
    account_id: accountId,
    display_prefix: displayPrefix(apiKey),
    secret_hash: hashApiKey(apiKey),
    created_at: nowUtc(),
    revoked_at: null,
    scopes: formatScopes(scopes),
  };
  await insertApiKey(db, row);
  return { row, apiKey };
}

export async function createAccount(db: Db, input: { name: string; timeZone?: string }): Promise<{ account: Account; apiKey: string }> {
  const name = input.name.trim();
  const timeZone = input.timeZone?.trim() || DEFAULT_TIME_ZONE;
  if (name.length < 1 || name.length > 200) throw new AccountInputError('--name must be 1 to 200 characters');
  if (!isValidTimeZone(timeZone)) throw new AccountInputError(`--time-zone "${timeZone}" is not an IANA time zone such as Europe/Amsterdam`);
  const row = { id: newId('acc'), name, time_zone: timeZone, created_at: nowUtc(), mode: 'live' as const, live_account_id: null };
  return db.transaction().execute(async (trx) => {
    await insertAccount(trx, row);
    // The account's first key can do everything, as keys could before scopes.
    const { apiKey } = await addKey(trx, row.id, 'live', SCOPES);
    return { account: toAccount(row), apiKey };
  });
}

async function requireAccount(db: Executor, accountId: string): Promise<AccountRow> {
  const account = await findAccount(db, accountId);
  if (!account) throw new AccountInputError(`account ${accountId} does not exist`);
  return account;
}

/** The live account's test twin, created on first use with the live account's name and time zone. */
async function testTwin(db: Executor, live: AccountRow): Promise<AccountRow> {
  const existing = await findTestTwin(db, live.id);
  if (existing) return existing;
  const id = newId('acc');
  await insertAccount(db, { id, name: live.name, time_zone: live.time_zone, created_at: nowUtc(), mode: 'test', live_account_id: live.id });
  const twin = await findAccount(db, id);
  if (!twin) throw new Error(`test twin ${id} vanished`);
  return twin;
}

/**
 * A new key for the account; with `test`, a `kp_test_` key for the account's test twin, which sees only its own
 * data and whose emails are recorded rather than sent. `accountId` is always the live account's. `scopes`: what
 * the key may do, every scope when not given.
 */
export async function createApiKey(
  db: Db,
  accountId: string,
  options: { test?: boolean; scopes?: readonly Scope[] } = {},
): Promise<{ key: ApiKeyInfo; apiKey: string; testAccountId: string | null }> {
  const scopes = options.scopes ?? SCOPES;
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    const what = unknown.length > 0 ? `unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}` : 'a key needs at least one scope';
    throw new AccountInputError(`${what}; valid scopes: ${SCOPES.join(', ')}`);
  }
  const account = await requireAccount(db, accountId);
  if (account.mode === 'test') throw new AccountInputError(`${accountId} is the test twin of ${account.live_account_id}; use --account ${account.live_account_id} --test`);
  return db.transaction().execute(async (trx) => {
    const owner = options.test ? await testTwin(trx, account) : account;
    const { row, apiKey } = await addKey(trx, owner.id, owner.mode, scopes);
    return { key: { ...toKeyInfo(row, account.time_zone), accountId: account.id }, apiKey, testAccountId: options.test ? owner.id : null };
  });
}

/** The account's keys, its test keys (`kp_test_…`) included. */
export async function listKeys(db: Db, accountId: string): Promise<ApiKeyInfo[]> {
  const account = await requireAccount(db, accountId);
  const twin = await findTestTwin(db, account.id);
  const rows = [...(await listApiKeys(db, account.id)), ...(twin ? await listApiKeys(db, twin.id) : [])];
  return rows.map((row) => ({ ...toKeyInfo(row, account.time_zone), accountId: account.id }));
}

export async function revokeKey(db: Db, keyId: string): Promise<ApiKeyInfo> {
  const key = await findApiKey(db, keyId);
  if (!key) throw new AccountInputError(`API key ${keyId} does not exist`);
  await revokeApiKey(db, key.id, nowUtc());
  const account = await requireAccount(db, key.account_id);
  const updated = await findApiKey(db, key.id);
  // A test key is shown under its live account, as it was created.
  return { ...toKeyInfo(updated ?? key, account.time_zone), accountId: account.live_account_id ?? account.id };
}

/** The caller behind a bearer token and the key's scopes, or null. Malformed keys never reach the database. */
export async function authenticate(db: Db, token: string): Promise<AuthenticatedKey | null> {
  if (!isWellFormedApiKey(token)) return null;
  const account = await findAccountByKeyHash(db, hashApiKey(token));
  // A key reaches only data of its own mode, whatever row it was stored against.
  if (!account || account.mode !== keyMode(token)) return null;
  return {
    caller: { accountId: account.id, accountName: account.name, timeZone: account.time_zone },
    scopes: new Set(storedScopes(account.key_scopes)),
  };
}

// The business's details live in account-details.service.ts; the helper the invoices need is exported here too.
export { INVOICE_DETAILS, missingInvoiceDetails, type InvoiceDetail } from './account-details.service.js';
