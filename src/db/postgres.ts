import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from './database.js';
import type { Database } from './schema.js';

/**
 * A pool of connections to PostgreSQL. Nothing connects until the first query. Durable commits are the
 * server's settings (fsync, synchronous_commit, full_page_writes); `durability()` reads them back.
 */
export function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on('error', () => undefined);
  // Nor may a checked-out one: a transaction waiting for the PDF's fsync when PostgreSQL goes away (stopped,
  // restarted, connection killed) has no query running, so pg emits 'error' on the client, and with no
  // listener that ended the whole process. Now the transaction's next query fails (503) and the pool drops
  // the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    async durability() {
      const settings: Record<string, string> = {};
      for (const name of ['fsync', 'synchronous_commit', 'full_page_writes']) {
        const { rows } = await sql<{ setting: string }>`select setting from pg_settings where name = ${name}`.execute(db);
        settings[name] = rows[0]?.setting ?? 'unknown';
      }
      const ok = settings.fsync === 'on' && settings.full_page_writes === 'on' && ['on', 'remote_write', 'remote_apply', 'local'].includes(settings.synchronous_commit ?? '');
      return { ok, settings };
    },
    close: () => db.destroy(),
  };
}
