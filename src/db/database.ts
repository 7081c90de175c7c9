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

// pg reports a lost or refused connection without a SQLSTATE; these are its messages.
const LOST_CONNECTION = /^Connection terminated|is not queryable|timeout exceeded when trying to connect/i;

/**
 * True when the database cannot take the request now and a retry later may succeed: SQLite busy, full or
 * unreadable; PostgreSQL unreachable, out of resources or shutting down (SQLSTATE 08, 53, 57P), or the
 * connection lost mid-request (PostgreSQL stopped or restarted).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (/^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY)|^08|^53|^57P|^ECONNREFUSED$|^ECONNRESET$|^ETIMEDOUT$/.test(code)) return true;
  return LOST_CONNECTION.test(error instanceof Error ? error.message : String(error));
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
