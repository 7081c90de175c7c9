import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, sql, type DialectAdapter, type Kysely as AnyKysely, type SqliteDatabase } from 'kysely';
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

// Distinct SQL texts the app runs are few (a create runs six); `in (?, ?, …)` lists of varying length are what
// would grow the cache without a bound.
const STATEMENT_CACHE_SIZE = 100;

/**
 * Kysely's SQLite driver prepares every query anew; preparing (parse + plan) cost about as much CPU as running
 * the statement. This keeps the prepared statements by SQL text, least recently used out first. A statement
 * still being iterated (a streamed query) is busy and cannot run twice at once: then a fresh one is prepared.
 */
export function cachingStatements(database: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(text) {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        // Re-insert: Map keeps insertion order, so the first key is the least recently used.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = database.prepare(text);
      if (cached) return statement;
      cache.set(text, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/** One SQLite file: WAL + synchronous=FULL, so a commit is on disk when it returns, also across power loss. */
export function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new Dialect({ database: cachingStatements(sqlite) }) });
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
