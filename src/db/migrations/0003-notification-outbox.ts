import type { Kysely, Migration } from 'kysely';

// Dialect-neutral like the others: text ids and UTC ISO timestamps, plain (composite) indexes.
export const notificationOutbox: Migration = {
  async up(db: Kysely<unknown>) {
    // Rows go when their invoice goes: no mail about a deleted invoice, no link to one.
    await db.schema
      .createTable('notification_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('customer_invoices.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('available_at', 'text', (c) => c.notNull())
      .addColumn('lease_id', 'text')
      .addColumn('access_token', 'text')
      .addColumn('last_error', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // What workers scan for due messages.
    await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'available_at']).execute();
    // One message of a kind per invoice; also how an invoice finds its notification state.
    await db.schema.createIndex('notification_outbox_invoice').on('notification_outbox').columns(['invoice_id', 'kind']).unique().execute();

    await db.schema
      .createTable('invoice_access_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('customer_invoices.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('invoice_access_tokens_invoice').on('invoice_access_tokens').column('invoice_id').execute();
  },
};
