import type { Caller } from '../accounts/account.service.js';
import type { MailConfig } from '../config.js';
import type { Executor } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { toAtom } from '../lib/time.js';
import { findOutboxRowsByInvoices, insertOutboxRow, type OutboxRow } from '../mail/outbox.repository.js';
import type { InvoiceRow } from './invoice.repository.js';
import type { Notification, RecordedEmail } from './invoice.schemas.js';

export const INVOICE_CREATED = 'invoice-created';

/**
 * Queues the "new invoice" email in the caller's transaction, so it exists exactly when the invoice does.
 * The link's token is made by the worker when it renders the message (`issueAccessToken`): a raw token
 * written to the outbox row would stay readable in SQLite's WAL and free pages after the row forgot it.
 */
export async function queueInvoiceNotification(trx: Executor, invoice: InvoiceRow, mail: MailConfig): Promise<OutboxRow> {
  const id = newId('ntf');
  const row: OutboxRow = {
    id,
    kind: INVOICE_CREATED,
    account_id: invoice.account_id,
    invoice_id: invoice.id,
    offer_id: null,
    recipient: null,
    message_id: `<${id}@${mail.from.address.split('@').pop() ?? 'localhost'}>`,
    status: 'queued',
    attempts: 0,
    available_at: invoice.created_at,
    lease_id: null,
    access_token: null,
    last_error: null,
    sent_at: null,
    created_at: invoice.created_at,
    recorded_email: null,
  };
  await insertOutboxRow(trx, row);
  return row;
}

export function toNotification(row: OutboxRow | undefined, caller: Caller): Notification | null {
  if (!row) return null;
  return {
    status: row.status,
    attempts: row.attempts,
    sentAt: row.sent_at ? toAtom(row.sent_at, caller.timeZone) : null,
    lastError: row.last_error,
    // Only in test mode, where the email is recorded instead of sent.
    ...(row.recorded_email ? { recordedEmail: JSON.parse(row.recorded_email) as RecordedEmail } : {}),
  };
}

/** The notification of each invoice (by invoice id), in one query. */
export async function notificationsOf(db: Executor, invoiceIds: readonly string[]): Promise<Map<string, OutboxRow>> {
  const rows = await findOutboxRowsByInvoices(db, invoiceIds);
  return new Map(rows.flatMap((r) => (r.kind === INVOICE_CREATED && r.invoice_id !== null ? [[r.invoice_id, r] as const] : [])));
}
