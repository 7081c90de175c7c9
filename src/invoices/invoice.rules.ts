import type { FieldError } from '../http/problems.js';
import { parseAmount } from '../lib/money.js';
import { parseCurrency, parseDocumentNumber, parseFormFlag, parseOptionalInstant } from '../lib/form-fields.js';
import { parseCalendarDate } from '../lib/time.js';
import { pdfPartProblem } from '../storage/pdf-upload.js';

/** The create form's fields, exactly as the published reference page names them. */
export const INVOICE_FIELDS = new Set(['customerId', 'invoiceNumber', 'issuedAt', 'amount', 'pdf', 'paidAt', 'sendNotification', 'currency']);

export interface InvoiceFields {
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  amountCents: number;
  currency: 'EUR';
  /** UTC instant, or null when unpaid. */
  paidAt: string | null;
  sendNotification: boolean;
}

/** The rules every document's number and optional instants follow (`lib/form-fields.ts`, shared with offers). */
export const parseInvoiceNumber = parseDocumentNumber;

/** `paidAt` as the form sends it: empty means unpaid. */
export const parsePaidAt = parseOptionalInstant;

/**
 * Checks every text field of the create form and collects every problem, so one response names them all.
 * Returns null when any field is wrong. The customer's existence and the PDF are checked by the caller.
 */
export function parseInvoiceFields(fields: Map<string, string>, timeZone: string, errors: FieldError[]): InvoiceFields | null {
  const before = errors.length;
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };

  const customerId = fields.get('customerId')?.trim() ?? '';
  if (customerId === '') fail('customerId', 'is required');

  const invoiceNumber = parseInvoiceNumber(fields.get('invoiceNumber'));
  if (!invoiceNumber.ok) fail('invoiceNumber', invoiceNumber.message);

  const issuedAt = parseCalendarDate(fields.get('issuedAt') ?? '');
  if (!issuedAt.ok) fail('issuedAt', issuedAt.message);

  const amount = parseAmount(fields.get('amount') ?? '');
  if (!amount.ok) fail('amount', amount.message);

  const paidAt = parsePaidAt(fields.get('paidAt'), timeZone);
  if (!paidAt.ok) fail('paidAt', paidAt.message);

  const notify = parseFormFlag(fields.get('sendNotification'));
  if (!notify.ok) fail('sendNotification', notify.message);

  const currency = parseCurrency(fields.get('currency'));
  if (!currency.ok) fail('currency', currency.message);

  if (errors.length > before || !invoiceNumber.ok || !issuedAt.ok || !amount.ok || !paidAt.ok) return null;
  return {
    customerId,
    invoiceNumber: invoiceNumber.value,
    issuedAt: issuedAt.value,
    amountCents: amount.cents,
    currency: 'EUR',
    paidAt: paidAt.value,
    sendNotification: notify.ok && notify.value,
  };
}

/** The PDF rules (`storage/pdf-upload.ts`), worded for an invoice. */
export function pdfProblem(pdf: { size: number; head: Buffer } | null): string | null {
  return pdfPartProblem(pdf, 'invoice');
}
