import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { purgeExpiredKeys, releaseAbandonedClaims } from './http/idempotency.js';
import { serverLoggerOptions } from './http/log-options.js';
import { currentWindow } from './http/rate-limit.js';
import { deleteWindowsBefore } from './http/rate-limit.repository.js';
import { removeOrphanedPdfs } from './storage/pdf-sweep.js';
import { openRuntime, type Runtime } from './runtime.js';
import { startWorkers } from './workers.js';

export interface RunningServer {
  app: FastifyInstance;
  runtime: Runtime;
  url: string;
  /** Where notification emails go (SMTP relay or .eml directory), for the start-up line. */
  mailTransport: string;
  stop(): Promise<void>;
}

/** Starts the HTTP server and the email and webhook workers beside it; stops gracefully (in-flight requests finish) on SIGINT/SIGTERM. */
export async function startServer(config: Config, onStarted?: (runtime: Runtime) => Promise<void>): Promise<RunningServer> {
  const runtime = await openRuntime(config);
  const removedTemps = await runtime.ctx.store.cleanupTemporary();
  const app = await buildApp(runtime.ctx, {
    databaseReady: runtime.databaseReady,
    logger: serverLoggerOptions(config.logLevel),
  });
  // A 201 promises the row is on stable storage: refuse to serve when the database would not keep that promise.
  const durability = await runtime.database.durability();
  if (!durability.ok) {
    const settings = Object.entries(durability.settings).map(([name, value]) => `${name}=${value}`).join(', ');
    throw new Error(`${runtime.database.dialect} durability settings are off (${settings}); refusing to serve`);
  }
  if (removedTemps > 0) app.log.info({ removedTemps }, 'removed temporary upload files left by an earlier run');
  // Idempotency keys are kept 24 h; forget older ones at start and then hourly. PDFs orphaned by a crash
  // between publish and commit go the same way, so a 201 never points at a missing file and none lingers.
  const purgeKeys = async () => {
    const purged = await purgeExpiredKeys(runtime.ctx.db).catch((error: unknown) => (app.log.warn({ err: error }, 'purging idempotency keys failed'), 0));
    if (purged > 0) app.log.info({ purged }, 'forgot idempotency keys older than 24 h');
    const orphans = await removeOrphanedPdfs(runtime.ctx, config.orphanPdfGraceMs).catch((error: unknown) => (app.log.warn({ err: error }, 'removing orphaned PDFs failed'), 0));
    if (orphans > 0) app.log.info({ orphans }, 'removed PDFs that no invoice references (left by an interrupted upload)');
    await deleteWindowsBefore(runtime.ctx.db, currentWindow(config.limits.rateLimitWindowSeconds)).catch((error: unknown) => app.log.warn({ err: error }, 'purging rate limit windows failed'));
  };
  await purgeKeys();
  if (runtime.database.dialect === 'sqlite') {
    const released = await releaseAbandonedClaims(runtime.ctx.db);
    if (released > 0) app.log.info({ released }, 'released Idempotency-Key claims of requests an earlier run did not finish');
  }
  const purgeTimer = setInterval(() => void purgeKeys(), 60 * 60 * 1000).unref();
  if (onStarted) await onStarted(runtime);
  await app.listen({ port: config.port, host: config.host });
  const workers = startWorkers(runtime.ctx.db, config, app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // In-flight requests get a grace period; keep-alive connections that go idle meanwhile are not waited for.
      const force = setTimeout(() => app.server.closeAllConnections(), 5000).unref();
      const idle = setInterval(() => app.server.closeIdleConnections(), 100).unref();
      clearInterval(purgeTimer);
      // The workers finish the email and webhooks in flight (bounded by their timeouts) while requests drain.
      await Promise.all([app.close(), workers.stop()]);
      clearTimeout(force);
      clearInterval(idle);
      await runtime.close();
    })();
    return stopping;
  };
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  return { app, runtime, url, mailTransport: workers.mailTransport, stop };
}
