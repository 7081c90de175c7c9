import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Counts one request in its window and returns the window's count so far (one atomic upsert). */
export async function countRequest(db: Db, bucket: string, windowStart: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // A lost count after a crash costs nothing: this commit need not wait for the WAL flush (PostgreSQL only).
    await sql`set local synchronous_commit = off`.execute(trx);
    const row = await trx
      .insertInto('rate_limit_windows')
      .values({ bucket, window_start: windowStart, count: 1 })
      .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ count: (eb) => eb('rate_limit_windows.count', '+', 1) }))
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  });
}

export async function deleteWindowsBefore(db: Db, windowStart: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit_windows').where('window_start', '<', windowStart).executeTakeFirst();
  return Number(result.numDeletedRows);
}
