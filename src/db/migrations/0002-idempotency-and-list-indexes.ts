import { sql, type Kysely, type Migration } from 'kysely';

export const idempotencyAndListIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    // One row per (account, key): the primary key is what makes two concurrent first uses of a key collide.
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('response_location', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'idempotency_key'])
      .execute();
    await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();

    // Lists are keyset-paged newest first; each filter gets an index in that order so a page never scans.
    await db.schema.dropIndex('customers_account_email').execute();
    await db.schema.createIndex('customers_account_email_created').on('customers').columns(['account_id', 'email', 'created_at', 'id']).execute();
    await db.schema
      .createIndex('customer_invoices_account_unpaid')
      .on('customer_invoices')
      .columns(['account_id', 'created_at', 'id'])
      .where(sql.ref('paid_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('customer_invoices_account_paid')
      .on('customer_invoices')
      .columns(['account_id', 'created_at', 'id'])
      .where(sql.ref('paid_at'), 'is not', null)
      .execute();
  },
};
