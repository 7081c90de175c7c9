import type { FieldError } from '../http/problems.js';
import { parseCalendarDate } from '../lib/time.js';
import { parseLines, type InvoiceLine } from './invoice-lines.rules.js';
import { parseInvoiceNumber, parsePaidAt } from './invoice.rules.js';

/** The JSON body of `POST /v1/customer-invoices/manual`: the published fields, then our extensions. */
export const MANUAL_INVOICE_FIELDS = new Set([
  'customerId',
  'invoiceNumber',
  'issuedAt',
  'lines',
  'sendNotification',
  'paidAt',
  'dueAt',
  'deliveredAt',
  'reference',
  'creditedInvoiceId',
]);

/** The EPC QR code carries at most 140 characters of remittance text: the reference must fit in it. */
export const MAX_REFERENCE_CHARS = 140;

export interface ManualInvoiceFields {
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  lines: InvoiceLine[];
  sendNotification: boolean;
  /** UTC instant, or null when unpaid. */
  paidAt: string | null;
  /** Null: the default (issuedAt + the account's payment term), which needs the account. */
  dueAt: string | null;
  /** Null: the issue date. */
  deliveredAt: string | null;
  /** Null: the invoice number. */
  reference: string | null;
  creditedInvoiceId: string | null;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** An optional date: absent or null is "not given". */
function optionalDate(raw: unknown, field: string, fail: (field: string, message: string) => void): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') {
    fail(field, 'must be a date in YYYY-MM-DD format, e.g. "2025-05-14"');
    return null;
  }
  const parsed = parseCalendarDate(raw);
  if (!parsed.ok) fail(field, parsed.message);
  return parsed.ok ? parsed.value : null;
}

/**
 * Checks the body and collects every problem (each failing line field as `lines[2].vatRate`), so one 422 names
 * them all. What needs the database (the customer, the credited invoice, the account's details) is the caller's.
 */
export function parseManualInvoice(body: unknown, timeZone: string, errors: FieldError[]): ManualInvoiceFields | null {
  const before = errors.length;
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail('(body)', 'must be a JSON object with customerId, invoiceNumber, issuedAt and lines');
    return null;
  }
  const fields = body as Record<string, unknown>;
  for (const name of Object.keys(fields)) if (!MANUAL_INVOICE_FIELDS.has(name)) fail(name, 'is not a known field');

  const text = (name: string): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      fail(name, 'must be a string');
      return undefined;
    }
    return value;
  };

  const customerId = text('customerId')?.trim() ?? '';
  if (customerId === '') fail('customerId', 'is required');

  const invoiceNumber = parseInvoiceNumber(text('invoiceNumber'));
  if (!invoiceNumber.ok) fail('invoiceNumber', invoiceNumber.message);

  let issuedAt: string | null = null;
  if (fields.issuedAt === undefined || fields.issuedAt === null) fail('issuedAt', 'is required');
  else issuedAt = optionalDate(fields.issuedAt, 'issuedAt', fail);

  const lines = parseLines(fields.lines, errors);

  let sendNotification = false;
  if (fields.sendNotification !== undefined && fields.sendNotification !== null) {
    if (typeof fields.sendNotification === 'boolean') sendNotification = fields.sendNotification;
    else fail('sendNotification', 'must be true or false');
  }

  let paidAt: string | null = null;
  if (fields.paidAt !== undefined && fields.paidAt !== null) {
    if (typeof fields.paidAt !== 'string') fail('paidAt', 'must be a string, e.g. "2025-04-20 12:59:00"');
    else {
      const parsed = parsePaidAt(fields.paidAt, timeZone);
      if (parsed.ok) paidAt = parsed.value;
      else fail('paidAt', parsed.message);
    }
  }

  const dueAt = optionalDate(fields.dueAt, 'dueAt', fail);
  const deliveredAt = optionalDate(fields.deliveredAt, 'deliveredAt', fail);
  if (dueAt !== null && issuedAt !== null && dueAt < issuedAt) fail('dueAt', 'must not be before issuedAt');

  let reference: string | null = null;
  const rawReference = text('reference');
  if (rawReference !== undefined) {
    const value = rawReference.trim();
    if (value === '') fail('reference', 'must not be empty (leave it out to use the invoice number)');
    else if ([...value].length > MAX_REFERENCE_CHARS) fail('reference', `must be at most ${MAX_REFERENCE_CHARS} characters`);
    else if (CONTROL.test(value)) fail('reference', 'must not contain control characters');
    else reference = value;
  }

  const creditedInvoiceId = text('creditedInvoiceId')?.trim() || null;

  if (errors.length > before || !invoiceNumber.ok || issuedAt === null || !lines) return null;
  return { customerId, invoiceNumber: invoiceNumber.value, issuedAt, lines, sendNotification, paidAt, dueAt, deliveredAt, reference, creditedInvoiceId };
}
