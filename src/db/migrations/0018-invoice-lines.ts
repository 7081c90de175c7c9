import type { Kysely, Migration } from 'kysely';

/**
 * Dialect-neutral like the others. Invoices made from lines (`POST /v1/customer-invoices/manual`): their lines in a
 * table of their own, the totals and dates the rendered PDF shows on the invoice row. `source` tells an invoice we
 * rendered (`manual`, it has lines) from an uploaded one (`upload`, every new column null); existing rows are uploads.
 * Deleting an invoice takes its lines along; deleting a credited invoice leaves its credit notes, pointing nowhere.
 */
export const invoiceLines: Migration = {
  async up(db: Kysely<unknown>) {
    const invoices = () => db.schema.alterTable('customer_invoices');
    await invoices().addColumn('source', 'text', (c) => c.notNull().defaultTo('upload')).execute();
    await invoices().addColumn('subtotal_cents', 'bigint').execute();
    await invoices().addColumn('vat_cents', 'bigint').execute();
    await invoices().addColumn('due_at', 'text').execute();
    await invoices().addColumn('delivered_at', 'text').execute();
    await invoices().addColumn('reference', 'text').execute();
    await invoices().addColumn('credited_invoice_id', 'text', (c) => c.references('customer_invoices.id').onDelete('set null')).execute();

    await db.schema
      .createTable('customer_invoice_lines')
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('customer_invoices.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('quantity_hundredths', 'integer', (c) => c.notNull())
      .addColumn('unit_price_cents', 'bigint', (c) => c.notNull())
      .addColumn('vat_rate', 'integer', (c) => c.notNull())
      .addColumn('total_excl_vat_cents', 'bigint', (c) => c.notNull())
      .addColumn('vat_cents', 'bigint', (c) => c.notNull())
      .addColumn('total_incl_vat_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_invoice_lines_pk', ['invoice_id', 'position'])
      .execute();
    // A credited invoice's delete sets its credit notes' reference to null: this index keeps that a lookup.
    await db.schema.createIndex('customer_invoices_credited').on('customer_invoices').column('credited_invoice_id').execute();
  },
};
