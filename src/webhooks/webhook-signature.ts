import { createHmac, randomBytes } from 'node:crypto';

/**
 * Two headers on every call. `X-Webhook-Signature: <the record's secret>`, as MijnKlantportaal sends it (reference
 * 2.10: the secret itself, no scheme), so existing receivers keep working. And, for receivers who verify properly,
 * signatures in the style of Stripe's: `Klantportaal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `"<t>.<body>"`, keyed with the whole secret string (UTF-8). The timestamp is the attempt's, so a receiver can
 * refuse old (replayed) requests; the body is the same bytes on every attempt.
 */
export const SIGNATURE_HEADER = 'klantportaal-signature';
export const EVENT_ID_HEADER = 'klantportaal-event-id';
export const PUBLISHED_SIGNATURE_HEADER = 'x-webhook-signature';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const SECRET_LENGTH = 32;

/** 32 letters and digits, as published (`OUJX2prdBbJxR77BZlGz` is 20): about 190 bits. */
export function newSigningSecret(): string {
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps every character equally likely.
  let out = '';
  while (out.length < SECRET_LENGTH) {
    for (const byte of randomBytes(SECRET_LENGTH * 2)) {
      if (byte < 248 && out.length < SECRET_LENGTH) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
