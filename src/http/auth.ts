import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../accounts/account.service.js';
import type { Db } from '../db/database.js';
import { ProblemError } from './problems.js';
import { isScope } from './scopes.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const CHALLENGE = 'Bearer realm="klantportaal"';

/** The authenticated caller; only call it inside routes registered under `requireApiKey`. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error('route is missing requireApiKey');
  return request.caller;
}

/**
 * The bearer token of a request, or null. MijnKlantportaal's authentication guide writes `Authentication: Bearer …`
 * (its curl examples and OpenAPI say Authorization): integrations written from the guide's prose send that, so it is
 * read when Authorization is absent.
 */
export function bearerToken(request: FastifyRequest): string | null {
  const alias = request.headers.authentication;
  const header = request.headers.authorization ?? (typeof alias === 'string' ? alias : undefined);
  return (header ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined) ?? null;
}

/** Thrown while the app is built when a route behind the API key names no scope (or an unknown one). */
export class RouteWithoutScopeError extends Error {
  override name = 'RouteWithoutScopeError';
}

/**
 * Bearer authentication and scopes for every route registered in this (encapsulated) instance.
 * Every authentication failure gets the same 401, whatever was wrong with the token. A key without the route's
 * scope (`config.scope`) gets 403 naming it, before the body is read and before idempotency. A route that names
 * no scope cannot be registered here: the app fails to build, naming it, so no route is ever reachable unscoped.
 */
export function requireApiKey(app: FastifyInstance, db: Db): void {
  app.decorateRequest('caller', null);
  app.addHook('onRoute', (route) => {
    const scope = route.config?.scope;
    if (typeof scope !== 'string' || !isScope(scope)) {
      const methods = [route.method].flat().join(',');
      throw new RouteWithoutScopeError(
        `route ${methods} ${route.url} is behind the API key but declares ${scope === undefined ? 'no scope' : `an unknown scope "${String(scope)}"`}: add config: { scope: '<name>' } (see src/http/scopes.ts)`,
      );
    }
  });
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    const key = token ? await authenticate(db, token) : null;
    if (!key) {
      throw new ProblemError(
        'unauthorized',
        'Send a valid API key as "Authorization: Bearer <key>". Create one with `npx klantportaal api-keys create --account <id>`.',
        undefined,
        { 'www-authenticate': CHALLENGE },
      );
    }
    // Every route here has a scope (checked at registration); a missing one would still be refused.
    const scope = request.routeOptions.config.scope;
    if (!scope || !key.scopes.has(scope)) {
      throw new ProblemError(
        'insufficient-scope',
        `This API key lacks the scope "${scope ?? 'unknown'}" that this request needs. Create a key with it: \`npx klantportaal api-keys create --account <id> --scopes ${scope ?? '<scope>'}\`.`,
        undefined,
        // RFC 6750 §3.1: the error and the scope the request needs.
        { 'www-authenticate': `${CHALLENGE}, error="insufficient_scope", scope="${scope ?? ''}"` },
      );
    }
    request.caller = key.caller;
  });
}
