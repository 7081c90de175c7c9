import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Which database this run of the suite uses. `npm test` runs the whole suite once per dialect (test/run.ts);
 * on PostgreSQL every test server gets its own schema, so test files never see each other's rows.
 */
export const TEST_DIALECT: 'sqlite' | 'postgres' = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Environment that points the app at this database (empty for SQLite: the file in DATA_DIR). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test server (a new schema on PostgreSQL). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DIALECT === 'sqlite') return { env: {}, drop: async () => undefined };
  const schema = `kp_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`create schema ${schema}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => admin((client) => client.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
  };
}
