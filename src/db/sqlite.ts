import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, sql, type DialectAdapter, type Kysely as AnyKysely } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/**
 * Kysely's SQLite adapter assumes one process and takes no migration lock. `BEGIN IMMEDIATE` takes SQLite's
 * write lock for the whole run, so `migrate` started by several processes at once queues up (busy_timeout)
 * and each migration is applied once.
 */
class MigrationLockingAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: AnyKysely<unknown>): Promise<void> {
    await sql`begin immediate`.execute(db);
  }
  override async releaseMigrationLock(db: AnyKysely<unknown>): Promise<void> {
    await sql`commit`.execute(db);
  }
}

class Dialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new MigrationLockingAdapter();
  }
}

/** One SQLite file: WAL + synchronous=FULL, so a commit is on disk when it returns, also across power loss. */
export function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new Dialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    async durability() {
      const journalMode = String(sqlite.pragma('journal_mode', { simple: true }));
      const synchronous = SYNCHRONOUS[Number(sqlite.pragma('synchronous', { simple: true }))] ?? 'UNKNOWN';
      const settings = { journal_mode: journalMode, synchronous };
      const ok = journalMode === 'wal' && synchronous === 'FULL';
      return { ok, settings };
    },
    close: () => db.destroy(),
  };
}
