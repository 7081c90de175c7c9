import { sql } from 'kysely';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { systemClock, type Clock } from './lib/clock.js';
import { createPdfStore } from './storage/index.js';

export interface Runtime {
  ctx: AppContext;
  database: DatabaseHandle;
  databaseReady(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the database (migrated to the latest schema) and the PDF store named by the config. */
export async function openRuntime(config: Config, options: { clock?: Clock } = {}): Promise<Runtime> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const store = await createPdfStore(config.storage);
  return {
    ctx: { config, db: database.db, dialect: database.dialect, store, clock: options.clock ?? systemClock },
    database,
    databaseReady: async () => {
      await sql`select 1`.execute(database.db);
    },
    close: async () => {
      await store.close();
      await database.close();
    },
  };
}
