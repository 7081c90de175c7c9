import { PostgresAdapter } from 'kysely';
import type { Executor } from '../db/database.js';
import type { NotificationOutboxTable } from '../db/schema.js';
import { claimDue, type JobQueue } from '../outbox/queue.js';

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

/** The notification outbox as a queue: `queued` rows (emails of every kind). */
export const NOTIFICATION_OUTBOX: JobQueue<'notification_outbox'> = {
  table: 'notification_outbox',
  statusColumn: 'status',
  dueStatus: 'queued',
};

/** Claims the oldest due message with the outbox's one claim (`claimDue`: lease, SKIP LOCKED on PostgreSQL). */
export async function claimDueMessage(db: Executor, now: string, leaseUntil: string, leaseId: string): Promise<OutboxRow | undefined> {
  const row = await claimDue(db, NOTIFICATION_OUTBOX, now, leaseUntil, leaseId);
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
