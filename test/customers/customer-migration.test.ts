import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { MIGRATIONS, migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../helpers/database.js';
import { tempDir } from '../helpers/server.js';

/** Migration 0010 carries customers made under the old shape over: nothing lost, `reference` → `integration_id`. */
describe('migration 0010-customers-published on existing rows', () => {
  let dir: string;
  let testDb: TestDatabase;
  let database: DatabaseHandle;

  before(async () => {
    dir = await tempDir('kp-migration-');
    testDb = await createTestDatabase();
    database = openDatabase(
      TEST_DIALECT === 'postgres' ? { kind: 'postgres', url: testDb.env.DATABASE_URL ?? '', poolSize: 2 } : { kind: 'sqlite', file: path.join(dir, 'old.sqlite') },
    );
  });
  after(async () => {
    await database?.close();
    await testDb?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps every customer and field; reference becomes integrationId (no integration); addresses empty, country NL', async () => {
    const db = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const schema = database.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
    const upTo0009 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0010'));
    const old = new Migrator({ db, provider: { getMigrations: async () => upTo0009 }, ...(schema ? { migrationTableSchema: schema } : {}) });
    const result = await old.migrateToLatest();
    assert.equal(result.error, undefined);

    await db.insertInto('accounts').values({ id: 'acc_oldaccount0001', name: 'Oud', time_zone: 'Europe/Amsterdam', created_at: '2024-01-01T10:00:00.000Z', mode: 'live', live_account_id: null }).execute();
    const rows = [
      { id: 'cst_oldcustomer001', name: 'Jansen', email: 'jansen@example.com', locale: 'en', reference: 'DEB-1', created_at: '2024-01-02T10:00:00.000Z' },
      { id: 'cst_oldcustomer002', name: 'De Vries', email: 'vries@example.com', locale: 'nl', reference: null, created_at: '2024-01-03T10:00:00.000Z' },
    ];
    await db.insertInto('customers').values(rows.map((row) => ({ ...row, account_id: 'acc_oldaccount0001' }))).execute();

    assert.deepEqual(await migrateToLatest(database), Object.keys(MIGRATIONS).filter((name) => name >= '0010'));
    const after = await db.selectFrom('customers').selectAll().orderBy('id').execute();
    const carried = { account_id: 'acc_oldaccount0001', address: '', zip_code: '', city: '', country_code: 'NL', phone: null, integration: null };
    assert.deepEqual(
      after,
      rows.map(({ reference, ...row }) => ({ ...row, ...carried, integration_id: reference })),
    );

    // The old uniqueness of reference carries over to integration_id within "no integration".
    await assert.rejects(
      db
        .insertInto('customers')
        .values({ id: 'cst_oldcustomer003', name: 'X', email: 'x@example.com', locale: 'nl', created_at: '2024-01-04T10:00:00.000Z', account_id: 'acc_oldaccount0001', integration_id: 'DEB-1' })
        .execute(),
    );
  });
});
