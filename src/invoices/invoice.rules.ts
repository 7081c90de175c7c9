import type { FieldError } from '../http/problems.js';
import { parseAmount } from '../lib/money.js';
import { parseCalendarDate, parseInstant } from '../lib/time.js';

/** The create form's fields, exactly as the published reference page names them. */
export const INVOICE_FIELDS = new Set(['customerId', 'invoiceNumber', 'issuedAt', 'amount', 'pdf', 'paidAt', 'sendNotification', 'currency']);

export const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

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

// C0 and C1 control characters, DEL included.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function parseInvoiceNumber(raw: string | undefined): { ok: true; value: string } | { ok: false; message: string } {
  const value = raw?.trim() ?? '';
  if (value === '') return { ok: false, message: 'is required' };
  if ([...value].length > 64) return { ok: false, message: 'must be at most 64 characters' };
  if (CONTROL.test(value)) return { ok: false, message: 'must not contain control characters' };
  return { ok: true, value };
}

/** `paidAt` as the form sends it: empty means unpaid. */
export function parsePaidAt(raw: string | undefined, timeZone: string): { ok: true; value: string | null } | { ok: false; message: string } {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: null };
  return parseInstant(raw, timeZone);
}

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

  let sendNotification = false;
  const notify = fields.get('sendNotification');
  if (notify !== undefined) {
    const normalised = notify.trim().toLowerCase();
    if (normalised === 'true' || normalised === '1') sendNotification = true;
    else if (normalised !== 'false' && normalised !== '0') fail('sendNotification', 'must be true, false, 1 or 0');
  }

  const currency = fields.get('currency');
  if (currency !== undefined && currency.trim() !== 'EUR') fail('currency', 'only EUR is supported');

  if (errors.length > before || !invoiceNumber.ok || !issuedAt.ok || !amount.ok || !paidAt.ok) return null;
  return {
    customerId,
    invoiceNumber: invoiceNumber.value,
    issuedAt: issuedAt.value,
    amountCents: amount.cents,
    currency: 'EUR',
    paidAt: paidAt.value,
    sendNotification,
  };
}

/** The PDF rules: present, not empty, and a PDF by its first bytes (never by the declared Content-Type). */
export function pdfProblem(pdf: { size: number; head: Buffer } | null): string | null {
  if (!pdf) return 'is required: send the invoice as a file part named "pdf"';
  if (pdf.size === 0) return 'must not be empty';
  if (!pdf.head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return 'must be a PDF file (its first bytes must be "%PDF-")';
  return null;
}
