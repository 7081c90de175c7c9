import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { langFromRequest, securityHeaders, sendPage } from './http.js';
import { invoicePageRoutes } from './invoice-pages.routes.js';
import { offerLinkRoutes } from './offer-link.routes.js';
import { offerPageRoutes } from './offer-pages.routes.js';
import { signInRoutes } from './sign-in.routes.js';
import { findSecret } from './sign-in.repository.js';
import { messagePage } from './views/sign-in.views.js';
import { STYLESHEET } from './views/style.js';

/**
 * The customer portal under /portal: server-rendered HTML, script only to draw a signature (pages/assets.ts, our
 * origin). Encapsulated, so its form parser, cookies, HTML error pages and headers never reach the API; its routes
 * are hidden from the OpenAPI document.
 */
export function portalPlugin(ctx: AppContext): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    // Written by migration 0004; every process on the database signs and checks with the same secret.
    const secret = await findSecret(ctx.db, 'csrf-cookie');
    if (!secret) throw new Error('portal_secrets has no csrf-cookie secret; run the migrations');
    await app.register(cookie, { secret: secret.value });
    // 16 KB for every form; the offer decision routes raise it on their own (a drawn signature, ≈ 300 KB).
    await app.register(formbody, { bodyLimit: 16 * 1024 });

    app.addHook('onRequest', async (_request, reply) => securityHeaders(reply));

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'portal request failed');
      return sendPage(reply, status, messagePage({ lang: langFromRequest(request), kind: status === 500 ? 'error' : status === 404 ? 'not-found' : 'forbidden' }));
    });
    app.setNotFoundHandler((request, reply) => sendPage(reply, 404, messagePage({ lang: langFromRequest(request), kind: 'not-found' })));

    app.get('/style.css', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(STYLESHEET),
    );
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/portal/invoices', 303));

    await app.register(signInRoutes(ctx));
    await app.register(invoicePageRoutes(ctx));
    await app.register(offerPageRoutes(ctx));
    await app.register(offerLinkRoutes(ctx));
  };
}
