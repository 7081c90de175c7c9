import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { findCustomer } from '../customers/customer.repository.js';
import { customerUrl } from '../customers/customer.service.js';
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation, type Executor } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { conflict, notFound, unavailable, validationFailed, type FieldError } from '../http/problems.js';
import type { Clock } from '../lib/clock.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { formatAmount } from '../lib/money.js';
import { nowUtc, toAtom, toPlainDate } from '../lib/time.js';
import { issueDownloadLink, type CloudFile, type DownloadTarget } from '../storage/download-links.js';
import { publishAndCommit } from '../storage/pdf-lock.js';
import { StorageUnavailableError } from '../storage/pdf-store.js';
import type { PdfUpload } from '../storage/pdf-upload.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import { linesOf, OFFER_LINES, type DocumentLineRow } from '../invoices/document-lines.repository.js';
import { toLineResource } from '../invoices/document-lines.resource.js';
import { invoiceUrl } from '../invoices/invoice.service.js';
import { queueOfferNotification } from './offer-notification.js';
import { findOffer, insertOffer, offerNumberTaken, type OfferRow } from './offer.repository.js';
import { offerPdfProblem, offerStatus, parseOfferFields } from './offer.rules.js';
import type { Offer } from './offer.schemas.js';

export function offerUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/v1/customer-offers/${id}`;
}

/** The account's calendar date now: what separates an open offer from an expired one. */
export function todayIn(clock: Clock, timeZone: string): string {
  return toPlainDate(new Date(clock.now()).toISOString(), timeZone);
}

/** What an offer resource shows beside its row: its lines (manual offers; none for an upload). */
export interface OfferExtras {
  lines: readonly DocumentLineRow[];
}

/** A manual offer is one we rendered from lines; only those have a subtotal (an upload's PDF is whatever it is). */
export const isManualOffer = (row: Pick<OfferRow, 'subtotal_cents'>) => row.subtotal_cents !== null;

/** The extras of a whole page of offers: one query for the lines of all its manual offers. */
export async function offerExtras(db: Executor, rows: readonly OfferRow[]): Promise<(row: OfferRow) => OfferExtras> {
  const lines = await linesOf(db, OFFER_LINES, rows.filter(isManualOffer).map((row) => row.id));
  return (row) => ({ lines: lines.get(row.id) ?? [] });
}

/** One offer as its GET shows it (its lines read with it): for answers and webhook events of one offer. */
export async function offerResource(db: Executor, row: OfferRow, caller: Caller, baseUrl: string, today: string): Promise<Offer> {
  return toOffer(row, caller, baseUrl, today, (await offerExtras(db, [row]))(row));
}

const amountOrNull = (cents: number | null) => (cents === null ? null : formatAmount(cents));

/**
 * `today`: the account's date (`todayIn`), for the status. `extras`: a manual offer's lines (`offerExtras`,
 * `offerResource`); without them its `lines` show empty.
 */
export function toOffer(row: OfferRow, caller: Caller, baseUrl: string, today: string, extras: OfferExtras = { lines: [] }): Offer {
  const self = offerUrl(baseUrl, row.id);
  const atom = (instant: string | null) => (instant === null ? null : toAtom(instant, caller.timeZone));
  return {
    id: row.id,
    customerId: row.customer_id,
    offerNumber: row.offer_number,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    currency: 'EUR',
    amount: formatAmount(row.amount_cents),
    acceptedAt: atom(row.accepted_at),
    acceptedViaIp: row.accepted_via_ip,
    acceptedViaUserAgent: row.accepted_via_user_agent,
    acceptanceSignature: row.acceptance_signature,
    acceptanceSignatureType: row.acceptance_signature_type,
    acceptedByName: row.accepted_by_name,
    rejectedAt: atom(row.rejected_at),
    rejectionReason: row.rejection_reason,
    status: offerStatus(row, today),
    createdAt: toAtom(row.created_at, caller.timeZone),
    lines: extras.lines.map(toLineResource),
    subtotalAmount: amountOrNull(row.subtotal_cents),
    vatAmount: amountOrNull(row.vat_cents),
    invoiceId: row.invoice_id,
    links: {
      self: { href: self, type: 'application/json' },
      customer: { href: customerUrl(baseUrl, row.customer_id), type: 'application/json' },
      pdf: { href: `${self}/pdf`, type: 'application/pdf' },
      ...(row.invoice_id === null ? {} : { invoice: { href: invoiceUrl(baseUrl, row.invoice_id), type: 'application/json' } }),
    },
  };
}

const duplicateNumber = (offerNumber: string) =>
  conflict(`An offer with number "${offerNumber}" already exists in this account.`, [
    { field: 'offerNumber', message: `"${offerNumber}" is already used by another offer` },
  ]);

/** The 409 of a taken offer number, for the other create paths (manual offers). */
export const duplicateOfferNumber = (offerNumber: string) => duplicateNumber(offerNumber);

/** The webhook event a decision fires, if any. */
export function decisionEvent(row: OfferRow): 'offer-accepted' | 'offer-rejected' | null {
  if (row.accepted_at !== null) return 'offer-accepted';
  if (row.rejected_at !== null) return 'offer-rejected';
  return null;
}

/**
 * Creates an offer from a read upload through the stored-file pipeline: the PDF is published before the row (its
 * email, its webhook events, the idempotency record) commits, and the response goes out after the commit. On any
 * failure neither the row nor a PDF that this request added remains.
 */
export async function createOffer(ctx: AppContext, caller: Caller, upload: PdfUpload, onCommit?: OnCommit<Offer>): Promise<Offer> {
  const { pdf } = upload;
  try {
    const errors: FieldError[] = [...upload.errors];
    const fields = parseOfferFields(upload.fields, caller.timeZone, errors);
    const pdfError = offerPdfProblem(pdf);
    if (pdfError && !errors.some((e) => e.field === 'pdf')) errors.push({ field: 'pdf', message: pdfError });
    const customerId = upload.fields.get('customerId')?.trim() ?? '';
    if (customerId !== '' && !(looksLikeId('cst', customerId) && (await findCustomer(ctx.db, caller.accountId, customerId)))) {
      errors.push({ field: 'customerId', message: 'is not a customer of your account' });
    }
    if (errors.length > 0 || !fields || !pdf) throw validationFailed(errors);
    if (await offerNumberTaken(ctx.db, caller.accountId, fields.offerNumber)) throw duplicateNumber(fields.offerNumber);

    const { decision } = fields;
    const row: OfferRow = {
      id: newId('off'),
      account_id: caller.accountId,
      customer_id: customerId,
      offer_number: fields.offerNumber,
      issued_at: fields.issuedAt,
      expires_at: fields.expiresAt,
      currency: fields.currency,
      amount_cents: fields.amountCents,
      subtotal_cents: null,
      vat_cents: null,
      pdf_sha256: pdf.sha256,
      pdf_size: pdf.size,
      accepted_at: decision.acceptedAt,
      accepted_via_ip: decision.acceptedViaIp,
      accepted_via_user_agent: decision.acceptedViaUserAgent,
      acceptance_signature: null,
      accepted_by_name: null,
      acceptance_signature_type: null,
      rejected_at: decision.rejectedAt,
      rejection_reason: null,
      invoice_id: null,
      created_at: nowUtc(),
    };
    const today = todayIn(ctx.clock, caller.timeZone);
    return await publishAndCommit(ctx, pdf, async (trx) => {
      await insertOffer(trx, row);
      if (fields.sendNotification) await queueOfferNotification(trx, row, ctx.config.mail);
      const offer = toOffer(row, caller, ctx.config.publicBaseUrl, today);
      // An offer created already decided is also that decision (as an invoice created paid is also a payment).
      await recordWebhookEvent(trx, caller.accountId, 'offer-created', offer);
      const decided = decisionEvent(row);
      if (decided) await recordWebhookEvent(trx, caller.accountId, decided, offer);
      await onCommit?.(trx, offer);
      return offer;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(upload.fields.get('offerNumber')?.trim() ?? '');
    if (isForeignKeyViolation(error)) throw validationFailed([{ field: 'customerId', message: 'is not a customer of your account' }]);
    if (error instanceof StorageUnavailableError || isDatabaseUnavailable(error)) {
      throw unavailable('The offer could not be stored right now; nothing was kept. Retry later.');
    }
    throw error;
  } finally {
    await pdf?.discard();
  }
}

export const missingOffer = (id: string) => notFound(`Customer offer ${id.slice(0, 64)}`);

async function requireOfferRow(ctx: AppContext, caller: Caller, id: string): Promise<OfferRow> {
  const row = looksLikeId('off', id) ? await findOffer(ctx.db, caller.accountId, id) : undefined;
  if (!row) throw missingOffer(id);
  return row;
}

export async function getOffer(ctx: AppContext, caller: Caller, id: string): Promise<Offer> {
  const row = await requireOfferRow(ctx, caller, id);
  return offerResource(ctx.db, row, caller, ctx.config.publicBaseUrl, todayIn(ctx.clock, caller.timeZone));
}

/** What a download of the offer's PDF serves: its stored bytes, named after the offer number. */
export async function offerPdf(ctx: AppContext, caller: Caller, id: string): Promise<DownloadTarget> {
  const offer = await requireOfferRow(ctx, caller, id);
  return { key: offer.pdf_sha256, name: offer.offer_number, extension: 'pdf', contentType: 'application/pdf' };
}

/** `GET …/{id}/pdf`: a cloud-file link to the PDF, valid for 5 minutes, as for invoices. */
export async function offerPdfLink(ctx: AppContext, caller: Caller, id: string): Promise<CloudFile> {
  return issueDownloadLink(ctx, await offerPdf(ctx, caller, id), caller.timeZone);
}
