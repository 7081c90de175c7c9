import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { throwIfInvalid } from '../http/pagination.js';
import { conflict, type FieldError } from '../http/problems.js';
import { looksLikeId } from '../lib/ids.js';
import { toAtom } from '../lib/time.js';
import { removePdfIfUnreferenced } from '../storage/pdf-lock.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import { recordOfferDecision } from './offer-decision.service.js';
import { deleteOfferRow, findOffer, type OfferRow } from './offer.repository.js';
import { parseDecision } from './offer.rules.js';
import type { Offer, UpdateOfferInput } from './offer.schemas.js';
import { missingOffer, offerResource, todayIn } from './offer.service.js';

const DECISION_FIELDS = ['acceptedAt', 'acceptedViaIp', 'acceptedViaUserAgent', 'rejectedAt', 'rejectionReason'] as const;

function alreadyDecided(row: OfferRow, timeZone: string) {
  const [field, word, at] = row.accepted_at !== null ? (['acceptedAt', 'accepted', row.accepted_at] as const) : (['rejectedAt', 'rejected', row.rejected_at ?? ''] as const);
  return conflict(`This offer was already ${word} at ${toAtom(at, timeZone)}; an offer is decided once.`, [{ field, message: `the offer is already ${word}` }]);
}

/**
 * Marks an offer accepted (`acceptedAt`, with the optional IP and User-Agent) or rejected (`rejectedAt`), once.
 * `schemaErrors`: what the route's schema found wrong, reported together with the decision's own rules. An expired
 * offer may be decided here (the business records what happened; see UpdateOfferBody); a decided one is 409, and of
 * two concurrent decisions one wins (the update's condition) and the other is 409. The same path as the portal's
 * decision (`recordOfferDecision`), without the customer's signature and the email to the business.
 */
export async function updateOffer(ctx: AppContext, caller: Caller, id: string, input: UpdateOfferInput, schemaErrors: FieldError[] = []): Promise<Offer> {
  const errors = [...schemaErrors];
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  const body = (input ?? {}) as Record<string, unknown>;
  const raw = Object.fromEntries(DECISION_FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field] : undefined]));
  const bodyBroken = errors.some((e) => e.field === '(body)' || (DECISION_FIELDS as readonly string[]).includes(e.field));
  const decision = bodyBroken ? null : parseDecision(raw, caller.timeZone, fail);
  if (decision && decision.acceptedAt === null && decision.rejectedAt === null) {
    fail('acceptedAt', 'give acceptedAt to mark the offer accepted, or rejectedAt to mark it rejected');
  }
  throwIfInvalid(errors);
  if (!decision) throw new Error('unreachable: a decision without errors');

  const change = {
    accepted_at: decision.acceptedAt,
    accepted_via_ip: decision.acceptedViaIp,
    accepted_via_user_agent: decision.acceptedViaUserAgent,
    acceptance_signature: null,
    accepted_by_name: null,
    acceptance_signature_type: null,
    rejected_at: decision.rejectedAt,
    rejection_reason: decision.rejectionReason,
  };
  const result = await recordOfferDecision(ctx, caller, id, change, { byCustomer: false });
  if (result.ok) return result.offer;
  if (result.reason === 'missing') throw missingOffer(id);
  throw alreadyDecided(result.row, caller.timeZone);
}

/**
 * Deletes an offer in any state; its PDF goes too once no row references those bytes. The row is committed away
 * first: a crash before the file is removed leaves an unreferenced file (the sweep's), never a row without its PDF.
 */
export async function deleteOffer(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const found = looksLikeId('off', id) ? await findOffer(trx, caller.accountId, id) : undefined;
    if (!found) throw missingOffer(id);
    const offer = await offerResource(trx, found, caller, ctx.config.publicBaseUrl, todayIn(ctx.clock, caller.timeZone));
    if (!(await deleteOfferRow(trx, caller.accountId, found.id))) throw missingOffer(id);
    await recordWebhookEvent(trx, caller.accountId, 'offer-deleted', offer);
    return found;
  });
  await removePdfIfUnreferenced(ctx, row.pdf_sha256);
}
