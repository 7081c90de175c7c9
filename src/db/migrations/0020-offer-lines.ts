import type { Kysely, Migration } from 'kysely';

/**
 * Dialect-neutral like the others. Offers made from lines (`POST /v1/customer-offers/manual`): their lines in a
 * table of the same shape as `customer_invoice_lines`, cascading with the offer. A manual offer is told from an
 * uploaded one by its `subtotal_cents` (set for manual offers only, migration 0019). `customer_offers.invoice_id`
 * (the invoice an accepted offer became) gets its index: deleting that invoice sets it back to null.
 */
export const offerLines: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customer_offer_lines')
      .addColumn('offer_id', 'text', (c) => c.notNull().references('customer_offers.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity_hundredths', 'integer', (c) => c.notNull())
      .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
      .addColumn('vat_rate', 'integer', (c) => c.notNull())
      .addColumn('total_excl_vat_cents', 'bigint', (c) => c.notNull())
      .addColumn('vat_cents', 'bigint', (c) => c.notNull())
      .addColumn('total_incl_vat_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_offer_lines_pk', ['offer_id', 'position'])
      .execute();
    await db.schema.createIndex('customer_offers_invoice').on('customer_offers').column('invoice_id').execute();
  },
};
