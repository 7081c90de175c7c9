import type { Kysely, Migration } from 'kysely';

// Dialect-neutral like the others. Test mode is a second account (the "test twin") beside each live one: test keys
// authenticate as the twin, so every account-scoped query keeps test data apart without knowing about modes.
export const testMode: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('accounts').addColumn('mode', 'text', (c) => c.notNull().defaultTo('live')).execute();
    await db.schema.alterTable('accounts').addColumn('live_account_id', 'text', (c) => c.references('accounts.id')).execute();
    // One twin per live account.
    await db.schema.createIndex('accounts_live_account').on('accounts').column('live_account_id').unique().execute();
    // A test account's email is rendered and kept here (JSON: to, subject, text) instead of being sent.
    await db.schema.alterTable('notification_outbox').addColumn('recorded_email', 'text').execute();
  },
};
