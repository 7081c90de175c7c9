import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Customers as MijnKlantportaal publishes them (reference 3.2). `name` and `email` stay as the columns of
 * `companyName` and `primaryEmail`; the address, phone and integration fields are new. Existing rows keep
 * everything: `reference` (the business's own customer number) becomes `integration_id` with no `integration`,
 * which is what `klantportaal import` matches on; rows made before addresses existed get empty address fields
 * and `NL`, the published default, until someone PATCHes them.
 */
export const customersPublished: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('customers').addColumn('address', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('customers').addColumn('zip_code', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('customers').addColumn('city', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('customers').addColumn('country_code', 'text', (c) => c.notNull().defaultTo('NL')).execute();
    await db.schema.alterTable('customers').addColumn('phone', 'text').execute();
    await db.schema.alterTable('customers').addColumn('integration', 'text').execute();
    await db.schema.alterTable('customers').addColumn('integration_id', 'text').execute();
    await sql`update customers set integration_id = reference where reference is not null`.execute(db);
    await db.schema.dropIndex('customers_account_reference').execute();
    await db.schema.alterTable('customers').dropColumn('reference').execute();

    // One customer per (account, integration, integrationId); no integration counts as one more integration
    // (plain NULLs would never collide). The index, not a lookup, decides a race between two creates.
    await db.schema
      .createIndex('customers_account_integration_unique')
      .on('customers')
      .unique()
      .expression(sql`account_id, coalesce(integration, ''), integration_id`)
      .execute();
    // List filters, each in the list's (created_at, id) order so a page never scans.
    await db.schema
      .createIndex('customers_account_integration_id_created')
      .on('customers')
      .columns(['account_id', 'integration_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('customers_account_integration_created')
      .on('customers')
      .columns(['account_id', 'integration', 'created_at', 'id'])
      .execute();
  },
};
