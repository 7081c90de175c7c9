import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { findCustomer } from '../customers/customer.repository.js';
import { customerUrl } from '../customers/customer.service.js';
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from '../db/database.js';
import { conflict, notFound, unavailable, validationFailed, type FieldError } from '../http/problems.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { formatAmount } from '../lib/money.js';
import { nowUtc, toAtom } from '../lib/time.js';
import { issueDownloadLink, type CloudFile, type DownloadTarget } from '../storage/download-links.js';
import { StorageUnavailableError } from '../storage/pdf-store.js';
import { findInvoice, insertInvoice, invoiceNumberTaken, type InvoiceRow } from './invoice.repository.js';
import { parseInvoiceFields, pdfProblem } from './invoice.rules.js';
import type { Invoice } from './invoice.schemas.js';
import type { PdfUpload } from '../storage/pdf-upload.js';
import { publishAndCommit } from '../storage/pdf-lock.js';
import type { OnCommit } from '../http/idempotency.js';
import type { OutboxRow } from '../mail/outbox.repository.js';
import { notificationsOf, queueInvoiceNotification, toNotification } from './invoice-notification.js';
import type { Executor } from '../db/database.js';
import { INVOICE_LINES, linesOf, type DocumentLineRow } from './document-lines.repository.js';
import { toLineResource } from './document-lines.resource.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';

export function invoiceUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/v1/customer-invoices/${id}`;
}

/** What an invoice resource shows beside its row: its outbox row (if any) and its lines (manual invoices). */
export interface InvoiceExtras {
  notification: OutboxRow | undefined;
  lines: readonly DocumentLineRow[];
}

/** The extras of a whole page of invoices: one query for the notifications, one for the lines. */
export async function invoiceExtras(db: Executor, rows: readonly InvoiceRow[]): Promise<(row: InvoiceRow) => InvoiceExtras> {
  // One after the other: the executor may be a transaction (one connection).
  const notifications = await notificationsOf(db, rows.map((row) => row.id));
  const lines = await linesOf(db, INVOICE_LINES, rows.filter((row) => row.source === 'manual').map((row) => row.id));
  return (row) => ({ notification: notifications.get(row.id), lines: lines.get(row.id) ?? [] });
}

const amountOrNull = (cents: number | null) => (cents === null ? null : formatAmount(cents));

export function toInvoice(row: InvoiceRow, caller: Caller, baseUrl: string, extras: InvoiceExtras): Invoice {
  const self = invoiceUrl(baseUrl, row.id);
  return {
    id: row.id,
    customerId: row.customer_id,
    invoiceNumber: row.invoice_number,
    issuedAt: row.issued_at,
    currency: 'EUR',
    amount: formatAmount(row.amount_cents),
    paidAt: row.paid_at ? toAtom(row.paid_at, caller.timeZone) : null,
    createdAt: toAtom(row.created_at, caller.timeZone),
    viewedAt: row.viewed_at ? toAtom(row.viewed_at, caller.timeZone) : null,
    notification: toNotification(extras.notification, caller),
    lines: extras.lines.map(toLineResource),
    subtotalAmount: amountOrNull(row.subtotal_cents),
    vatAmount: amountOrNull(row.vat_cents),
    dueAt: row.due_at,
    deliveredAt: row.delivered_at,
    reference: row.reference,
    creditedInvoiceId: row.credited_invoice_id,
    links: {
      self: { href: self, type: 'application/json' },
      customer: { href: customerUrl(baseUrl, row.customer_id), type: 'application/json' },
      pdf: { href: `${self}/pdf`, type: 'application/pdf' },
    },
  };
}

/** The columns of a manual invoice, all empty: an uploaded PDF is whatever it is, we know only its amount. */
const UPLOADED = {
  source: 'upload',
  subtotal_cents: null,
  vat_cents: null,
  due_at: null,
  delivered_at: null,
  reference: null,
  credited_invoice_id: null,
} as const satisfies Partial<InvoiceRow>;

export const duplicateNumber = (invoiceNumber: string) =>
  conflict(`An invoice with number "${invoiceNumber}" already exists in this account.`, [
    { field: 'invoiceNumber', message: `"${invoiceNumber}" is already used by another invoice` },
  ]);

/** The database or the disk cannot take the write right now; nothing was kept. */
export function isUnavailable(error: unknown): boolean {
  return error instanceof StorageUnavailableError || isDatabaseUnavailable(error);
}

/**
 * Creates an invoice from a read upload. Order, for durability: the PDF is published (fsync'd, renamed,
 * directory fsync'd) before the row is committed, and the response goes out after the commit. On any failure
 * neither the row nor a PDF that this request added remains.
 */
export async function createInvoice(ctx: AppContext, caller: Caller, upload: PdfUpload, onCommit?: OnCommit<Invoice>): Promise<Invoice> {
  const { pdf } = upload;
  try {
    const errors: FieldError[] = [...upload.errors];
    const fields = parseInvoiceFields(upload.fields, caller.timeZone, errors);
    const pdfError = pdfProblem(pdf);
    if (pdfError && !errors.some((e) => e.field === 'pdf')) errors.push({ field: 'pdf', message: pdfError });
    const customerId = upload.fields.get('customerId')?.trim() ?? '';
    if (customerId !== '' && !(looksLikeId('cst', customerId) && (await findCustomer(ctx.db, caller.accountId, customerId)))) {
      errors.push({ field: 'customerId', message: 'is not a customer of your account' });
    }
    if (errors.length > 0 || !fields || !pdf) throw validationFailed(errors);
    if (await invoiceNumberTaken(ctx.db, caller.accountId, fields.invoiceNumber)) throw duplicateNumber(fields.invoiceNumber);

    const row: InvoiceRow = {
      id: newId('inv'),
      account_id: caller.accountId,
      customer_id: customerId,
      invoice_number: fields.invoiceNumber,
      issued_at: fields.issuedAt,
      currency: fields.currency,
      amount_cents: fields.amountCents,
      pdf_sha256: pdf.sha256,
      pdf_size: pdf.size,
      paid_at: fields.paidAt,
      created_at: nowUtc(),
      viewed_at: null,
      ...UPLOADED,
    };
    // Invoice, its email (when asked for) and the idempotency record commit together or not at all.
    return await publishAndCommit(ctx, pdf, async (trx) => {
      await insertInvoice(trx, row);
      const queued = fields.sendNotification ? await queueInvoiceNotification(trx, row, ctx.config.mail) : undefined;
      const invoice = toInvoice(row, caller, ctx.config.publicBaseUrl, { notification: queued, lines: [] });
      // Webhook events too; an invoice created already paid is also a payment (`invoice-paid` after `invoice-created`).
      await recordWebhookEvent(trx, caller.accountId, 'invoice-created', invoice);
      if (row.paid_at !== null) await recordWebhookEvent(trx, caller.accountId, 'invoice-paid', invoice);
      await onCommit?.(trx, invoice);
      return invoice;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(upload.fields.get('invoiceNumber')?.trim() ?? '');
    if (isForeignKeyViolation(error)) throw validationFailed([{ field: 'customerId', message: 'is not a customer of your account' }]);
    if (isUnavailable(error)) throw unavailable('The invoice could not be stored right now; nothing was kept. Retry later.');
    throw error;
  } finally {
    await pdf?.discard();
  }
}

export async function requireInvoiceRow(ctx: AppContext, caller: Caller, id: string): Promise<InvoiceRow> {
  const row = looksLikeId('inv', id) ? await findInvoice(ctx.db, caller.accountId, id) : undefined;
  if (!row) throw notFound(`Customer invoice ${id.slice(0, 64)}`);
  return row;
}

export async function getInvoice(ctx: AppContext, caller: Caller, id: string): Promise<Invoice> {
  const row = await requireInvoiceRow(ctx, caller, id);
  const extras = await invoiceExtras(ctx.db, [row]);
  return toInvoice(row, caller, ctx.config.publicBaseUrl, extras(row));
}

/** What a download of the invoice's PDF serves: its stored bytes, named after the invoice number. */
export async function invoicePdf(ctx: AppContext, caller: Caller, id: string): Promise<DownloadTarget> {
  const invoice = await requireInvoiceRow(ctx, caller, id);
  return { key: invoice.pdf_sha256, name: invoice.invoice_number, extension: 'pdf', contentType: 'application/pdf' };
}

/** The published answer of `GET …/{id}/pdf`: a cloud-file link to the PDF, valid for 5 minutes. */
export async function invoicePdfLink(ctx: AppContext, caller: Caller, id: string): Promise<CloudFile> {
  return issueDownloadLink(ctx, await invoicePdf(ctx, caller, id), caller.timeZone);
}
