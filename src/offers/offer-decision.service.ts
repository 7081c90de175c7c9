import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { looksLikeId } from '../lib/ids.js';
import type { CheckedSignature } from '../pages/signature.rules.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import { queueOfferDecidedNotification } from './offer-decision-notification.js';
import { decideOffer, findCustomerOffer, findOffer, type OfferDecisionColumns, type OfferRow } from './offer.repository.js';
import { MAX_IP_LENGTH, MAX_USER_AGENT_LENGTH } from './offer.rules.js';
import type { Offer } from './offer.schemas.js';
import { decisionEvent, offerResource, todayIn } from './offer.service.js';

/**
 * The one decision path: the API's PATCH (the business records what happened) and the portal (the customer
 * decides) both end here. One transaction: the conditional UPDATE (exactly one of concurrent decisions wins), the
 * webhook event (`offer-accepted` / `offer-rejected`) and, for the customer's decision, the email to the business.
 */

export type DecisionResult =
  | { ok: true; row: OfferRow; offer: Offer }
  | { ok: false; reason: 'missing' }
  /** `row`: the offer as it is now (the loser of a race sees the winner's decision). */
  | { ok: false; reason: 'decided' | 'expired'; row: OfferRow };

export interface DecisionOptions {
  /** The portal's scope: only this customer's offer (another's looks missing). */
  customerId?: string | undefined;
  /**
   * The customer decides (the portal): an offer past its last day in the account's time zone cannot be decided,
   * and the business is emailed. The business itself (the API) may record a decision on an expired offer.
   */
  byCustomer: boolean;
}

export async function recordOfferDecision(ctx: AppContext, caller: Caller, id: string, change: OfferDecisionColumns, options: DecisionOptions): Promise<DecisionResult> {
  if (!looksLikeId('off', id)) return { ok: false, reason: 'missing' };
  const scope = { accountId: caller.accountId, customerId: options.customerId ?? '' };
  return ctx.db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const read = () => (options.customerId === undefined ? findOffer(trx, caller.accountId, id) : findCustomerOffer(trx, scope, id));
    const today = todayIn(ctx.clock, caller.timeZone);
    const refusal = (row: OfferRow | undefined): DecisionResult | null => {
      if (!row) return { ok: false, reason: 'missing' };
      if (row.accepted_at !== null || row.rejected_at !== null) return { ok: false, reason: 'decided', row };
      if (options.byCustomer && row.expires_at < today) return { ok: false, reason: 'expired', row };
      return null;
    };
    const row = await read();
    const early = refusal(row);
    if (early || !row) return early ?? { ok: false, reason: 'missing' };
    if (!(await decideOffer(trx, caller.accountId, row.id, change, options.byCustomer ? today : undefined))) {
      // Decided by a concurrent request between our read and our update (PostgreSQL, read committed).
      const now = await read();
      const late = refusal(now);
      if (late) return late;
      throw new Error(`offer ${row.id}: the decision matched no row, yet the offer is undecided and open`);
    }
    const decided = { ...row, ...change };
    const offer = await offerResource(trx, decided, caller, ctx.config.publicBaseUrl, today);
    const event = decisionEvent(decided);
    if (event) await recordWebhookEvent(trx, caller.accountId, event, offer);
    if (options.byCustomer) await queueOfferDecidedNotification(trx, decided, ctx.config.mail, new Date(ctx.clock.now()).toISOString());
    return { ok: true, row: decided, offer };
  });
}

/** What the customer decided in the portal, with what the request tells about them. */
export type CustomerDecision =
  | { kind: 'accept'; signature: Extract<CheckedSignature, { ok: true }>; ip: string; userAgent: string }
  | { kind: 'reject'; reason: string | null };

/**
 * The portal's decision: `now` from the app's clock; the drawing kept as a PNG data URL (re-encoded from the
 * checked bytes), a typed name as text; the IP and User-Agent cut to the lengths the API accepts.
 */
export function decideAsCustomer(ctx: AppContext, caller: Caller, customerId: string, id: string, decision: CustomerDecision): Promise<DecisionResult> {
  const now = new Date(ctx.clock.now()).toISOString();
  const none = { accepted_at: null, accepted_via_ip: null, accepted_via_user_agent: null, acceptance_signature: null, accepted_by_name: null, acceptance_signature_type: null, rejected_at: null, rejection_reason: null };
  const change: OfferDecisionColumns =
    decision.kind === 'accept'
      ? {
          ...none,
          accepted_at: now,
          accepted_via_ip: decision.ip.slice(0, MAX_IP_LENGTH) || null,
          accepted_via_user_agent: decision.userAgent.slice(0, MAX_USER_AGENT_LENGTH) || null,
          acceptance_signature: decision.signature.type === 'drawn' ? `data:image/png;base64,${decision.signature.png.toString('base64')}` : null,
          accepted_by_name: decision.signature.name,
          acceptance_signature_type: decision.signature.type,
        }
      : { ...none, rejected_at: now, rejection_reason: decision.reason };
  return recordOfferDecision(ctx, caller, id, change, { customerId, byCustomer: true });
}
