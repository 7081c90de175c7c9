import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { idempotencyAndListIndexes } from './migrations/0002-idempotency-and-list-indexes.js';
import { notificationOutbox } from './migrations/0003-notification-outbox.js';
import { portal } from './migrations/0004-portal.js';
import { testMode } from './migrations/0005-test-mode.js';
import { rateLimits } from './migrations/0006-rate-limits.js';
import { webhooks } from './migrations/0008-webhooks.js';
import { mailCaps } from './migrations/0009-mail-caps.js';
import { customersPublished } from './migrations/0010-customers-published.js';
import { customerGroups } from './migrations/0011-customer-groups.js';
import { webhooksPublished } from './migrations/0012-webhooks-published.js';
import { apiKeyScopes } from './migrations/0013-api-key-scopes.js';
import { downloadLinks } from './migrations/0016-download-links.js';
import { accountDetails } from './migrations/0017-account-details.js';
import { invoiceLines } from './migrations/0018-invoice-lines.js';
import { customerOffers } from './migrations/0019-customer-offers.js';
import { offerLines } from './migrations/0020-offer-lines.js';
import { offerAcceptance } from './migrations/0021-offer-acceptance.js';

// Listed in code rather than read from a folder, so the compiled package migrates the same way as the sources.
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-idempotency-and-list-indexes': idempotencyAndListIndexes,
  '0003-notification-outbox': notificationOutbox,
  '0004-portal': portal,
  '0005-test-mode': testMode,
  '0006-rate-limits': rateLimits,
  '0008-webhooks': webhooks,
  '0009-mail-caps': mailCaps,
  '0010-customers-published': customersPublished,
  '0011-customer-groups': customerGroups,
  '0012-webhooks-published': webhooksPublished,
  '0013-api-key-scopes': apiKeyScopes,
  '0016-download-links': downloadLinks,
  '0017-account-details': accountDetails,
  '0018-invoice-lines': invoiceLines,
  '0019-customer-offers': customerOffers,
  '0020-offer-lines': offerLines,
  '0021-offer-acceptance': offerAcceptance,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Brings the schema up to date; returns the names of the migrations it ran. Safe when several processes start
 * at once: on PostgreSQL Kysely runs all migrations in one transaction under an advisory lock; on SQLite under
 * its lock row. The bookkeeping tables live in the connection's current schema, named explicitly: Kysely
 * otherwise finds another schema's tables and then cannot see them through the search path.
 */
export async function migrateToLatest(database: DatabaseHandle): Promise<string[]> {
  return migrate(database, (migrator) => migrator.migrateToLatest());
}

/** Up to and including `name` (a key of the list above): for tests that build a database as an older version left it. */
export async function migrateTo(database: DatabaseHandle, name: string): Promise<string[]> {
  if (!(name in MIGRATIONS)) throw new Error(`no migration ${name}`);
  return migrate(database, (migrator) => migrator.migrateTo(name));
}

async function migrate(database: DatabaseHandle, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<string[]> {
  const { db } = database;
  const migrationTableSchema =
    database.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await run(migrator);
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely's introspection reads every schema's tables; another schema (or one of its tables) dropped meanwhile
    // makes that one query fail although ours is fine. Nothing was migrated by then, so running it again is safe.
    if (!(database.dialect === 'postgres' && isOtherSchemaGone(error, migrationTableSchema) && attempt < 5)) {
      throw error instanceof Error ? error : new Error(String(error));
    }
  }
}

function isOtherSchemaGone(error: unknown, ours: string | undefined): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== 'string' || ours === undefined) return false;
  // 3F000: the schema went (`schema "kp_…" does not exist`); 42P01: one of its tables went between the listing and
  // the read (`relation "kp_….kysely_migration" does not exist`, seen in a full test run while other tests dropped their schemas).
  if (code === '3F000') return !message.includes(`"${ours}"`);
  if (code === '42P01') return /relation "[^"]+\.[^"]+"/.test(message) && !message.includes(`"${ours}.`);
  return false;
}
