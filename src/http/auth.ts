import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../accounts/account.service.js';
import type { Db } from '../db/database.js';
import { ProblemError } from './problems.js';

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
 * Bearer authentication for every route registered in this (encapsulated) instance.
 * Every failure gets the same 401, whatever was wrong with the token.
 */
export function requireApiKey(app: FastifyInstance, db: Db): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer +(\S+) *$/i.exec(header) : null;
    const caller = match?.[1] ? await authenticate(db, match[1]) : null;
    if (!caller) {
      throw new ProblemError(
        'unauthorized',
        'Send a valid API key as "Authorization: Bearer <key>". Create one with `npx klantportaal api-keys create --account <id>`.',
        undefined,
        { 'www-authenticate': CHALLENGE },
      );
    }
    request.caller = caller;
  });
}
