import type { Kysely, Migration } from 'kysely';

// Dialect-neutral like the others: text keys and UTC ISO timestamps. (0007 is intentionally unused.)
export const mailCaps: Migration = {
  async up(db: Kysely<unknown>) {
    // Emails sent per account, and per account and address, in fixed windows (MAIL_CAP_*): counted here so every
    // worker process on the database sees one count. Ended windows are purged.
    await db.schema
      .createTable('mail_cap_windows')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('mail_cap_windows_pk', ['bucket', 'window_start'])
      .execute();
    // Purging ended windows scans by start.
    await db.schema.createIndex('mail_cap_windows_start').on('mail_cap_windows').column('window_start').execute();
  },
};
