import type { Kysely, Migration } from 'kysely';

/**
 * Customer offers (`off_`, reference 3.7), dialect-neutral like the others. An offer is an invoice's sibling: an
 * uploaded (later also rendered) PDF, a number unique per account, and a decision (accepted or rejected, never
 * both). `subtotal_cents`, `vat_cents` and `invoice_id` stay null until manual offers (lines) and the conversion
 * into an invoice are built on top. The email about a new offer rides the one notification outbox (`offer_id`,
 * cascading like `invoice_id`), and its link tokens live beside the invoices' (`offer_access_tokens`).
 */
export const customerOffers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customer_offers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('offer_number', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('amount_cents', 'bigint', (c) => c.notNull())
      .addColumn('subtotal_cents', 'bigint')
      .addColumn('vat_cents', 'bigint')
      .addColumn('pdf_sha256', 'text', (c) => c.notNull())
      .addColumn('pdf_size', 'bigint', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('accepted_via_ip', 'text')
      .addColumn('accepted_via_user_agent', 'text')
      .addColumn('acceptance_signature', 'text')
      .addColumn('rejected_at', 'text')
      .addColumn('rejection_reason', 'text')
      .addColumn('invoice_id', 'text', (c) => c.references('customer_invoices.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The unique index is what decides a race between two creates of one number.
    await db.schema.createIndex('customer_offers_account_number').on('customer_offers').columns(['account_id', 'offer_number']).unique().execute();
    // The list's order per filter (API.md: every filter has an index in (created_at, id) order).
    await db.schema.createIndex('customer_offers_account_created').on('customer_offers').columns(['account_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('customer_offers_customer_created').on('customer_offers').columns(['customer_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('customer_offers_pdf').on('customer_offers').column('pdf_sha256').execute();

    await db.schema
      .alterTable('notification_outbox')
      .addColumn('offer_id', 'text', (c) => c.references('customer_offers.id').onDelete('cascade'))
      .execute();
    await db.schema.createIndex('notification_outbox_offer').on('notification_outbox').columns(['offer_id', 'kind']).unique().execute();

    await db.schema
      .createTable('offer_access_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('offer_id', 'text', (c) => c.notNull().references('customer_offers.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('offer_access_tokens_offer').on('offer_access_tokens').column('offer_id').execute();
  },
};
