import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { listCustomers } from '../../src/customers/customer.repository.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { listInvoices } from '../../src/invoices/invoice.repository.js';
import type { PageRequest } from '../../src/http/pagination.js';
import { tempDir } from '../helpers/server.js';

/**
 * A page reached by cursor must seek in the index to the cursor, not walk the index from the newest row: with
 * the walk, a page deep in a million invoices took ~200 ms instead of ~0.2 ms (bench/, list scaling).
 */
describe('list queries seek to the cursor in an index', () => {
  let dir: string;
  let sqlite: SQLite.Database;
  let db: Kysely<Database>;
  const captured: CompiledQuery[] = [];

  before(async () => {
    dir = await tempDir('kp-plans-');
    const file = path.join(dir, 'plans.sqlite');
    const migrated = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(migrated);
    await migrated.close();
    sqlite = new SQLite(file);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (event) => void captured.push(event.query) });
  });
  after(async () => {
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const page: PageRequest = { number: 2, limit: 50, offset: 0, after: { createdAt: '2024-05-01T10:00:00.000Z', id: 'inv_abc12345def678' } };

  async function planOf(run: () => Promise<unknown>): Promise<string> {
    await run();
    const query = captured.at(-1) ?? assert.fail('no query ran');
    const rows = sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[];
    return rows.map((row) => row.detail).join('\n');
  }

  for (const [name, filters, index] of [
    ['invoices', {}, 'customer_invoices_account_created'],
    ['invoices of one customer', { customerId: 'cst_abc12345def678' }, 'customer_invoices_customer_created'],
    ['open invoices', { paid: false }, 'customer_invoices_account_unpaid'],
    ['paid invoices', { paid: true }, 'customer_invoices_account_paid'],
  ] as const) {
    it(`${name}: a range on (created_at, id) in ${index}`, async () => {
      const plan = await planOf(() => listInvoices(db, 'acc_abc12345def678', filters, page));
      assert.match(plan, new RegExp(`USING INDEX ${index} \\(\\w+=\\? AND \\(created_at,id\\)<\\(\\?,\\?\\)\\)`), plan);
      assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    });
  }

  for (const [name, filters, index] of [
    ['customers', {}, 'customers_account_created'],
    ['customers by primaryEmail', { email: 'a@example.com' }, 'customers_account_email_created'],
    ['customers by integrationId', { integrationId: 'DEB-1' }, 'customers_account_integration_id_created'],
    ['customers by integration', { integration: 'acumulus' }, 'customers_account_integration_created'],
    ['customers by integration and integrationId', { integration: 'acumulus', integrationId: 'DEB-1' }, 'customers_account_integration(_id)?_created'],
  ] as const) {
    it(`${name}: a range on (created_at, id) in ${index}`, async () => {
      const plan = await planOf(() => listCustomers(db, 'acc_abc12345def678', filters, page));
      assert.match(plan, new RegExp(`USING INDEX ${index} \\(account_id=\\? AND \\w+=\\? AND \\(created_at,id\\)<\\(\\?,\\?\\)\\)|USING INDEX ${index} \\(account_id=\\? AND \\(created_at,id\\)<\\(\\?,\\?\\)\\)`), plan);
      assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    });
  }

  it('customers of a group: a range on (customer_created_at, customer_id) in customer_group_members_group_created', async () => {
    const plan = await planOf(() => listCustomers(db, 'acc_abc12345def678', { groupId: 'cug_abc12345def678' }, page));
    assert.match(plan, /USING INDEX customer_group_members_group_created \(group_id=\? AND \(customer_created_at,customer_id\)<\(\?,\?\)\)/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
  });
});
