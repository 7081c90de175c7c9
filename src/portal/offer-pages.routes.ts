import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { hashAccessToken, MAX_ACCESS_TOKEN_LENGTH } from '../lib/access-token.js';
import { nowUtc } from '../lib/time.js';
import { findValidOfferAccessToken } from '../offers/offer-access.repository.js';
import { findOffer } from '../offers/offer.repository.js';
import { offerStatus } from '../offers/offer.rules.js';
import { todayIn } from '../offers/offer.service.js';
import { langFromRequest, sendPage } from './http.js';
import { sendDocumentPdf } from './pdf-response.js';
import { findParties } from './portal.repository.js';
import { langOf } from './views/i18n.js';
import { offerPage } from './views/offer.views.js';
import { messagePage } from './views/sign-in.views.js';

const hide = { schema: { hide: true } };
type TokenParams = { Params: { token: string }; Querystring: { download?: string } };

/**
 * The offer email's link: that one offer, no sign-in (the token is scoped to it, as the invoice link). Read-only
 * for now; accepting and rejecting on this page come with the signature.
 */
export function offerPageRoutes(ctx: AppContext): FastifyPluginAsync {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, 404, messagePage({ lang: langFromRequest(request), kind: 'not-found' }));

  async function byToken(request: FastifyRequest<TokenParams>) {
    const token = request.params.token;
    const access = token.length <= MAX_ACCESS_TOKEN_LENGTH ? await findValidOfferAccessToken(ctx.db, hashAccessToken(token), nowUtc()) : undefined;
    if (!access) return null;
    const row = await findOffer(ctx.db, access.account_id, access.offer_id);
    const parties = row && (await findParties(ctx.db, { accountId: row.account_id, customerId: row.customer_id }));
    return row && parties ? { row, parties } : null;
  }

  return async (app: FastifyInstance) => {
    app.get<TokenParams>('/o/:token', hide, async (request, reply) => {
      const found = await byToken(request);
      if (!found) return notFound(request, reply);
      const { row, parties } = found;
      const viewer = { lang: langOf(parties.customer_locale), businessName: parties.account_name, timeZone: parties.time_zone };
      const status = offerStatus(row, todayIn(ctx.clock, parties.time_zone));
      return sendPage(reply, 200, offerPage({ viewer, row, status, pdfPath: `/portal/o/${request.params.token}/pdf` }));
    });

    app.get<TokenParams>('/o/:token/pdf', hide, async (request, reply) => {
      const found = await byToken(request);
      if (!found) return notFound(request, reply);
      const { row } = found;
      return sendDocumentPdf(ctx, reply, { id: row.id, pdf_sha256: row.pdf_sha256, number: row.offer_number }, request.query.download === '1');
    });
  };
}
