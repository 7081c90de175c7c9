import { PostgresAdapter } from 'kysely';
import type { Executor } from '../db/database.js';
import type { NotificationOutboxTable } from '../db/schema.js';

/** All SQL of the notification outbox. */
export type OutboxRow = NotificationOutboxTable;

export function insertOutboxRow(db: Executor, row: OutboxRow): Promise<unknown> {
  return db.insertInto('notification_outbox').values(row).execute();
}

function normalise(row: OutboxRow): OutboxRow {
  return { ...row, attempts: Number(row.attempts) };
}

/** The notification rows of these invoices, in one query (lists must not ask once per invoice). */
export async function findOutboxRowsByInvoices(db: Executor, invoiceIds: readonly string[]): Promise<OutboxRow[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await db.selectFrom('notification_outbox').selectAll().where('invoice_id', 'in', invoiceIds).execute();
  return rows.map(normalise);
}

/**
 * Claims the oldest due message for this worker: one atomic UPDATE that takes a row only while it is still
 * queued and not leased (`available_at` past), pushes `available_at` to the end of the lease and counts the
 * attempt. Two workers can never both get a row: SQLite runs writes one at a time, and the outer WHERE is
 * checked again on the row it updates. This is the one place the claim lives; on PostgreSQL the inner SELECT
 * takes `FOR UPDATE SKIP LOCKED` so workers pass each other instead of queueing on one row.
 */
export async function claimDueMessage(db: Executor, now: string, leaseUntil: string, leaseId: string): Promise<OutboxRow | undefined> {
  const row = await db
    .updateTable('notification_outbox')
    .set((eb) => ({ lease_id: leaseId, available_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('notification_outbox')
        .select('id')
        .where('status', '=', 'queued')
        .where('available_at', '<=', now)
        .orderBy('available_at')
        .orderBy('id')
        .limit(1)
        .$if(db.getExecutor().adapter instanceof PostgresAdapter, (q) => q.forUpdate().skipLocked()),
    )
    .where('status', '=', 'queued')
    .where('available_at', '<=', now)
    .returningAll()
    .executeTakeFirst();
  return row && normalise(row);
}

/**
 * Sent: recorded even if this worker's lease ran out meanwhile, because the message did go; a worker that took
 * the row over then finds it no longer queued when it finishes. The raw link token is dropped here.
 */
export async function markSent(db: Executor, id: string, sentAt: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ status: 'sent', sent_at: sentAt, lease_id: null, access_token: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** Test mode: the message was rendered and kept instead of sent; final, like `sent`. */
export async function markRecorded(db: Executor, id: string, at: string, email: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ status: 'sent', sent_at: at, lease_id: null, access_token: null, recorded_email: email })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** A temporary failure: due again at `retryAt`. Only the lease holder may record it. */
export async function markRetry(db: Executor, id: string, leaseId: string, retryAt: string, error: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ available_at: retryAt, lease_id: null, last_error: error })
    .where('id', '=', id)
    .where('lease_id', '=', leaseId)
    .where('status', '=', 'queued')
    .execute();
}

/**
 * Over an email cap: due again when the cap's window ends. Not an attempt (the claim's count is taken back) and not
 * a failure; `last_error` says why it waits. Only the lease holder may record it.
 */
export async function markDeferred(db: Executor, id: string, leaseId: string, until: string, reason: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set((eb) => ({ available_at: until, lease_id: null, last_error: reason, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('lease_id', '=', leaseId)
    .where('status', '=', 'queued')
    .execute();
}

/**
 * The account's cap is reached: every other invoice email of it that is due now waits for the window's end too, in
 * one UPDATE, so workers do not claim them one by one only to put them back. Leased rows (being sent) and rows
 * waiting for a retry are not due, so not touched. On PostgreSQL rows another worker is claiming this moment are
 * skipped (`SKIP LOCKED`) rather than waited for: that worker finds the cap full and defers its row itself. (When
 * the count ran inside the claim's transaction, waiting for such a row deadlocked with that worker's count.)
 */
export async function deferDueMessages(db: Executor, accountId: string, kind: string, now: string, until: string, reason: string): Promise<number> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ available_at: until, last_error: reason })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification_outbox')
        .select('id')
        .where('account_id', '=', accountId)
        .where('kind', '=', kind)
        .where('status', '=', 'queued')
        .where('available_at', '<=', now)
        .$if(db.getExecutor().adapter instanceof PostgresAdapter, (q) => q.forUpdate().skipLocked()),
    )
    .where('status', '=', 'queued')
    .where('available_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Given up (permanent failure, or no attempts left): final, and the raw link token is dropped. False if the lease was lost. */
export async function markFailed(db: Executor, id: string, leaseId: string, error: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ status: 'failed', lease_id: null, last_error: error, access_token: null })
    .where('id', '=', id)
    .where('lease_id', '=', leaseId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface MessageContextRow {
  invoice_number: string;
  issued_at: string;
  amount_cents: number;
  paid_at: string | null;
  customer_name: string;
  customer_email: string;
  customer_locale: string;
  account_name: string;
  account_mode: string;
}

/** What the message says, read when it is sent (so a corrected customer email address is used). */
export async function findMessageContext(db: Executor, invoiceId: string): Promise<MessageContextRow | undefined> {
  const row = await db
    .selectFrom('customer_invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select([
      'i.invoice_number',
      'i.issued_at',
      'i.amount_cents',
      'i.paid_at',
      'c.name as customer_name',
      'c.email as customer_email',
      'c.locale as customer_locale',
      'a.name as account_name',
      'a.mode as account_mode',
    ])
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  return row && { ...row, amount_cents: Number(row.amount_cents) };
}
