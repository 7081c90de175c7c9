import type { Executor } from '../db/database.js';

/** The signing key of download links, written by migration 0016 into the table of shared secrets. */
export function findDownloadLinkSecret(db: Executor): Promise<{ value: string } | undefined> {
  return db.selectFrom('portal_secrets').select('value').where('name', '=', 'download-links').executeTakeFirst();
}
