import type { Executor } from '../db/database.js';

/** SQL for the email caps' counters (`mail_cap_windows`). Who an email counts against is its section's query. */

/**
 * Takes one of the `cap` sends of `bucket` in the window starting `windowStart`: one upsert that adds 1 only while
 * the count is below the cap. True when the send may go. On PostgreSQL a second transaction upserting the same
 * bucket waits for the first to commit and then checks the cap against the committed count; SQLite runs writers
 * one at a time. So two workers can never both take the last send.
 */
export async function takeSend(db: Executor, bucket: string, windowStart: string, cap: number): Promise<boolean> {
  const row = await db
    .insertInto('mail_cap_windows')
    .values({ bucket, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'window_start'])
        .doUpdateSet({ count: (eb) => eb('mail_cap_windows.count', '+', 1) })
        .where('mail_cap_windows.count', '<', cap),
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives back a send taken in this transaction (the other cap refused the email). */
export async function giveBackSend(db: Executor, bucket: string, windowStart: string): Promise<void> {
  await db
    .updateTable('mail_cap_windows')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart)
    .execute();
}

export async function deleteCapWindowsBefore(db: Executor, windowStart: string): Promise<number> {
  const result = await db.deleteFrom('mail_cap_windows').where('window_start', '<', windowStart).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface CapSubjectRow {
  /** The live account whose caps count this email (a test twin counts toward its live account). */
  cap_account_id: string;
  account_mode: string;
  /** The address the email goes to, as stored (compared lower case). */
  address: string;
}
