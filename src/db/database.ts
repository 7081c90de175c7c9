import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either: the caller decides where the transaction starts. */
export type Executor = Db | Trx;

export interface DatabaseHandle {
  db: Db;
  /** Settings that make a commit durable, read back from the database. */
  durability(): Promise<{ journalMode: string; synchronous: string }>;
  close(): Promise<void>;
}

export function openDatabase(config: Config['database']): DatabaseHandle {
  fs.mkdirSync(path.dirname(config.file), { recursive: true });
  const sqlite = new SQLite(config.file);
  // WAL + synchronous=FULL: a commit is on disk when it returns, also across power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
  return {
    db,
    async durability() {
      const journalMode = String(sqlite.pragma('journal_mode', { simple: true }));
      const synchronous = SYNCHRONOUS[Number(sqlite.pragma('synchronous', { simple: true }))] ?? 'UNKNOWN';
      return { journalMode, synchronous };
    },
    close: () => db.destroy(),
  };
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
