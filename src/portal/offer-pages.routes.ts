import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { looksLikeId } from '../lib/ids.js';
import { findCustomerOffer, listOffers } from '../offers/offer.repository.js';
import { offerStatus } from '../offers/offer.rules.js';
import { todayIn } from '../offers/offer.service.js';
import { formField, langFromRequest, sendPage } from './http.js';
import { DECISION_BODY_LIMIT, decideFromForm, doneNotice, renderOfferPage, type OfferView } from './offer-decision.http.js';
import { sendDocumentPdf } from './pdf-response.js';
import { sameSecret } from './session.js';
import { requireSignedIn, type SignedIn } from './session.http.js';
import { OFFER_FILTERS, offerListPage, type OfferFilter } from './views/offer-list.views.js';
import { messagePage } from './views/sign-in.views.js';

const PAGE_SIZE = 20;
const hide = { schema: { hide: true } };
type ListQuery = { Querystring: { status?: string; page?: string } };
type IdParams = { Params: { id: string }; Querystring: { download?: string; done?: string } };

/**
 * The signed-in customer's offers: the list, the offer page with its accept and reject forms, the PDF. Every
 * query is scoped to the session's business and customer: another customer's offer id looks unknown (404).
 */
export function offerPageRoutes(ctx: AppContext): FastifyPluginAsync {
  const notFound = (request: FastifyRequest, reply: FastifyReply, signedIn?: SignedIn) =>
    sendPage(reply, 404, messagePage({ lang: signedIn?.viewer.lang ?? langFromRequest(request), kind: 'not-found' }));

  /** The signed-in customer's own offer, as the page and its forms see it; null after answering (401/303/404). */
  async function ownOffer(request: FastifyRequest<IdParams>, reply: FastifyReply): Promise<{ signedIn: SignedIn; view: OfferView } | null> {
    const signedIn = await requireSignedIn(ctx, request, reply);
    if (!signedIn) return null;
    const id = request.params.id;
    const row = looksLikeId('off', id) ? await findCustomerOffer(ctx.db, signedIn.session, id) : undefined;
    if (!row) {
      await notFound(request, reply, signedIn);
      return null;
    }
    const view = { ctx, row, parties: signedIn.parties, viewer: signedIn.viewer, pagePath: `/portal/offers/${row.id}`, csrf: signedIn.viewer.csrf };
    return { signedIn, view };
  }

  return async (app: FastifyInstance) => {
    app.get<ListQuery>('/offers', hide, async (request, reply) => {
      const signedIn = await requireSignedIn(ctx, request, reply);
      if (!signedIn) return reply;
      const filter: OfferFilter = OFFER_FILTERS.find((f) => f === request.query.status) ?? 'all';
      const page = Math.min(Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1), 10_000);
      const today = todayIn(ctx.clock, signedIn.parties.time_zone);
      // Offset paging, as the invoices page: one customer's offers of one business are few.
      const rows = await listOffers(
        ctx.db,
        signedIn.session.accountId,
        { customerId: signedIn.session.customerId, ...(filter === 'all' ? {} : { status: filter }) },
        today,
        { number: page, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, after: null },
      );
      const shown = rows.slice(0, PAGE_SIZE).map((row) => ({ row, status: offerStatus(row, today) }));
      return sendPage(reply, 200, offerListPage({ viewer: signedIn.viewer, rows: shown, filter, page, hasNext: rows.length > PAGE_SIZE }));
    });

    app.get<IdParams>('/offers/:id', hide, async (request, reply) => {
      const found = await ownOffer(request, reply);
      if (!found) return reply;
      return renderOfferPage(found.view, reply, 200, { notice: doneNotice(found.view.row, request.query.done) });
    });

    app.get<IdParams>('/offers/:id/pdf', hide, async (request, reply) => {
      const found = await ownOffer(request, reply);
      if (!found) return reply;
      const { row } = found.view;
      return sendDocumentPdf(ctx, reply, { id: row.id, pdf_sha256: row.pdf_sha256, number: row.offer_number }, request.query.download === '1');
    });

    for (const kind of ['accept', 'reject'] as const) {
      app.post<IdParams>(`/offers/:id/${kind}`, { ...hide, bodyLimit: DECISION_BODY_LIMIT }, async (request, reply) => {
        const found = await ownOffer(request, reply);
        if (!found) return reply;
        if (!sameSecret(found.signedIn.session.csrf, formField(request, 'csrf'))) {
          return sendPage(reply, 403, messagePage({ lang: found.signedIn.viewer.lang, kind: 'forbidden' }));
        }
        return decideFromForm(found.view, request, reply, kind);
      });
    }
  };
}
