import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { hashAccessToken, MAX_ACCESS_TOKEN_LENGTH } from '../lib/access-token.js';
import { nowUtc } from '../lib/time.js';
import { findValidOfferAccessToken } from '../offers/offer-access.repository.js';
import { findOffer } from '../offers/offer.repository.js';
import { langFromRequest, sendPage, signInCsrfToken, signInCsrfValid } from './http.js';
import { DECISION_BODY_LIMIT, decideFromForm, doneNotice, renderOfferPage, type OfferView } from './offer-decision.http.js';
import { sendDocumentPdf } from './pdf-response.js';
import { findParties } from './portal.repository.js';
import { langOf } from './views/i18n.js';
import { messagePage } from './views/sign-in.views.js';

const hide = { schema: { hide: true } };
type TokenParams = { Params: { token: string }; Querystring: { download?: string; done?: string } };

/**
 * The offer email's link: that one offer, no sign-in (the token is scoped to it, as the invoice link), with the
 * same accept and reject forms as the signed-in page. Without a session the forms carry the signed double-submit
 * CSRF token of the sign-in forms.
 */
export function offerLinkRoutes(ctx: AppContext): FastifyPluginAsync {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, 404, messagePage({ lang: langFromRequest(request), kind: 'not-found' }));

  async function byToken(request: FastifyRequest<TokenParams>): Promise<Omit<OfferView, 'csrf'> | null> {
    const token = request.params.token;
    const access = token.length <= MAX_ACCESS_TOKEN_LENGTH ? await findValidOfferAccessToken(ctx.db, hashAccessToken(token), nowUtc()) : undefined;
    if (!access) return null;
    const row = await findOffer(ctx.db, access.account_id, access.offer_id);
    const parties = row && (await findParties(ctx.db, { accountId: row.account_id, customerId: row.customer_id }));
    if (!row || !parties) return null;
    const viewer = { lang: langOf(parties.customer_locale), businessName: parties.account_name, timeZone: parties.time_zone, customerName: parties.customer_name };
    return { ctx, row, parties, viewer, pagePath: `/portal/o/${token}`, signInPath: `/portal/sign-in/${row.account_id}` };
  }

  return async (app: FastifyInstance) => {
    app.get<TokenParams>('/o/:token', hide, async (request, reply) => {
      const found = await byToken(request);
      if (!found) return notFound(request, reply);
      const csrf = signInCsrfToken(request, reply, ctx.config.publicBaseUrl);
      return renderOfferPage({ ...found, csrf }, reply, 200, { notice: doneNotice(found.row, request.query.done) });
    });

    app.get<TokenParams>('/o/:token/pdf', hide, async (request, reply) => {
      const found = await byToken(request);
      if (!found) return notFound(request, reply);
      const { row } = found;
      return sendDocumentPdf(ctx, reply, { id: row.id, pdf_sha256: row.pdf_sha256, number: row.offer_number }, request.query.download === '1');
    });

    for (const kind of ['accept', 'reject'] as const) {
      app.post<TokenParams>(`/o/:token/${kind}`, { ...hide, bodyLimit: DECISION_BODY_LIMIT }, async (request, reply) => {
        const found = await byToken(request);
        if (!found) return notFound(request, reply);
        if (!signInCsrfValid(request, ctx.config.publicBaseUrl)) return sendPage(reply, 403, messagePage({ lang: found.viewer.lang, kind: 'forbidden' }));
        const csrf = signInCsrfToken(request, reply, ctx.config.publicBaseUrl);
        return decideFromForm({ ...found, csrf }, request, reply, kind);
      });
    }
  };
}
