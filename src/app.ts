import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { accountRoutes } from './accounts/account.routes.js';
import type { AppContext } from './context.js';
import { customerRoutes } from './customers/customer.routes.js';
import { groupRoutes } from './groups/group.routes.js';
import { requireApiKey } from './http/auth.js';
import { clientErrorHandler, registerErrorHandling, sendProblem } from './http/error-handler.js';
import { ProblemError, validationFailed } from './http/problems.js';
import { healthRoutes } from './http/health.js';
import { registerOpenApi, registerOpenApiRoutes } from './http/openapi.js';
import { requestFullyRead } from './http/request-timeout.js';
import { markNulCharacters, withNulErrors } from './http/nul-characters.js';
import { discardUnreadBody } from './http/unread-body.js';
import { createRateLimiter, rateLimit, type RateLimiter } from './http/rate-limit.js';
import { randomId } from './lib/ids.js';
import { invoiceRoutes } from './invoices/invoice.routes.js';
import { offerRoutes } from './offers/offer.routes.js';
import { manualOfferRoutes } from './offers/offer-manual.routes.js';
import { assetRoutes } from './pages/assets.js';
import { portalPlugin } from './portal/portal.plugin.js';
import { downloadRoutes } from './storage/download.routes.js';
import { webhookRoutes } from './webhooks/webhook.routes.js';

export interface AppOptions {
  /** pino options, or false for no logs (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Checks that the database answers; used by /readyz. */
  databaseReady: () => Promise<void>;
  /** Plugins registered at the root before any route (tests use one to check every response against the spec). */
  extensions?: FastifyPluginAsync[];
  /** Where requests per API key are counted; by default what suits the dialect (see http/rate-limit.ts). */
  rateLimiter?: RateLimiter;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The composition root of the HTTP side: what `serve` runs and what tests build. */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A caller's own request id is kept when it is sane, so both sides can find one request in their logs.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `req_${randomId()}`;
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    // A client that trickles its request (slowloris) or goes silent is cut off (RELIABILITY.md S4). Fastify's
    // own default is no request timeout at all; Node checks these every connectionsCheckingInterval.
    requestTimeout: ctx.config.limits.requestTimeoutMs,
    connectionTimeout: ctx.config.limits.idleTimeoutMs,
    http: { headersTimeout: ctx.config.limits.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    clientErrorHandler,
    ajv: {
      // Report every failing field, never silently drop or coerce what the client sent; `verbose` gives the error
      // handler the failing schema (a long enum's title names it instead of listing every value).
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false, useDefaults: false, verbose: true },
    },
    return503OnClosing: true,
    // Long path segments reach our routes (and get the same 404 as any unknown id) instead of a bare 414.
    routerOptions: { maxParamLength: 1000 },
    // A URL the router cannot decode never reaches hooks: answer it as a problem here.
    frameworkErrors: (_error, request, reply) => {
      reply.header('x-request-id', request.id);
      sendProblem(reply, new ProblemError('invalid-request', 'The URL is not valid (bad percent-encoding).'));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The idle timeout is for a client that stops sending. Once a request has been read, the time we spend on it
  // (a 20 MiB PDF going to S3, a busy database) is not the client's silence: closing the connection then made a
  // client retry a request that was still running. A multipart body is read by its handler, which does the same
  // once it has the whole body (`requestFullyRead`). Node restores the timeout for the connection's next request.
  app.addHook('preHandler', async (request) => {
    if (!request.isMultipart()) requestFullyRead(request);
  });
  // U+0000 in a text field is a 422 on that field (PostgreSQL cannot hold it): found before the schema is checked,
  // reported with the schema's errors, or on its own when the schema found none and the route did not attach them.
  app.addHook('preValidation', async (request) => markNulCharacters(request));
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.attachValidation) return; // its handler reports them with schemaErrors()
    const errors = withNulErrors(request, []);
    if (errors.length > 0) throw validationFailed(errors);
  });
  // An answer given before the body was read (401, 429, 409, 503, a 413 mid-upload) waits until the rest of the
  // body has been read and discarded, so that it reaches the client instead of a reset (see discardUnreadBody).
  const unreadLimit = ctx.config.maxPdfBytes + 1024 * 1024;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!(await discardUnreadBody(request.raw, unreadLimit))) reply.header('connection', 'close');
    return payload;
  });
  registerErrorHandling(app);
  // JSON or multipart only: anything else is a 415, never parsed as text.
  app.removeContentTypeParser('text/plain');

  await app.register(multipart, { throwFileSizeLimit: true });
  // Before any route, so every route lands in the generated document.
  await registerOpenApi(app, ctx.config);
  for (const extension of options.extensions ?? []) await app.register(extension);
  await app.register(healthRoutes(ctx, options.databaseReady));
  await registerOpenApiRoutes(app);
  // Cloud-file links: the link is the credential, so no API key and no per-key rate limit (outside the v1 scope).
  await app.register(downloadRoutes(ctx));
  // The scripts pages load (the signature field), from our own origin.
  await app.register(assetRoutes());
  await app.register(async (v1) => {
    requireApiKey(v1, ctx.db);
    rateLimit(v1, options.rateLimiter ?? createRateLimiter(ctx), ctx.config.limits.rateLimitPerMinute, ctx.config.limits.rateLimitWindowSeconds);
    await v1.register(accountRoutes(ctx));
    await v1.register(customerRoutes(ctx));
    await v1.register(groupRoutes(ctx));
    await v1.register(invoiceRoutes(ctx));
    await v1.register(offerRoutes(ctx));
    await v1.register(manualOfferRoutes(ctx));
    await v1.register(webhookRoutes(ctx));
  });
  // The customer portal: HTML pages, hidden from the API's OpenAPI document.
  await app.register(portalPlugin(ctx), { prefix: '/portal' });
  return app;
}
