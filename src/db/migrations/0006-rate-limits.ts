import type { Kysely, Migration } from 'kysely';

// Dialect-neutral like the others. (0004 and 0005 are other branches' numbers.)
export const rateLimits: Migration = {
  async up(db: Kysely<unknown>) {
    // Fixed one-minute windows per API key, shared by every process on the database; old windows are purged.
    await db.schema
      .createTable('rate_limit_windows')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limit_windows_pk', ['bucket', 'window_start'])
      .execute();
  },
};
