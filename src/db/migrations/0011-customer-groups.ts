import type { Kysely, Migration } from 'kysely';

/** Customer groups (`cug_`, reference 3.3) and who is in them. Memberships go with their group or customer. */
export const customerGroups: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('customer_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customer_groups_account_created').on('customer_groups').columns(['account_id', 'created_at', 'id']).execute();

    // `customer_created_at` copies the customer's (immutable) creation time, so the customers of a group are
    // listed newest first straight from this table's index, like every other customer filter.
    await db.schema
      .createTable('customer_group_members')
      .addColumn('group_id', 'text', (c) => c.notNull().references('customer_groups.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('customer_created_at', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_group_members_pk', ['group_id', 'customer_id'])
      .execute();
    await db.schema
      .createIndex('customer_group_members_group_created')
      .on('customer_group_members')
      .columns(['group_id', 'customer_created_at', 'customer_id'])
      .execute();
    // A customer's `customerGroups`, and the cascade when a customer goes.
    await db.schema.createIndex('customer_group_members_customer').on('customer_group_members').columns(['customer_id', 'group_id']).execute();
  },
};
