import type { FastifyReply, FastifyRequest } from 'fastify';
import { langOf, type Lang } from './views/i18n.js';
import { newSecret, sameSecret } from './session.js';

/**
 * Request and response plumbing shared by the portal routes: cookie names and options, the sign-in forms'
 * CSRF cookie, security headers, form fields, prefetch detection.
 */

const isHttps = (publicBaseUrl: string) => publicBaseUrl.startsWith('https:');

/** `__Host-` behind HTTPS: the browser then insists on Secure, Path=/ and no Domain, so no subdomain can plant it. */
export function cookieNames(publicBaseUrl: string): { session: string; csrf: string } {
  return isHttps(publicBaseUrl) ? { session: '__Host-kp_session', csrf: '__Host-kp_csrf' } : { session: 'kp_session', csrf: 'kp_csrf' };
}

export function cookieOptions(publicBaseUrl: string, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isHttps(publicBaseUrl), maxAge: maxAgeSeconds };
}

const CSRF_COOKIE_SECONDS = 24 * 3600;

/**
 * Signed double-submit for the forms shown before there is a session (ask for a link, use a link): the cookie
 * holds a random value signed with the database's secret, the form repeats the value. Reuses a valid cookie, so
 * one browser sees one token.
 */
export function signInCsrfToken(request: FastifyRequest, reply: FastifyReply, publicBaseUrl: string): string {
  const name = cookieNames(publicBaseUrl).csrf;
  const raw = request.cookies[name];
  const current = raw ? request.unsignCookie(raw) : null;
  if (current?.valid && current.value) return current.value;
  const token = newSecret();
  reply.setCookie(name, token, { ...cookieOptions(publicBaseUrl, CSRF_COOKIE_SECONDS), signed: true });
  return token;
}

export function signInCsrfValid(request: FastifyRequest, publicBaseUrl: string): boolean {
  const raw = request.cookies[cookieNames(publicBaseUrl).csrf];
  const cookie = raw ? request.unsignCookie(raw) : null;
  const sent = formField(request, 'csrf');
  return Boolean(cookie?.valid && cookie.value && sent && sameSecret(cookie.value, sent));
}

/** One text field of a urlencoded form; '' when missing or repeated. */
export function formField(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | null | undefined;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The page language before anyone signed in: the browser's first choice of Dutch or English; Dutch otherwise. */
export function langFromRequest(request: FastifyRequest): Lang {
  const header = String(request.headers['accept-language'] ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0 && (entry.tag.startsWith('nl') || entry.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return langOf(ranked[0]?.tag.slice(0, 2));
}

/**
 * A real view, as opposed to a HEAD, or a prefetch or prerender that says so (Chromium's `Sec-Purpose`, the older
 * `Purpose`/`X-Purpose`, Firefox's `X-Moz`). A scanner that fetches like a browser cannot be told apart.
 */
export function isRealView(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const says = (name: string, word: RegExp) => word.test(String(request.headers[name] ?? ''));
  return !(
    says('sec-purpose', /prefetch|prerender/i) ||
    says('purpose', /prefetch|preview/i) ||
    says('x-purpose', /prefetch|preview/i) ||
    says('x-moz', /prefetch/i)
  );
}

/**
 * Every portal response: no caching of personal pages, no framing, no sniffing, no referrer (links carry tokens).
 * Scripts only from our origin (the signature field's, pages/assets.ts), never inline.
 */
export function securityHeaders(reply: FastifyReply): void {
  reply.headers({
    'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  });
}

export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}
