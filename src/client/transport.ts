import { setTimeout as sleep } from 'node:timers/promises';
import { asProblem, KlantportaalApiError, KlantportaalNetworkError } from './errors.js';

export interface RetryOptions {
  /** Tries per request, the first included (default 4). */
  attempts: number;
  /** Backoff before retry n is about baseDelayMs × 2^(n−1), between half and all of it (default 250). */
  baseDelayMs: number;
  /** Longest backoff between two tries (default 8000). */
  maxDelayMs: number;
  /** A longer Retry-After than this (default 60000) is cut to it, so a caller is never parked for hours. */
  maxRetryAfterMs: number;
  /**
   * How long in all one call may wait out 429 answers (throttling) without using up its tries (default 0: each
   * 429 is a try). A 429 means the request was not processed, so waiting it out is always safe; a bulk job such
   * as `klantportaal import` sets this so the server's rate limit paces it instead of failing rows.
   */
  throttledWaitMs: number;
}

export interface TransportOptions {
  /** Where the API lives, e.g. `https://facturen.example.nl` (no /v1). */
  baseUrl: string;
  apiKey: string;
  retry?: Partial<RetryOptions>;
  /** Per try; a try that takes longer is aborted and counts as a network error (default 60000). */
  timeoutMs?: number;
  /** For tests and instrumentation; defaults to Node's fetch. */
  fetch?: typeof fetch;
  userAgent?: string;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * Path and query, e.g. `/v1/customers?per_page=10`; or an absolute URL (a cloud-file download link), which is
   * fetched as given and without the API key: the link is its own credential, and its host may be another.
   */
  path: string;
  headers?: Record<string, string>;
  /** Builds the body for one try; called again for every retry. */
  body?: () => { body: unknown; headers: Record<string, string> };
  /** False for a request that may not be sent twice (a POST without an idempotency key, a one-shot stream). */
  retryable: boolean;
  signal?: AbortSignal;
}

const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8000, maxRetryAfterMs: 60_000, throttledWaitMs: 0 };

/** Statuses where a retry may succeed: throttling, the server's trouble, or an idempotency key still in flight. */
function worthRetrying(response: Response): boolean {
  if (response.status === 429 || response.status === 502 || response.status === 503 || response.status === 504 || response.status === 500) return true;
  // 409 with Retry-After is "the first request with this Idempotency-Key is still running"; other 409s are final.
  return response.status === 409 && response.headers.has('retry-after');
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function backoffMs(retry: number, options: RetryOptions): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return step / 2 + Math.random() * (step / 2);
}

export type Transport = (spec: RequestSpec) => Promise<Response>;

/**
 * Sends a request and returns a 2xx response, retrying what is safe to retry: network errors and 5xx/429 (the
 * wait is the server's Retry-After when it gives one, else exponential backoff with jitter), a bounded number
 * of times. Any other answer, or the last failed one, becomes a KlantportaalApiError with the problem+json body.
 */
export function createTransport(options: TransportOptions): Transport {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;

  return async (spec) => {
    const attempts = spec.retryable ? Math.max(1, retry.attempts) : 1;
    let throttledMs = 0;
    for (let attempt = 1; ; attempt++) {
      const built = spec.body?.();
      const absolute = /^https?:\/\//i.test(spec.path);
      const signals = [AbortSignal.timeout(timeoutMs), ...(spec.signal ? [spec.signal] : [])];
      const init = {
        method: spec.method,
        headers: {
          ...(absolute ? {} : { authorization: `Bearer ${options.apiKey}` }),
          accept: 'application/json, application/problem+json',
          'user-agent': options.userAgent ?? 'klantportaal-client',
          ...spec.headers,
          ...built?.headers,
        },
        body: built?.body,
        // A streamed request body (multipart from a file or stream) needs this in Node's fetch.
        ...(built ? { duplex: 'half' } : {}),
        signal: AbortSignal.any(signals),
      };
      let response: Response;
      try {
        response = await doFetch(absolute ? spec.path : base + spec.path, init as RequestInit);
      } catch (error) {
        if (spec.signal?.aborted) throw error;
        if (attempt >= attempts) {
          const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
          // A download link is a credential: the message names its host only.
          const where = absolute ? `${new URL(spec.path).origin}/… (a download link)` : spec.path;
          throw new KlantportaalNetworkError(`${spec.method} ${where} failed after ${attempt} ${attempt === 1 ? 'try' : 'tries'}: ${reason}`, { cause: error });
        }
        await sleep(backoffMs(attempt, retry), undefined, { signal: spec.signal });
        continue;
      }
      if (response.ok) return response;
      if (spec.retryable && worthRetrying(response)) {
        const asked = retryAfterMs(response.headers.get('retry-after'));
        const wait = asked === null ? backoffMs(attempt, retry) : Math.min(asked, retry.maxRetryAfterMs);
        const throttled = response.status === 429 && throttledMs + wait <= retry.throttledWaitMs;
        if (throttled || attempt < attempts) {
          await response.body?.cancel();
          await sleep(wait, undefined, { signal: spec.signal });
          if (throttled) {
            throttledMs += wait;
            attempt -= 1; // waited out, not a try
          }
          continue;
        }
      }
      throw await apiError(response);
    }
  };
}

async function apiError(response: Response): Promise<KlantportaalApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: asProblem keeps the start of the text as the detail.
  }
  return new KlantportaalApiError(response.status, asProblem(response.status, body, text), response.headers.get('x-request-id'));
}
