import { sql, type Kysely, type Migration } from 'kysely';

// The scopes every key could have when this migration was written (http/scopes.ts then). Frozen here: a migration
// must do the same thing forever, whatever the list becomes later.
const ALL_SCOPES_0013 = [
  'account.read', 'account.write', 'agreements.read', 'agreements.write', 'appointments.read', 'appointments.write',
  'businessoperations.read', 'customers.read', 'customers.write', 'files.read', 'files.write', 'filerequest.read',
  'filerequest.write', 'fileshare.read', 'fileshare.write', 'invoices.read', 'invoices.write', 'offers.read',
  'offers.write', 'paymentlinks.read', 'paymentlinks.write', 'subscription.read', 'subscription.write',
  'tickets.read', 'tickets.write', 'webhooks.read', 'webhooks.write',
].join(' ');

// Dialect-neutral like the others. A key's scopes, space-separated. Keys made before scopes existed could do
// everything, so they get every scope and nothing changes for them. The column's default grants nothing: a row
// written without scopes fails closed.
export const apiKeyScopes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('api_keys').addColumn('scopes', 'text', (c) => c.notNull().defaultTo('')).execute();
    await sql`update api_keys set scopes = ${ALL_SCOPES_0013}`.execute(db);
  },
};
