import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { toAtom } from '../lib/time.js';
import { findDownloadLinkSecret } from './download-link.repository.js';

/**
 * Cloud-file download links (API.md "Downloads"; reference 2.9): the one mechanism behind every download endpoint.
 * A section that serves a stored file answers `{link, expiresAt}` from `issueDownloadLink` and never streams the
 * bytes on its API route (except as the `Accept:` extension). The link is stateless: its token carries what to
 * serve (the stored object's key, the download name, the media type, the expiry) and an HMAC-SHA256 of that under
 * a key shared by every process on the database, so any process serves a link any other issued, with no row to
 * write, look up or purge. Whoever holds the link gets that one file until it expires: it is a capability, like a
 * presigned S3 URL; the API key that asked for it is never needed again.
 */

/** How long a link works (the published file download: "the URL is valid for 5 minutes"). */
export const DOWNLOAD_LINK_TTL_SECONDS = 300;

/** What a link serves. */
export interface DownloadTarget {
  /** The stored object's key: the content hash the store files it under. */
  key: string;
  /** The download name without its extension (made safe by http/content-disposition.ts when served). */
  name: string;
  extension: string;
  /** The media type it is served as. */
  contentType: string;
}

/** The published "Cloud file response". */
export interface CloudFile {
  link: string;
  /** ATOM in the account's time zone. */
  expiresAt: string;
}

const VERSION = 1;
const PAYLOAD = /^[A-Za-z0-9_-]{1,2000}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;
const KEY = /^[0-9a-f]{64}$/;

// One promise per database handle: the key is read once per process (every test server has its own handle).
const secrets = new WeakMap<Db, Promise<Buffer>>();

function secretOf(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = findDownloadLinkSecret(db).then((row) => {
      if (!row) throw new Error('portal_secrets has no download-links secret; run the migrations');
      return Buffer.from(row.value, 'base64url');
    });
    // A failed read (database down) is not remembered: the next request tries again.
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

// The MAC covers the payload as it stands in the URL, so no other spelling of the same bytes passes either.
const mac = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(`kp-download.${payload}`).digest();

/**
 * A link to `target` that works for DOWNLOAD_LINK_TTL_SECONDS from now (ctx.clock). The expiry is a whole second,
 * rounded down, so the link never outlives the `expiresAt` shown (which has seconds precision).
 */
export async function issueDownloadLink(ctx: AppContext, target: DownloadTarget, timeZone: string): Promise<CloudFile> {
  const expires = Math.floor(ctx.clock.now() / 1000) + DOWNLOAD_LINK_TTL_SECONDS;
  const payload = Buffer.from(JSON.stringify([VERSION, target.key, target.name, target.extension, target.contentType, expires])).toString('base64url');
  const token = `${payload}.${mac(await secretOf(ctx.db), payload).toString('base64url')}`;
  return {
    link: `${ctx.config.publicBaseUrl}/v1/downloads/${token}`,
    expiresAt: toAtom(new Date(expires * 1000).toISOString(), timeZone),
  };
}

/**
 * What a token serves, or null when it is malformed, tampered with, signed with another key or expired: the
 * download route answers all of these with the same 404 (an expired link looks like one that never existed, so
 * the answer says nothing about which tokens were ever real; the caller asks the API for a new link either way).
 */
export async function readDownloadLink(ctx: AppContext, token: string): Promise<DownloadTarget | null> {
  const [payload, signature, ...rest] = token.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0 || !PAYLOAD.test(payload) || !MAC.test(signature)) return null;
  // Compared as text: base64url has several spellings of the same last byte, and a changed character must not pass.
  const given = Buffer.from(signature, 'latin1');
  const expected = Buffer.from(mac(await secretOf(ctx.db), payload).toString('base64url'), 'latin1');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 6) return null;
  const [version, key, name, extension, contentType, expires] = fields as unknown[];
  if (version !== VERSION || typeof key !== 'string' || !KEY.test(key) || typeof name !== 'string' || typeof extension !== 'string') return null;
  if (typeof contentType !== 'string' || typeof expires !== 'number' || !Number.isSafeInteger(expires)) return null;
  if (ctx.clock.now() >= expires * 1000) return null;
  return { key, name, extension, contentType };
}
