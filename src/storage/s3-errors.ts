import { StorageUnavailableError } from './pdf-store.js';
import { translateFsError } from './staging.js';

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

// The store cannot be reached, or says "later": bucket unreachable, throttled, overloaded, out of space.
// XMinioStorageFull and QuotaExceeded are how S3-compatible stores (MinIO, Ceph RGW) say "full".
const UNAVAILABLE_NAMES = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'NoSuchBucket',
  'XMinioStorageFull',
  'QuotaExceeded',
  'InsufficientStorage',
  'TimeoutError',
  'AbortError',
]);
const UNAVAILABLE_STATUS = new Set([429, 500, 502, 503, 504, 507]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** An S3 answer (or a socket error) that means "the store cannot take this now" becomes StorageUnavailableError (503). */
export function translateS3Error(error: unknown): unknown {
  if (error instanceof StorageUnavailableError) return error;
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const unavailable =
    (e.name !== undefined && UNAVAILABLE_NAMES.has(e.name)) ||
    (e.code !== undefined && NETWORK_CODES.has(e.code)) ||
    (status !== undefined && UNAVAILABLE_STATUS.has(status));
  if (unavailable) {
    const what = e.code ?? e.name ?? `HTTP ${status}`;
    return new StorageUnavailableError(`S3 storage cannot take the request (${what})`, { cause: error });
  }
  // Errors of the local staging directory.
  return translateFsError(error);
}

/** HeadObject answers a bare 404 ("NotFound"); GetObject names it NoSuchKey. */
export function isNotFound(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}
