import type { Kysely, Migration } from 'kysely';

/** Where an account's `paymentTermDays` starts: the Dutch statutory term when nothing is agreed (BW 6:119a). */
export const DEFAULT_PAYMENT_TERM_DAYS_0017 = 30;

const OPTIONAL_TEXT = ['address', 'zip_code', 'city', 'kvk_number', 'vat_number', 'iban', 'bic', 'email', 'phone', 'website', 'brand_color', 'invoice_footer'];

/**
 * Dialect-neutral like the others. The business's details that a Dutch invoice shows (GET/PATCH /v1/account).
 * Existing accounts keep their name and time zone; the new details start empty (null), the country `NL` and the
 * payment term 30 days. The logo lives in a table of its own, one row per account, so that the key lookup of every
 * request and every read of the account never load up to 1 MiB of image; it is a row (not a file in the PDF
 * store) so it is as durable as the account, goes with it, and `klantportaal copy` carries it like any row.
 * `bytea` is PostgreSQL's binary type; SQLite stores a Buffer bound to a column of any declared type as a BLOB.
 */
export const accountDetails: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of OPTIONAL_TEXT) await db.schema.alterTable('accounts').addColumn(column, 'text').execute();
    await db.schema.alterTable('accounts').addColumn('country_code', 'text', (c) => c.notNull().defaultTo('NL')).execute();
    await db.schema
      .alterTable('accounts')
      .addColumn('payment_term_days', 'integer', (c) => c.notNull().defaultTo(DEFAULT_PAYMENT_TERM_DAYS_0017))
      .execute();
    await db.schema
      .createTable('account_logos')
      .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('bytes', 'bytea', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
