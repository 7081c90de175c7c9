import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { linesOf, OFFER_LINES } from '../invoices/document-lines.repository.js';
import { parseText } from '../lib/form-fields.js';
import { decideAsCustomer, type CustomerDecision } from '../offers/offer-decision.service.js';
import type { OfferRow } from '../offers/offer.repository.js';
import { MAX_REJECTION_REASON_LENGTH, offerStatus } from '../offers/offer.rules.js';
import { todayIn } from '../offers/offer.service.js';
import { checkSignature, SIGNATURE_FIELDS } from '../pages/signature.rules.js';
import { formField, sendPage } from './http.js';
import type { PortalParties } from './portal.repository.js';
import type { Viewer } from './views/invoice.views.js';
import type { DecisionFormsInput } from './views/offer-decision.views.js';
import { offerPage, type OfferNotice, type OfferPageInput } from './views/offer.views.js';
import { messagePage } from './views/sign-in.views.js';

/**
 * The offer page and its two forms, for both ways in (signed in, or an email link): what differs is only the
 * paths, the viewer and where the CSRF token comes from. The decision itself is the offers section's
 * (`decideAsCustomer` → `recordOfferDecision`, the API PATCH's path).
 */

/** A signature's PNG data URL is at most 200 KB, ≈ 273 KB as base64; with the form's other fields, this is room. */
export const DECISION_BODY_LIMIT = 320 * 1024;

export interface OfferView {
  ctx: AppContext;
  row: OfferRow;
  parties: PortalParties;
  viewer: Viewer;
  /** `/portal/offers/<id>` or `/portal/o/<token>`: the page, and the base of its forms' actions and the PDF. */
  pagePath: string;
  /** The decision forms' CSRF token. */
  csrf: string;
  signInPath?: string | undefined;
}

/** What a refused submit shows again, or what the page says above all. */
export interface PageExtra {
  notice?: OfferNotice | undefined;
  decide?: Omit<DecisionFormsInput, 'lang' | 'row' | 'businessName' | 'action' | 'csrf'> | undefined;
}

export async function renderOfferPage(view: OfferView, reply: FastifyReply, status: number, extra: PageExtra = {}): Promise<FastifyReply> {
  const { ctx, row, viewer } = view;
  // A manual offer's lines (an uploaded one has none to read: only manual offers have a subtotal).
  const lines = row.subtotal_cents === null ? [] : ((await linesOf(ctx.db, OFFER_LINES, [row.id])).get(row.id) ?? []);
  const input: OfferPageInput = {
    viewer,
    row,
    lines,
    status: offerStatus(row, todayIn(ctx.clock, view.parties.time_zone)),
    pdfPath: `${view.pagePath}/pdf`,
    decide: { action: view.pagePath, csrf: view.csrf, ...extra.decide },
    notice: extra.notice,
    signInPath: view.signInPath,
  };
  return sendPage(reply, status, offerPage(input));
}

/** `?done=accepted|rejected` after a decision's redirect: shown only when the offer is in that state. */
export function doneNotice(row: OfferRow, done: string | undefined): OfferNotice | undefined {
  if (done === 'accepted' && row.accepted_at !== null) return 'accepted';
  if (done === 'rejected' && row.rejected_at !== null) return 'rejected';
  return undefined;
}

/**
 * POST `<page>/accept` or `<page>/reject`, after the route found the offer and checked the CSRF token. A bad
 * signature or reason: 422 with the page and the field's message, nothing changed. Decided: 303 to the page. Already
 * decided (another tab won) or past its last day: 409 with the page as the offer really is, nothing changed.
 */
export async function decideFromForm(view: OfferView, request: FastifyRequest, reply: FastifyReply, kind: 'accept' | 'reject'): Promise<FastifyReply> {
  const { ctx, row, parties } = view;
  let decision: CustomerDecision;
  if (kind === 'accept') {
    const typedName = formField(request, SIGNATURE_FIELDS.typed);
    const checked = checkSignature({ signature: formField(request, SIGNATURE_FIELDS.drawn), signatureName: typedName });
    if (!checked.ok) return renderOfferPage(view, reply, 422, { decide: { typedName: typedName.slice(0, 200), signatureError: { field: checked.field, problem: checked.problem } } });
    decision = { kind: 'accept', signature: checked, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
  } else {
    const raw = formField(request, 'reason');
    const reason = parseText(raw, MAX_REJECTION_REASON_LENGTH, false);
    if (!reason.ok) {
      const reasonError = reason.message.startsWith('must be at most') ? ('too-long' as const) : ('invalid' as const);
      return renderOfferPage(view, reply, 422, { decide: { reason: raw.slice(0, MAX_REJECTION_REASON_LENGTH), reasonError } });
    }
    decision = { kind: 'reject', reason: reason.value };
  }
  const caller = { accountId: row.account_id, accountName: parties.account_name, timeZone: parties.time_zone };
  const result = await decideAsCustomer(ctx, caller, row.customer_id, row.id, decision);
  if (result.ok) return reply.redirect(`${view.pagePath}?done=${kind === 'accept' ? 'accepted' : 'rejected'}`, 303);
  if (result.reason === 'missing') return sendPage(reply, 404, messagePage({ lang: view.viewer.lang, kind: 'not-found' }));
  return renderOfferPage({ ...view, row: result.row }, reply, 409, { notice: result.reason === 'expired' ? 'expired' : 'already-decided' });
}
