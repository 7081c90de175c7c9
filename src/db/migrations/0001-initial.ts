import type { Kysely, Migration } from 'kysely';

// Dialect-neutral on purpose: text ids and timestamps, bigint money, plain indexes.
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('display_prefix', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_keys_account').on('api_keys').columns(['account_id', 'created_at']).execute();

    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customers_account_created').on('customers').columns(['account_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('customers_account_reference').on('customers').columns(['account_id', 'reference']).unique().execute();
    await db.schema.createIndex('customers_account_email').on('customers').columns(['account_id', 'email']).execute();

    await db.schema
      .createTable('customer_invoices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('invoice_number', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('amount_cents', 'bigint', (c) => c.notNull())
      .addColumn('pdf_sha256', 'text', (c) => c.notNull())
      .addColumn('pdf_size', 'bigint', (c) => c.notNull())
      .addColumn('paid_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The unique index is what decides a race between two creates of one number.
    await db.schema
      .createIndex('customer_invoices_account_number')
      .on('customer_invoices')
      .columns(['account_id', 'invoice_number'])
      .unique()
      .execute();
    await db.schema
      .createIndex('customer_invoices_account_created')
      .on('customer_invoices')
      .columns(['account_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('customer_invoices_customer_created')
      .on('customer_invoices')
      .columns(['customer_id', 'created_at', 'id'])
      .execute();
    await db.schema.createIndex('customer_invoices_pdf').on('customer_invoices').column('pdf_sha256').execute();
  },
};
