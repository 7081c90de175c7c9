import type { FieldError } from '../http/problems.js';
import { readBody } from './document-body.rules.js';
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

/**
 * Checks the body and collects every problem (each failing line field as `lines[2].vatRate`), so one 422 names
 * them all. What needs the database (the customer, the credited invoice, the account's details) is the caller's.
 */
export function parseManualInvoice(body: unknown, timeZone: string, errors: FieldError[]): ManualInvoiceFields | null {
  const read = readBody(body, MANUAL_INVOICE_FIELDS, errors, 'customerId, invoiceNumber, issuedAt and lines');
  if (!read) return null;
  const { fields, fail, text } = read;

  const customerId = text('customerId')?.trim() ?? '';
  if (customerId === '') fail('customerId', 'is required');

  const invoiceNumber = parseInvoiceNumber(text('invoiceNumber'));
  if (!invoiceNumber.ok) fail('invoiceNumber', invoiceNumber.message);

  const issuedAt = read.date('issuedAt', true);
  const lines = parseLines(fields.lines, errors);
  const sendNotification = read.flag('sendNotification', false);

  let paidAt: string | null = null;
  if (fields.paidAt !== undefined && fields.paidAt !== null) {
    if (typeof fields.paidAt !== 'string') fail('paidAt', 'must be a string, e.g. "2025-04-20 12:59:00"');
    else {
      const parsed = parsePaidAt(fields.paidAt, timeZone);
      if (parsed.ok) paidAt = parsed.value;
      else fail('paidAt', parsed.message);
    }
  }

  const dueAt = read.date('dueAt');
  const deliveredAt = read.date('deliveredAt');
  if (dueAt !== null && issuedAt !== null && dueAt < issuedAt) fail('dueAt', 'must not be before issuedAt');
  const reference = read.reference('reference', 'leave it out to use the invoice number');
  const creditedInvoiceId = text('creditedInvoiceId')?.trim() || null;

  if (read.failed() || !invoiceNumber.ok || issuedAt === null || !lines) return null;
  return { customerId, invoiceNumber: invoiceNumber.value, issuedAt, lines, sendNotification, paidAt, dueAt, deliveredAt, reference, creditedInvoiceId };
}
