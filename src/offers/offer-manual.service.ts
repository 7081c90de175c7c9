import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { findCustomer } from '../customers/customer.repository.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { unavailable, validationFailed, type FieldError } from '../http/problems.js';
import { withSchemaErrors } from '../invoices/document-body.rules.js';
import { insertLines, OFFER_LINES, toLineRows } from '../invoices/document-lines.repository.js';
import { computeTotals } from '../invoices/invoice-lines.rules.js';
import { isUnavailable } from '../invoices/invoice.service.js';
import { customerAddressProblem, loadDocumentAccount, renderDocument } from '../invoices/rendered-document.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { nowUtc } from '../lib/time.js';
import { publishAndCommit } from '../storage/pdf-lock.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import { parseManualOffer } from './offer-manual.rules.js';
import { queueOfferNotification } from './offer-notification.js';
import { insertOffer, offerNumberTaken, type OfferRow } from './offer.repository.js';
import type { Offer } from './offer.schemas.js';
import { duplicateOfferNumber, todayIn, toOffer } from './offer.service.js';

const notACustomer = { field: 'customerId', message: 'is not a customer of your account' };
const stored = () => unavailable('The offer could not be stored right now; nothing was kept. Retry later.');

/**
 * `POST /v1/customer-offers/manual`: checks the body, the customer and the account's legal details (one 422
 * naming all), computes the money as for a manual invoice, renders the PDF as an offerte (its expiry date as
 * "geldig tot", no payment block, no QR code) before any transaction, then publishes it and commits the offer, its
 * lines, its email and `offer-created` exactly like an uploaded offer (`publishAndCommit`).
 */
export async function createManualOffer(ctx: AppContext, caller: Caller, body: unknown, schemaErrors: FieldError[], onCommit?: OnCommit<Offer>): Promise<Offer> {
  const errors: FieldError[] = [];
  const fields = parseManualOffer(body, errors);
  withSchemaErrors(errors, schemaErrors);

  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const customerId = typeof raw.customerId === 'string' ? raw.customerId.trim() : '';
  const customer = customerId !== '' && looksLikeId('cst', customerId) ? await findCustomer(ctx.db, caller.accountId, customerId) : undefined;
  if (customerId !== '' && !customer) errors.push(notACustomer);
  const addressProblem = customer ? customerAddressProblem(customer) : null;
  if (addressProblem) errors.push({ field: 'customerId', message: addressProblem });

  const totals = fields ? computeTotals(fields.lines) : null;
  // An offer proposes a price; a credit is an invoice's business (a credit note), as for uploaded offers.
  if (totals && totals.amountCents < 0) errors.push({ field: 'lines', message: 'must not add up to a negative total: an offer proposes a price (a credit is a credit note)' });

  const account = await loadDocumentAccount(ctx.db, caller.accountId);
  errors.push(...account.missing);
  if (errors.length > 0 || !fields || !totals || !customer) throw validationFailed(errors);
  if (await offerNumberTaken(ctx.db, caller.accountId, fields.offerNumber)) throw duplicateOfferNumber(fields.offerNumber);

  let pdf;
  try {
    pdf = await renderDocument(ctx, account, customer, { kind: 'offer', number: fields.offerNumber, issueDate: fields.issuedAt, dueDate: fields.expiresAt, totals });
  } catch (error) {
    if (isUnavailable(error)) throw stored();
    throw error;
  }
  const row: OfferRow = {
    id: newId('off'),
    account_id: caller.accountId,
    customer_id: customer.id,
    offer_number: fields.offerNumber,
    issued_at: fields.issuedAt,
    expires_at: fields.expiresAt,
    currency: 'EUR',
    amount_cents: totals.amountCents,
    subtotal_cents: totals.subtotalCents,
    vat_cents: totals.vatCents,
    pdf_sha256: pdf.sha256,
    pdf_size: pdf.size,
    accepted_at: null,
    accepted_via_ip: null,
    accepted_via_user_agent: null,
    acceptance_signature: null,
    accepted_by_name: null,
    acceptance_signature_type: null,
    rejected_at: null,
    rejection_reason: null,
    invoice_id: null,
    created_at: nowUtc(),
  };
  const lines = toLineRows(totals.lines);
  const today = todayIn(ctx.clock, caller.timeZone);
  try {
    return await publishAndCommit(ctx, pdf, async (trx) => {
      await insertOffer(trx, row);
      await insertLines(trx, OFFER_LINES, row.id, lines);
      if (fields.sendNotification) await queueOfferNotification(trx, row, ctx.config.mail);
      const offer = toOffer(row, caller, ctx.config.publicBaseUrl, today, { lines });
      await recordWebhookEvent(trx, caller.accountId, 'offer-created', offer);
      await onCommit?.(trx, offer);
      return offer;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateOfferNumber(fields.offerNumber);
    // The customer was deleted between the checks and the commit.
    if (isForeignKeyViolation(error)) throw validationFailed([notACustomer]);
    if (isUnavailable(error)) throw stored();
    throw error;
  } finally {
    await pdf.discard();
  }
}
