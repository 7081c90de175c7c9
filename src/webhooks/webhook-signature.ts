import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signatures in the style of Stripe's: `Klantportaal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `"<t>.<body>"`, keyed with the whole secret string (UTF-8). The timestamp is the attempt's, so a receiver can
 * refuse old (replayed) requests; the body is the same bytes on every attempt.
 */
export const SIGNATURE_HEADER = 'klantportaal-signature';
export const EVENT_ID_HEADER = 'klantportaal-event-id';

/** `whsec_` + 256 random bits, base64url. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
