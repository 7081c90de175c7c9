import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** One SQLite file: WAL + synchronous=FULL, so a commit is on disk when it returns, also across power loss. */
export function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
