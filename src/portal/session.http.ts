import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { nowUtc } from '../lib/time.js';
import { cookieNames, cookieOptions, langFromRequest, sendPage } from './http.js';
import { findParties, type PortalParties } from './portal.repository.js';
import { resolveSession, type Session, type SessionLookup } from './session.js';
import { langOf } from './views/i18n.js';
import type { Viewer } from './views/invoice.views.js';
import { messagePage } from './views/sign-in.views.js';

export function currentSession(ctx: AppContext, request: FastifyRequest): Promise<SessionLookup> {
  return resolveSession(ctx.db, request.cookies[cookieNames(ctx.config.publicBaseUrl).session], nowUtc());
}

export interface SignedIn {
  session: Session;
  parties: PortalParties;
  viewer: Viewer & { csrf: string };
}

/**
 * The signed-in customer, or null after answering: 401 with a page when there is no session, a redirect to
 * the business's sign-in page (cookie cleared) when it expired.
 */
export async function requireSignedIn(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<SignedIn | null> {
  const base = ctx.config.publicBaseUrl;
  const found = await currentSession(ctx, request);
  if (found.state === 'expired') {
    reply.clearCookie(cookieNames(base).session, cookieOptions(base, 0));
    await reply.redirect(`${base}/portal/sign-in/${found.accountId}?notice=expired`, 303);
    return null;
  }
  const parties = found.state === 'valid' ? await findParties(ctx.db, found.session) : undefined;
  if (found.state !== 'valid' || !parties) {
    await sendPage(reply, 401, messagePage({ lang: langFromRequest(request), kind: 'sign-in-needed' }));
    return null;
  }
  const viewer = {
    lang: langOf(parties.customer_locale),
    businessName: parties.account_name,
    timeZone: parties.time_zone,
    customerName: parties.customer_name,
    csrf: found.session.csrf,
  };
  return { session: found.session, parties, viewer };
}
