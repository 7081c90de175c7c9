import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { looksLikeId } from '../lib/ids.js';
import { nowUtc } from '../lib/time.js';
import { SESSION_ABSOLUTE_HOURS, endSession, sameSecret, sha256 } from './session.js';
import { normaliseEmail, requestSignInLink, signInWithToken } from './magic-link.js';
import { cookieNames, cookieOptions, formField, langFromRequest, sendPage, signInCsrfToken, signInCsrfValid } from './http.js';
import { currentSession } from './session.http.js';
import { findAccountName, findParties } from './portal.repository.js';
import { findSignInToken } from './sign-in.repository.js';
import { langOf } from './views/i18n.js';
import { linkButtonPage, linkGonePage, linkSentPage, messagePage, signInPage } from './views/sign-in.views.js';

type AccountParams = { Params: { accountId: string } };
type TokenParams = { Params: { token: string } };
const hide = { schema: { hide: true } };

/** Sign-in by magic link, and sign-out. */
export function signInRoutes(ctx: AppContext): FastifyPluginAsync {
  const base = () => ctx.config.publicBaseUrl;

  async function business(accountId: string): Promise<string | null> {
    if (!looksLikeId('acc', accountId)) return null;
    return (await findAccountName(ctx.db, accountId))?.name ?? null;
  }

  const forbidden = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, 403, messagePage({ lang: langFromRequest(request), kind: 'forbidden' }));
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendPage(reply, 404, messagePage({ lang: langFromRequest(request), kind: 'not-found' }));

  return async (app: FastifyInstance) => {
    app.get<AccountParams & { Querystring: { notice?: string } }>('/sign-in/:accountId', hide, async (request, reply) => {
      const name = await business(request.params.accountId);
      if (name === null) return notFound(request, reply);
      const notice = request.query.notice === 'signed-out' || request.query.notice === 'expired' ? request.query.notice : undefined;
      const csrf = signInCsrfToken(request, reply, base());
      return sendPage(reply, 200, signInPage({ lang: langFromRequest(request), businessName: name, accountId: request.params.accountId, csrf, notice }));
    });

    app.post<AccountParams>('/sign-in/:accountId', hide, async (request, reply) => {
      const { accountId } = request.params;
      const name = await business(accountId);
      if (name === null) return notFound(request, reply);
      if (!signInCsrfValid(request, base())) return forbidden(request, reply);
      const lang = langFromRequest(request);
      const csrf = signInCsrfToken(request, reply, base());
      const raw = formField(request, 'email');
      const email = normaliseEmail(raw);
      if (!email) {
        const error = lang === 'en' ? 'Enter an email address such as name@example.com.' : 'Vul een e-mailadres in, zoals naam@voorbeeld.nl.';
        return sendPage(reply, 422, signInPage({ lang, businessName: name, accountId, csrf, error, email: raw.slice(0, 254) }));
      }
      await requestSignInLink(ctx.db, ctx.config.mail, accountId, email);
      // Not echoing the address keeps the page identical for every address.
      return sendPage(reply, 200, linkSentPage({ lang, businessName: name, accountId, csrf }));
    });

    // GET only shows a button: a mail scanner that opens the link does not use it up (RELIABILITY.md §4).
    app.get<TokenParams>('/link/:token', hide, async (request, reply) => {
      const row = request.params.token.length <= 100 ? await findSignInToken(ctx.db, sha256(request.params.token)) : undefined;
      const parties = row && (await findParties(ctx.db, { accountId: row.account_id, customerId: row.customer_id }));
      if (!row || !parties) return sendPage(reply, 404, linkGonePage({ lang: langFromRequest(request), businessName: null, accountId: null }));
      const lang = langOf(parties.customer_locale);
      if (row.expires_at <= nowUtc()) {
        return sendPage(reply, 410, linkGonePage({ lang, businessName: parties.account_name, accountId: row.account_id }));
      }
      const csrf = signInCsrfToken(request, reply, base());
      return sendPage(reply, 200, linkButtonPage({ lang, businessName: parties.account_name, token: request.params.token, csrf }));
    });

    app.post<TokenParams>('/link/:token', hide, async (request, reply) => {
      if (!signInCsrfValid(request, base())) return forbidden(request, reply);
      const names = cookieNames(base());
      const previous = request.cookies[names.session];
      const signedIn = request.params.token.length <= 100 ? await signInWithToken(ctx.db, request.params.token, previous ? sha256(previous) : null) : null;
      if (!signedIn) {
        const row = await findSignInToken(ctx.db, sha256(request.params.token));
        const name = row ? await business(row.account_id) : null;
        return sendPage(reply, 410, linkGonePage({ lang: langFromRequest(request), businessName: name, accountId: row?.account_id ?? null }));
      }
      reply.setCookie(names.session, signedIn.sessionId, cookieOptions(base(), SESSION_ABSOLUTE_HOURS * 3600));
      // To a URL without the token, so it is not left in history or passed on.
      return reply.redirect(`${base()}/portal/invoices`, 303);
    });

    app.post('/sign-out', hide, async (request, reply) => {
      const found = await currentSession(ctx, request);
      if (found.state !== 'valid' || !sameSecret(found.session.csrf, formField(request, 'csrf'))) return forbidden(request, reply);
      await endSession(ctx.db, found.session.idHash);
      reply.clearCookie(cookieNames(base()).session, cookieOptions(base(), 0));
      return reply.redirect(`${base()}/portal/sign-in/${found.session.accountId}?notice=signed-out`, 303);
    });
  };
}
