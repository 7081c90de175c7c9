import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Problem } from './schemas.js';
import type { AppContext } from '../context.js';
import { ProblemError } from './problems.js';
import { sendProblem } from './error-handler.js';

const Health = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });
const Ready = Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok'), storage: Type.Literal('ok') }, { additionalProperties: false });

export function healthRoutes(ctx: AppContext, databaseReady: () => Promise<void>): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', { schema: { tags: ['service'], operationId: 'getHealth', summary: 'The process is up', response: { 200: Health } } }, async () => ({ status: 'ok' as const }));
    app.get('/readyz', { schema: { tags: ['service'], operationId: 'getReadiness', summary: 'The database and the PDF storage answer', response: { 200: Ready, 503: Problem } } }, async (request, reply) => {
      const checks = await Promise.allSettled([databaseReady(), ctx.store.check()]);
      const [database, storage] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
      if (database === 'ok' && storage === 'ok') return { status: 'ok' as const, database, storage };
      for (const check of checks) if (check.status === 'rejected') request.log.warn({ err: check.reason }, 'readiness check failed');
      return sendProblem(reply, new ProblemError('service-unavailable', `Not ready: database ${database}, PDF storage ${storage}.`));
    });
  };
}
