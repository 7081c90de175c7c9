import type { FastifyReply } from 'fastify';
import { attachment } from '../http/content-disposition.js';
import { ProblemError, unavailable } from '../http/problems.js';
import type { DownloadTarget } from './download-links.js';
import { StorageUnavailableError, type PdfStore, type StoredPdf } from './pdf-store.js';

/** Opens the stored object behind a download; a store that cannot answer is a 503, a missing object null. */
export async function openDownload(store: PdfStore, key: string): Promise<StoredPdf | null> {
  return store.open(key).catch((error: unknown) => {
    if (error instanceof StorageUnavailableError) throw unavailable('The file cannot be read right now. Retry later.');
    throw error;
  });
}

/**
 * Streams a stored file as a download, with the headers every download carries (API.md "Downloads"): attachment
 * with an ASCII fallback and `filename*`, nosniff, a CSP sandbox (opened in a tab, it can run nothing), no-store,
 * the content hash as ETag, and its length.
 */
export function sendDownload(reply: FastifyReply, target: DownloadTarget, file: StoredPdf): FastifyReply {
  return reply
    .header('content-type', target.contentType)
    .header('content-disposition', attachment(target.name, target.extension))
    .header('etag', `"${target.key}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('content-length', file.size)
    // Streamed as stored; the typed reply knows only the JSON responses.
    .send(file.stream as never);
}

/** The one answer for every link that does not lead to a file: unknown, tampered with, expired, or its file gone. */
export const unknownDownload = (): ProblemError =>
  new ProblemError('not-found', 'This download link does not exist or has expired. Ask the API for a new one.');

/**
 * Whether the caller asked for the file's bytes instead of the cloud-file JSON (our extension): `Accept` names the
 * file's media type itself (not a wildcard) with a weight above zero and above JSON's. `*\/*`, a missing header
 * and `application/json` get the published JSON.
 */
export function wantsBytes(accept: string | undefined, contentType: string): boolean {
  if (!accept) return false;
  const weights = new Map<string, number>();
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (type && Number.isFinite(weight)) weights.set(type, Math.max(weights.get(type) ?? 0, weight));
  }
  const file = weights.get(contentType) ?? 0;
  return file > 0 && file > (weights.get('application/json') ?? 0);
}
