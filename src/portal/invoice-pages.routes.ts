import { recordInvoiceEvent } from '../invoices/invoice-events.js';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { findValidAccessToken } from '../invoices/invoice-access.repository.js';
import { hashAccessToken, MAX_ACCESS_TOKEN_LENGTH } from '../lib/access-token.js';
import { looksLikeId } from '../lib/ids.js';
import { nowUtc, parseCalendarDate, toPlainDate } from '../lib/time.js';
import { formField, isRealView, langFromRequest, sendPage } from './http.js';
import { sendInvoicePdf, sendInvoiceZip } from './pdf-response.js';
import { findCustomerInvoice, findParties, invoicesIssuedBetween, listCustomerInvoices, markViewed, type Scope } from './portal.repository.js';
import { sameSecret } from './session.js';
import { requireSignedIn, type SignedIn } from './session.http.js';
import { findInvoice, type InvoiceRow } from '../invoices/invoice.repository.js';
import { INVOICE_LINES, linesOf } from '../invoices/document-lines.repository.js';
import { langOf, words } from './views/i18n.js';
import { invoiceListPage, invoicePage, type StatusFilter } from './views/invoice.views.js';
import { messagePage } from './views/sign-in.views.js';

const PAGE_SIZE = 20;
const hide = { schema: { hide: true } };
type ListQuery = { Querystring: { status?: string; page?: string } };
type IdParams = { Params: { id: string }; Querystring: { download?: string } };
type TokenParams = { Params: { token: string }; Querystring: { download?: string } };

/** The signed-in pages (list, invoice, PDF, ZIP) and the one-invoice page behind a notification email's link. */
export function invoicePageRoutes(ctx: AppContext): FastifyPluginAsync {
  const notFound = (request: FastifyRequest, reply: FastifyReply, lang = langFromRequest(request)) =>
    sendPage(reply, 404, messagePage({ lang, kind: 'not-found' }));

  /** The customer's own invoice of this business, or undefined: another customer's or business's id looks unknown. */
  // A manual invoice's lines (an uploaded one has none to read).
  const linesFor = async (row: InvoiceRow) => (row.source === 'manual' ? ((await linesOf(ctx.db, INVOICE_LINES, [row.id])).get(row.id) ?? []) : []);
  const ownInvoice = (scope: Scope, id: string) => (looksLikeId('inv', id) ? findCustomerInvoice(ctx.db, scope, id) : Promise.resolve(undefined));

  const viewed = async (request: FastifyRequest, row: InvoiceRow) => {
    if (row.viewed_at !== null || !isRealView(request)) return;
    // The first view and its webhook event (`invoice-viewed`) commit together.
    await ctx.db.transaction().execute(async (trx) => {
      if (await markViewed(trx, row.id, nowUtc())) await recordInvoiceEvent(trx, ctx.config.publicBaseUrl, row.account_id, row.id, 'invoice-viewed');
    });
  };

  async function listPage(request: FastifyRequest<ListQuery>, reply: FastifyReply, signedIn: SignedIn, zip: { from: string; to: string; error?: string }, status = 200) {
    const filter: StatusFilter = request.query.status === 'open' || request.query.status === 'paid' ? request.query.status : 'all';
    const page = Math.min(Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1), 10_000);
    const paid = filter === 'all' ? null : filter === 'paid';
    const rows = await listCustomerInvoices(ctx.db, signedIn.session, paid, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    const body = invoiceListPage({ viewer: signedIn.viewer, rows: rows.slice(0, PAGE_SIZE), filter, page, hasNext: rows.length > PAGE_SIZE, zip });
    return sendPage(reply, status, body);
  }

  return async (app: FastifyInstance) => {
    app.get<ListQuery>('/invoices', hide, async (request, reply) => {
      const signedIn = await requireSignedIn(ctx, request, reply);
      if (!signedIn) return reply;
      const today = toPlainDate(nowUtc(), signedIn.parties.time_zone);
      return listPage(request, reply, signedIn, { from: `${today.slice(0, 4)}-01-01`, to: today });
    });

    app.get<IdParams>('/invoices/:id', hide, async (request, reply) => {
      const signedIn = await requireSignedIn(ctx, request, reply);
      if (!signedIn) return reply;
      const row = await ownInvoice(signedIn.session, request.params.id);
      if (!row) return notFound(request, reply, signedIn.viewer.lang);
      await viewed(request, row);
      return sendPage(reply, 200, invoicePage({ viewer: signedIn.viewer, row, lines: await linesFor(row), pdfPath: `/portal/invoices/${row.id}/pdf` }));
    });

    app.get<IdParams>('/invoices/:id/pdf', hide, async (request, reply) => {
      const signedIn = await requireSignedIn(ctx, request, reply);
      if (!signedIn) return reply;
      const row = await ownInvoice(signedIn.session, request.params.id);
      if (!row) return notFound(request, reply, signedIn.viewer.lang);
      await viewed(request, row);
      return sendInvoicePdf(ctx, reply, row, request.query.download === '1');
    });

    app.post<ListQuery>('/invoices.zip', hide, async (request, reply) => {
      const signedIn = await requireSignedIn(ctx, request, reply);
      if (!signedIn) return reply;
      if (!sameSecret(signedIn.session.csrf, formField(request, 'csrf'))) {
        return sendPage(reply, 403, messagePage({ lang: signedIn.viewer.lang, kind: 'forbidden' }));
      }
      const [fromRaw, toRaw] = [formField(request, 'from'), formField(request, 'to')];
      const from = parseCalendarDate(fromRaw);
      const to = parseCalendarDate(toRaw);
      if (!from.ok || !to.ok || from.value > to.value) {
        const zip = { from: fromRaw.slice(0, 10), to: toRaw.slice(0, 10), error: words(signedIn.viewer.lang).badPeriod };
        return listPage(request, reply, signedIn, zip, 422);
      }
      const rows = await invoicesIssuedBetween(ctx.db, signedIn.session, from.value, to.value);
      return sendInvoiceZip(ctx, reply, rows, `${signedIn.parties.account_name} ${from.value} ${to.value}`);
    });

    // The notification email's link: this one invoice, no sign-in (the token is scoped to it).
    async function byToken(request: FastifyRequest<TokenParams>) {
      const token = request.params.token;
      const access = token.length <= MAX_ACCESS_TOKEN_LENGTH ? await findValidAccessToken(ctx.db, hashAccessToken(token), nowUtc()) : undefined;
      if (!access) return null;
      const row = await findInvoice(ctx.db, access.account_id, access.invoice_id);
      const parties = row && (await findParties(ctx.db, { accountId: row.account_id, customerId: row.customer_id }));
      return row && parties ? { row, parties } : null;
    }

    app.get<TokenParams>('/i/:token', hide, async (request, reply) => {
      const found = await byToken(request);
      if (!found) return notFound(request, reply);
      const { row, parties } = found;
      await viewed(request, row);
      const viewer = { lang: langOf(parties.customer_locale), businessName: parties.account_name, timeZone: parties.time_zone, customerName: parties.customer_name };
      const page = invoicePage({ viewer, row, lines: await linesFor(row), pdfPath: `/portal/i/${request.params.token}/pdf`, signInPath: `/portal/sign-in/${row.account_id}` });
      return sendPage(reply, 200, page);
    });

    app.get<TokenParams>('/i/:token/pdf', hide, async (request, reply) => {
      const found = await byToken(request);
      if (!found) return notFound(request, reply);
      await viewed(request, found.row);
      return sendInvoicePdf(ctx, reply, found.row, request.query.download === '1');
    });
  };
}
