import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerToken } from './auth.js';
import { countRequest, deleteWindowsBefore } from './rate-limit.repository.js';
import { ProblemError } from './problems.js';

/**
 * Requests per API key per minute, in fixed windows (RELIABILITY.md S7): request N+1 of a window gets 429 with
 * `Retry-After` (seconds to the next window); every response carries the draft `RateLimit-Policy` and
 * `RateLimit` headers. Counted where every process sees it: a table on PostgreSQL (many processes); in memory
 * on SQLite, which runs one serve process per DATA_DIR, so a count there is as shared as it can be and costs
 * no fsync per request.
 */
export interface RateLimiter {
  /** Counts a request and returns the window's count including it. */
  hit(bucket: string, windowStart: number): Promise<number>;
  /** Forgets windows that ended; returns how many. */
  purge(currentWindow: number): Promise<number>;
}

const POLICY = 'api-key';

class MemoryLimiter implements RateLimiter {
  private window = -1;
  private readonly counts = new Map<string, number>();
  async hit(bucket: string, windowStart: number): Promise<number> {
    if (windowStart !== this.window) {
      this.counts.clear();
      this.window = windowStart;
    }
    const count = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, count);
    return count;
  }
  async purge(): Promise<number> {
    return 0; // the map holds one window only
  }
}

export function createRateLimiter(ctx: AppContext): RateLimiter {
  if (ctx.dialect === 'sqlite') return new MemoryLimiter();
  return { hit: (bucket, windowStart) => countRequest(ctx.db, bucket, windowStart), purge: (current) => deleteWindowsBefore(ctx.db, current) };
}

/** Windows are numbered from the Unix epoch, so every process agrees on where one starts. */
export function currentWindow(windowSeconds: number, now = Date.now()): number {
  return Math.floor(now / (windowSeconds * 1000));
}

/** For routes registered after `requireApiKey` in the same scope; `limit` 0 turns it off. */
export function rateLimit(app: FastifyInstance, limiter: RateLimiter, limit: number, windowSeconds: number): void {
  if (limit === 0) return;
  const WINDOW_MS = windowSeconds * 1000;
  app.addHook('onRequest', async (request, reply) => {
    const token = bearerToken(request) ?? '';
    // The key's hash names its bucket: the raw key is never stored.
    const bucket = createHash('sha256').update(token).digest('hex').slice(0, 32);
    const now = Date.now();
    const window = currentWindow(windowSeconds, now);
    const reset = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    let count: number;
    try {
      count = await limiter.hit(bucket, window);
    } catch (error) {
      // A counter that cannot count must not take the API down with it: let the request through.
      request.log.warn({ err: error }, 'rate limit counter unavailable');
      return;
    }
    reply.header('ratelimit-policy', `"${POLICY}";q=${limit};w=${WINDOW_MS / 1000}`);
    reply.header('ratelimit', `"${POLICY}";r=${Math.max(0, limit - count)};t=${reset}`);
    if (count > limit) {
      throw new ProblemError('rate-limited', `This API key made more than ${limit} requests this minute. Retry after ${reset} s.`, undefined, { 'retry-after': String(reset) });
    }
  });
}
