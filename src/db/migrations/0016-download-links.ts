import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { nowUtc } from '../../lib/time.js';

/**
 * The key that signs cloud-file download links (storage/download-links.ts), kept beside the portal's CSRF secret:
 * one key for every process on this database, so a link issued by one process is served by any other, with
 * nothing to configure and keep equal. 256 bits from the CSPRNG.
 */
export const downloadLinks: Migration = {
  async up(db: Kysely<unknown>) {
    const secret = randomBytes(32).toString('base64url');
    await sql`insert into portal_secrets (name, value, created_at) values ('download-links', ${secret}, ${nowUtc()})`.execute(db);
  },
};
