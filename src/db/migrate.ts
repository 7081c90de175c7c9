import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { idempotencyAndListIndexes } from './migrations/0002-idempotency-and-list-indexes.js';
import { notificationOutbox } from './migrations/0003-notification-outbox.js';
import { webhooks } from './migrations/0008-webhooks.js';

// Listed in code rather than read from a folder, so the compiled package migrates the same way as the sources.
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-idempotency-and-list-indexes': idempotencyAndListIndexes,
  '0003-notification-outbox': notificationOutbox,
  '0008-webhooks': webhooks,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date; returns the names of the migrations it ran. Safe when several processes start
 * at once: on PostgreSQL Kysely runs all migrations in one transaction under an advisory lock; on SQLite under
 * its lock row. The bookkeeping tables live in the connection's current schema, named explicitly: Kysely
 * otherwise finds another schema's tables and then cannot see them through the search path.
 */
export async function migrateToLatest(database: DatabaseHandle): Promise<string[]> {
  const { db } = database;
  const migrationTableSchema =
    database.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
