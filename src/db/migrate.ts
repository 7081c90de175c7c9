import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { idempotencyAndListIndexes } from './migrations/0002-idempotency-and-list-indexes.js';
import { notificationOutbox } from './migrations/0003-notification-outbox.js';

// Listed in code rather than read from a folder, so the compiled package migrates the same way as the sources.
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-idempotency-and-list-indexes': idempotencyAndListIndexes,
  '0003-notification-outbox': notificationOutbox,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
