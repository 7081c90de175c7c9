import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { findCustomer, type CustomerRow } from '../customers/customer.repository.js';
import { isForeignKeyViolation, isUniqueViolation, type Trx } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { unavailable, validationFailed, type FieldError } from '../http/problems.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { addDays, nowUtc, toPlainDate } from '../lib/time.js';
import { publishAndCommit } from '../storage/pdf-lock.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import { INVOICE_LINES, insertLines, toLineRows } from './document-lines.repository.js';
import { withSchemaErrors } from './document-body.rules.js';
import { computeTotals, type InvoiceTotals } from './invoice-lines.rules.js';
import { queueInvoiceNotification } from './invoice-notification.js';
import { findInvoice, insertInvoice, invoiceNumberTaken, type InvoiceRow } from './invoice.repository.js';
import type { Invoice } from './invoice.schemas.js';
import { duplicateNumber, isUnavailable, toInvoice } from './invoice.service.js';
import { parseManualInvoice } from './manual-invoice.rules.js';
import { customerAddressProblem, loadDocumentAccount, renderDocument, type DocumentAccount } from './rendered-document.js';

const notACustomer = { field: 'customerId', message: 'is not a customer of your account' };

/**
 * `POST /v1/customer-invoices/manual`: checks the body, the customer, the credited invoice and the account's legal
 * details (one 422 naming all), computes the money, renders the PDF (before any transaction: rendering takes
 * milliseconds of CPU that no lock or connection should wait for), then publishes it and commits the invoice, its
 * lines, its email and its webhook events exactly like an upload (`publishAndCommit`): a 201 means both are durable.
 */
export async function createManualInvoice(ctx: AppContext, caller: Caller, body: unknown, schemaErrors: FieldError[], onCommit?: OnCommit<Invoice>): Promise<Invoice> {
  const errors: FieldError[] = [];
  const fields = parseManualInvoice(body, caller.timeZone, errors);
  withSchemaErrors(errors, schemaErrors);

  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const customerId = typeof raw.customerId === 'string' ? raw.customerId.trim() : '';
  const customer = customerId !== '' && looksLikeId('cst', customerId) ? await findCustomer(ctx.db, caller.accountId, customerId) : undefined;
  if (customerId !== '' && !customer) errors.push(notACustomer);
  const addressProblem = customer ? customerAddressProblem(customer) : null;
  if (addressProblem) errors.push({ field: 'customerId', message: addressProblem });

  const creditedId = fields?.creditedInvoiceId ?? null;
  const credited = creditedId !== null && looksLikeId('inv', creditedId) ? await findInvoice(ctx.db, caller.accountId, creditedId) : undefined;
  if (creditedId !== null) {
    if (!credited || (customer && credited.customer_id !== customer.id)) errors.push({ field: 'creditedInvoiceId', message: 'is not an invoice of this customer' });
    else if (credited.credited_invoice_id !== null) errors.push({ field: 'creditedInvoiceId', message: 'is itself a credit note; credit the original invoice' });
  }

  const totals = fields ? computeTotals(fields.lines) : null;
  if (totals && creditedId !== null && totals.amountCents >= 0) {
    errors.push({ field: 'lines', message: 'must add up to a negative total for a credit note (creditedInvoiceId): make the amounts negative' });
  }

  const account = await loadDocumentAccount(ctx.db, caller.accountId);
  errors.push(...account.missing);
  if (errors.length > 0 || !fields || !totals || !customer) throw validationFailed(errors);
  return commitManualInvoice(ctx, caller, account, {
    customer,
    invoiceNumber: fields.invoiceNumber,
    issuedAt: fields.issuedAt,
    totals,
    sendNotification: fields.sendNotification,
    paidAt: fields.paidAt,
    dueAt: fields.dueAt,
    deliveredAt: fields.deliveredAt,
    reference: fields.reference,
    credited,
  }, { onCommit });
}

/** A manual invoice checked and computed, ready to render and store; null dates and reference take their defaults. */
export interface ManualInvoiceDraft {
  customer: CustomerRow;
  invoiceNumber: string;
  issuedAt: string;
  totals: InvoiceTotals;
  sendNotification: boolean;
  /** UTC instant, or null when unpaid. */
  paidAt: string | null;
  dueAt: string | null;
  deliveredAt: string | null;
  reference: string | null;
  credited: InvoiceRow | undefined;
}

export interface CommitOptions {
  onCommit?: OnCommit<Invoice> | undefined;
  /** More work in the invoice's transaction, after its rows (say, marking the offer it came from); a throw undoes all. */
  within?: (trx: Trx, invoice: InvoiceRow) => Promise<void>;
}

/**
 * The one create path of invoices made from lines (`POST …/manual`, an offer's conversion): the number's
 * uniqueness, the defaults (due date, delivery date, reference), the PDF rendered before any transaction (rendering
 * takes milliseconds of CPU that no lock or connection should wait for), then `publishAndCommit` with the invoice,
 * its lines, the caller's `within`, the email and the webhook events: a 201 means all are durable.
 */
export async function commitManualInvoice(ctx: AppContext, caller: Caller, account: DocumentAccount, draft: ManualInvoiceDraft, options: CommitOptions = {}): Promise<Invoice> {
  const { customer, totals, credited } = draft;
  if (await invoiceNumberTaken(ctx.db, caller.accountId, draft.invoiceNumber)) throw duplicateNumber(draft.invoiceNumber);
  const isCredit = totals.amountCents < 0;
  // A credit note is owed by the business, so it has no due date unless one is given.
  const dueAt = draft.dueAt ?? (isCredit ? null : addDays(draft.issuedAt, account.row.payment_term_days));
  const deliveredAt = draft.deliveredAt ?? draft.issuedAt;
  const reference = draft.reference ?? draft.invoiceNumber;

  let pdf;
  try {
    pdf = await renderDocument(ctx, account, customer, {
      kind: isCredit ? 'credit-note' : 'invoice',
      number: draft.invoiceNumber,
      issueDate: draft.issuedAt,
      deliveryDate: deliveredAt,
      dueDate: dueAt,
      paymentReference: reference,
      creditedInvoiceNumber: credited?.invoice_number ?? null,
      paidDate: draft.paidAt ? toPlainDate(draft.paidAt, caller.timeZone) : null,
      totals,
    });
  } catch (error) {
    if (isUnavailable(error)) throw unavailable('The invoice could not be stored right now; nothing was kept. Retry later.');
    throw error;
  }

  const row: InvoiceRow = {
    id: newId('inv'),
    account_id: caller.accountId,
    customer_id: customer.id,
    invoice_number: draft.invoiceNumber,
    issued_at: draft.issuedAt,
    currency: 'EUR',
    amount_cents: totals.amountCents,
    pdf_sha256: pdf.sha256,
    pdf_size: pdf.size,
    paid_at: draft.paidAt,
    created_at: nowUtc(),
    viewed_at: null,
    source: 'manual',
    subtotal_cents: totals.subtotalCents,
    vat_cents: totals.vatCents,
    due_at: dueAt,
    delivered_at: deliveredAt,
    reference,
    credited_invoice_id: credited?.id ?? null,
  };
  const lines = toLineRows(totals.lines);
  try {
    return await publishAndCommit(ctx, pdf, async (trx) => {
      await insertInvoice(trx, row);
      await insertLines(trx, INVOICE_LINES, row.id, lines);
      await options.within?.(trx, row);
      const queued = draft.sendNotification ? await queueInvoiceNotification(trx, row, ctx.config.mail) : undefined;
      const invoice = toInvoice(row, caller, ctx.config.publicBaseUrl, { notification: queued, lines });
      await recordWebhookEvent(trx, caller.accountId, 'invoice-created', invoice);
      if (row.paid_at !== null) await recordWebhookEvent(trx, caller.accountId, 'invoice-paid', invoice);
      await options.onCommit?.(trx, invoice);
      return invoice;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(draft.invoiceNumber);
    // The customer or the credited invoice was deleted between the checks and the commit.
    if (isForeignKeyViolation(error)) throw validationFailed([notACustomer]);
    if (isUnavailable(error)) throw unavailable('The invoice could not be stored right now; nothing was kept. Retry later.');
    throw error;
  } finally {
    await pdf.discard();
  }
}
