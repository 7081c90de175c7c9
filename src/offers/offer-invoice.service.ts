import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { findCustomer } from '../customers/customer.repository.js';
import type { OnCommit } from '../http/idempotency.js';
import { conflict, validationFailed, type FieldError } from '../http/problems.js';
import { withSchemaErrors } from '../invoices/document-body.rules.js';
import { linesOf, OFFER_LINES } from '../invoices/document-lines.repository.js';
import { computeTotals, type VatRate } from '../invoices/invoice-lines.rules.js';
import type { Invoice } from '../invoices/invoice.schemas.js';
import { invoiceUrl } from '../invoices/invoice.service.js';
import { commitManualInvoice } from '../invoices/manual-invoice.service.js';
import { loadDocumentAccount } from '../invoices/rendered-document.js';
import { looksLikeId } from '../lib/ids.js';
import { parseConvertOffer } from './offer-manual.rules.js';
import { findOffer, markOfferInvoiced, type OfferRow } from './offer.repository.js';
import { isManualOffer, missingOffer, todayIn } from './offer.service.js';

/** Why this offer cannot become an invoice (409), or null when it can. */
function conversionConflict(row: OfferRow, baseUrl: string) {
  if (!isManualOffer(row)) {
    return conflict('This offer was uploaded as a PDF: we do not know its lines, so it cannot become an invoice. Create the invoice with POST /v1/customer-invoices/manual.', [
      { field: 'id', message: 'is an uploaded offer, not a manual one (no lines)' },
    ]);
  }
  if (row.invoice_id !== null) {
    return conflict(`This offer already became invoice ${row.invoice_id} (${invoiceUrl(baseUrl, row.invoice_id)}); an offer becomes one invoice.`, [
      { field: 'id', message: `already became invoice ${row.invoice_id}` },
    ]);
  }
  if (row.accepted_at === null) {
    const state = row.rejected_at !== null ? 'was rejected' : 'is not accepted';
    return conflict(`This offer ${state}; only an accepted offer becomes an invoice (mark it accepted with PATCH /v1/customer-offers/{id}).`, [{ field: 'id', message: `the offer ${state}` }]);
  }
  return null;
}

/**
 * `POST /v1/customer-offers/{id}/invoice`: an accepted manual offer becomes a manual invoice of the same customer
 * with the same lines (so the same money), through the manual invoices' own create path (`commitManualInvoice`:
 * rendered, published, committed with its email and `invoice-created`). The offer's `invoice_id` is set by a
 * conditional update in the invoice's transaction, so of two concurrent conversions exactly one makes an invoice.
 * Order of answers: 404 (no such offer of this account), 422 (the body, the account's details), 409 (its state).
 */
export async function convertOfferToInvoice(ctx: AppContext, caller: Caller, id: string, body: unknown, schemaErrors: FieldError[], onCommit?: OnCommit<Invoice>): Promise<Invoice> {
  const row = looksLikeId('off', id) ? await findOffer(ctx.db, caller.accountId, id) : undefined;
  if (!row) throw missingOffer(id);

  const errors: FieldError[] = [];
  const fields = parseConvertOffer(body, errors);
  withSchemaErrors(errors, schemaErrors);
  const issuedAt = fields?.issuedAt ?? todayIn(ctx.clock, caller.timeZone);
  if (fields?.dueAt && fields.dueAt < issuedAt) errors.push({ field: 'dueAt', message: `must not be before the issue date (${issuedAt})` });
  const account = await loadDocumentAccount(ctx.db, caller.accountId);
  errors.push(...account.missing);
  if (errors.length > 0 || !fields) throw validationFailed(errors);

  const refused = conversionConflict(row, ctx.config.publicBaseUrl);
  if (refused) throw refused;
  // Customers with offers cannot be deleted, and their address is required since offers exist.
  const customer = await findCustomer(ctx.db, caller.accountId, row.customer_id);
  if (!customer) throw missingOffer(id);
  const stored = (await linesOf(ctx.db, OFFER_LINES, [row.id])).get(row.id) ?? [];
  const totals = computeTotals(
    stored.map((line) => ({ description: line.description, quantityHundredths: line.quantity_hundredths, unitPriceCents: line.unit_price_cents, vatRate: line.vat_rate as VatRate })),
  );

  return commitManualInvoice(
    ctx,
    caller,
    account,
    {
      customer,
      invoiceNumber: fields.invoiceNumber,
      issuedAt,
      totals,
      sendNotification: fields.sendNotification,
      paidAt: null,
      dueAt: fields.dueAt,
      deliveredAt: fields.deliveredAt,
      reference: fields.reference,
      credited: undefined,
    },
    {
      onCommit,
      within: async (trx, invoice) => {
        if (await markOfferInvoiced(trx, caller.accountId, row.id, invoice.id)) return;
        // Converted (or deleted) by a concurrent request since our read: this invoice is rolled back.
        const now = await findOffer(trx, caller.accountId, row.id);
        throw (now && conversionConflict(now, ctx.config.publicBaseUrl)) ?? missingOffer(id);
      },
    },
  );
}
