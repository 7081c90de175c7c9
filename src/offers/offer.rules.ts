import type { FieldError } from '../http/problems.js';
import { parseCurrency, parseDocumentNumber, parseFormFlag, parseOptionalInstant, parseText } from '../lib/form-fields.js';
import { parseAmount } from '../lib/money.js';
import { parseCalendarDate } from '../lib/time.js';
import { pdfPartProblem } from '../storage/pdf-upload.js';

/** The create form's fields as reference 3.7 names them, plus `currency` (as the invoice form). */
export const OFFER_FIELDS = new Set([
  'customerId',
  'offerNumber',
  'issuedAt',
  'expiresAt',
  'amount',
  'pdf',
  'sendNotification',
  'acceptedAt',
  'acceptedViaIp',
  'acceptedViaUserAgent',
  'rejectedAt',
  'currency',
]);

/** Free text, not checked as an address: the published example `123.456.7.8.9` is none, and a proxy may add a list. */
export const MAX_IP_LENGTH = 100;
export const MAX_USER_AGENT_LENGTH = 1000;
export const MAX_REJECTION_REASON_LENGTH = 2000;

export type OfferStatus = 'open' | 'accepted' | 'rejected' | 'expired';

/**
 * Accepted or rejected once decided (whatever the date); otherwise expired after its last day, `expiresAt`, has
 * passed in the account's time zone (`today`), and open until then.
 */
export function offerStatus(row: { accepted_at: string | null; rejected_at: string | null; expires_at: string }, today: string): OfferStatus {
  if (row.accepted_at !== null) return 'accepted';
  if (row.rejected_at !== null) return 'rejected';
  return row.expires_at < today ? 'expired' : 'open';
}

/** A decision as the create form or the PATCH body carries it; instants are UTC, null when not given. */
export interface OfferDecision {
  acceptedAt: string | null;
  acceptedViaIp: string | null;
  acceptedViaUserAgent: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
}

type Fail = (field: string, message: string) => void;

/**
 * The decision fields (reference 3.7): `acceptedAt` with its optional IP and User-Agent (which mean nothing
 * without it), or `rejectedAt`, never both. Empty text counts as not given, as for `paidAt`.
 */
export function parseDecision(raw: Partial<Record<keyof OfferDecision, string | undefined>>, timeZone: string, fail: Fail): OfferDecision | null {
  const acceptedAt = parseOptionalInstant(raw.acceptedAt, timeZone);
  if (!acceptedAt.ok) fail('acceptedAt', acceptedAt.message);
  const rejectedAt = parseOptionalInstant(raw.rejectedAt, timeZone);
  if (!rejectedAt.ok) fail('rejectedAt', rejectedAt.message);
  const ip = parseText(raw.acceptedViaIp, MAX_IP_LENGTH, false);
  if (!ip.ok) fail('acceptedViaIp', ip.message);
  const agent = parseText(raw.acceptedViaUserAgent, MAX_USER_AGENT_LENGTH, false);
  if (!agent.ok) fail('acceptedViaUserAgent', agent.message);
  const reason = parseText(raw.rejectionReason, MAX_REJECTION_REASON_LENGTH, false);
  if (!reason.ok) fail('rejectionReason', reason.message);
  if (!acceptedAt.ok || !rejectedAt.ok || !ip.ok || !agent.ok || !reason.ok) return null;

  let valid = true;
  const refuse = (field: string, message: string) => {
    valid = false;
    fail(field, message);
  };
  if (acceptedAt.value !== null && rejectedAt.value !== null) {
    refuse('acceptedAt', 'cannot be given together with rejectedAt: an offer is either accepted or rejected');
    refuse('rejectedAt', 'cannot be given together with acceptedAt: an offer is either accepted or rejected');
  }
  if (acceptedAt.value === null) {
    if (ip.value !== null) refuse('acceptedViaIp', 'is only allowed together with acceptedAt');
    if (agent.value !== null) refuse('acceptedViaUserAgent', 'is only allowed together with acceptedAt');
  }
  if (rejectedAt.value === null && reason.value !== null) refuse('rejectionReason', 'is only allowed together with rejectedAt');
  if (!valid) return null;
  return { acceptedAt: acceptedAt.value, acceptedViaIp: ip.value, acceptedViaUserAgent: agent.value, rejectedAt: rejectedAt.value, rejectionReason: reason.value };
}

export interface OfferFields {
  customerId: string;
  offerNumber: string;
  issuedAt: string;
  expiresAt: string;
  amountCents: number;
  currency: 'EUR';
  sendNotification: boolean;
  decision: OfferDecision;
}

/**
 * Checks every text field of the create form and collects every problem, so one response names them all; the
 * same rules as the invoice form (`lib/form-fields.ts`). Returns null when any field is wrong. The customer's
 * existence and the PDF are checked by the caller.
 */
export function parseOfferFields(fields: Map<string, string>, timeZone: string, errors: FieldError[]): OfferFields | null {
  const before = errors.length;
  const fail: Fail = (field, message) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };

  const customerId = fields.get('customerId')?.trim() ?? '';
  if (customerId === '') fail('customerId', 'is required');

  const offerNumber = parseDocumentNumber(fields.get('offerNumber'));
  if (!offerNumber.ok) fail('offerNumber', offerNumber.message);

  const issuedAt = parseCalendarDate(fields.get('issuedAt') ?? '');
  if (!issuedAt.ok) fail('issuedAt', issuedAt.message);

  const expiresAt = parseCalendarDate(fields.get('expiresAt') ?? '');
  if (!expiresAt.ok) fail('expiresAt', expiresAt.message);
  else if (issuedAt.ok && expiresAt.value < issuedAt.value) fail('expiresAt', `must not be before issuedAt (${issuedAt.value})`);

  const amount = parseAmount(fields.get('amount') ?? '');
  if (!amount.ok) fail('amount', amount.message);
  // An offer proposes a price; a credit is an invoice's business (a credit invoice), not an offer's.
  else if (amount.cents < 0) fail('amount', 'must not be negative');

  const notify = parseFormFlag(fields.get('sendNotification'));
  if (!notify.ok) fail('sendNotification', notify.message);

  const currency = parseCurrency(fields.get('currency'));
  if (!currency.ok) fail('currency', currency.message);

  const decision = parseDecision(
    {
      acceptedAt: fields.get('acceptedAt'),
      acceptedViaIp: fields.get('acceptedViaIp'),
      acceptedViaUserAgent: fields.get('acceptedViaUserAgent'),
      rejectedAt: fields.get('rejectedAt'),
    },
    timeZone,
    fail,
  );

  if (errors.length > before || !offerNumber.ok || !issuedAt.ok || !expiresAt.ok || !amount.ok || !decision) return null;
  return {
    customerId,
    offerNumber: offerNumber.value,
    issuedAt: issuedAt.value,
    expiresAt: expiresAt.value,
    amountCents: amount.cents,
    currency: 'EUR',
    sendNotification: notify.ok && notify.value,
    decision,
  };
}

/** The PDF rules (`storage/pdf-upload.ts`), worded for an offer. */
export function offerPdfProblem(pdf: { size: number; head: Buffer } | null): string | null {
  return pdfPartProblem(pdf, 'offer');
}
