import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { ProblemError } from './problems.js';
import { sendProblem } from './error-handler.js';

export function healthRoutes(ctx: AppContext, databaseReady: () => Promise<void>): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (request, reply) => {
      const checks = await Promise.allSettled([databaseReady(), ctx.store.check()]);
      const [database, storage] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
      if (database === 'ok' && storage === 'ok') return { status: 'ok', database, storage };
      for (const check of checks) if (check.status === 'rejected') request.log.warn({ err: check.reason }, 'readiness check failed');
      return sendProblem(reply, new ProblemError('service-unavailable', `Not ready: database ${database}, PDF storage ${storage}.`));
    });
  };
}
