import type { FieldError } from '../http/problems.js';
import { parseDocumentNumber } from '../lib/form-fields.js';
import { readBody } from '../invoices/document-body.rules.js';
import { parseLines, type InvoiceLine } from '../invoices/invoice-lines.rules.js';

/**
 * The JSON body of `POST /v1/customer-offers/manual` (reference 3.7, with `lines[].quantity` as for invoices), and
 * the body of `POST /v1/customer-offers/{id}/invoice`. Every problem is collected, so one 422 names them all.
 * An offer has no payment block, so the invoice's payment extensions (paidAt, dueAt, reference, …) are no fields
 * of it: they belong to the invoice it becomes, and the conversion takes them.
 */
export const MANUAL_OFFER_FIELDS = new Set(['customerId', 'offerNumber', 'issuedAt', 'expiresAt', 'lines', 'sendNotification']);

export interface ManualOfferFields {
  customerId: string;
  offerNumber: string;
  issuedAt: string;
  expiresAt: string;
  lines: InvoiceLine[];
  sendNotification: boolean;
}

export function parseManualOffer(body: unknown, errors: FieldError[]): ManualOfferFields | null {
  const read = readBody(body, MANUAL_OFFER_FIELDS, errors, 'customerId, offerNumber, issuedAt, expiresAt and lines');
  if (!read) return null;
  const { fields, fail, text } = read;

  const customerId = text('customerId')?.trim() ?? '';
  if (customerId === '') fail('customerId', 'is required');
  const offerNumber = parseDocumentNumber(text('offerNumber'));
  if (!offerNumber.ok) fail('offerNumber', offerNumber.message);
  const issuedAt = read.date('issuedAt', true);
  const expiresAt = read.date('expiresAt', true);
  if (issuedAt !== null && expiresAt !== null && expiresAt < issuedAt) fail('expiresAt', `must not be before issuedAt (${issuedAt})`);
  const lines = parseLines(fields.lines, errors);
  const sendNotification = read.flag('sendNotification', false);

  if (read.failed() || !offerNumber.ok || issuedAt === null || expiresAt === null || !lines) return null;
  return { customerId, offerNumber: offerNumber.value, issuedAt, expiresAt, lines, sendNotification };
}

export const CONVERT_OFFER_FIELDS = new Set(['invoiceNumber', 'issuedAt', 'dueAt', 'deliveredAt', 'reference', 'sendNotification']);

export interface ConvertOfferFields {
  invoiceNumber: string;
  /** Null: today in the account's time zone. */
  issuedAt: string | null;
  dueAt: string | null;
  deliveredAt: string | null;
  reference: string | null;
  sendNotification: boolean;
}

export function parseConvertOffer(body: unknown, errors: FieldError[]): ConvertOfferFields | null {
  const read = readBody(body, CONVERT_OFFER_FIELDS, errors, 'invoiceNumber');
  if (!read) return null;
  const invoiceNumber = parseDocumentNumber(read.text('invoiceNumber'));
  if (!invoiceNumber.ok) read.fail('invoiceNumber', invoiceNumber.message);
  const issuedAt = read.date('issuedAt');
  const dueAt = read.date('dueAt');
  const deliveredAt = read.date('deliveredAt');
  const reference = read.reference('reference', 'leave it out to use the invoice number');
  const sendNotification = read.flag('sendNotification', false);
  if (read.failed() || !invoiceNumber.ok) return null;
  return { invoiceNumber: invoiceNumber.value, issuedAt, dueAt, deliveredAt, reference, sendNotification };
}
