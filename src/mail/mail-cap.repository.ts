import type { Executor } from '../db/database.js';

/** SQL for the email caps' counters (`mail_cap_windows`) and for who a queued email would go to. */

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

/** An invoice email's account and the customer's address now; undefined when the invoice is gone. */
export async function findInvoiceCapSubject(db: Executor, invoiceId: string): Promise<CapSubjectRow | undefined> {
  const row = await db
    .selectFrom('customer_invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select(['a.id', 'a.live_account_id', 'a.mode as account_mode', 'c.email as address'])
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  return row && { cap_account_id: row.live_account_id ?? row.id, account_mode: row.account_mode, address: row.address };
}

/** A sign-in email's account, when a customer of it has the address (an unknown address gets no email at all). */
export async function findSignInCapSubject(db: Executor, accountId: string, address: string): Promise<CapSubjectRow | undefined> {
  const row = await db
    .selectFrom('customers as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['a.id', 'a.live_account_id', 'a.mode as account_mode'])
    .where('c.account_id', '=', accountId)
    .where((eb) => eb(eb.fn('lower', ['c.email']), '=', address))
    .limit(1)
    .executeTakeFirst();
  return row && { cap_account_id: row.live_account_id ?? row.id, account_mode: row.account_mode, address };
}
