import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either: the caller decides where the transaction starts. */
export type Executor = Db | Trx;

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The settings that make a commit durable, read back from the database, and whether they are all on. */
  durability(): Promise<{ ok: boolean; settings: Record<string, string> }>;
  close(): Promise<void>;
}

/** The database the config names; nothing connects before the first query. */
export function openDatabase(config: Config['database']): DatabaseHandle {
  switch (config.kind) {
    case 'sqlite':
      return openSqlite(config.file);
    case 'postgres':
      return openPostgres(config.url, config.poolSize);
  }
}

/** True when a row points at a parent that is gone (e.g. a customer deleted meanwhile). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** True when the error is the database refusing a duplicate in a unique index. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
