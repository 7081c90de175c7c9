import http from 'node:http';
import https from 'node:https';
import { BlockedAddressError, guardedLookup, literalHostProblem } from './webhook-address.js';
import { EVENT_ID_HEADER, PUBLISHED_SIGNATURE_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

export interface WebhookRequest {
  url: string;
  secret: string;
  eventId: string;
  body: string;
}

/** What one attempt came to: delivered (2xx), or why not (the status when there was one). */
export type AttemptResult = { delivered: true; statusCode: number } | { delivered: false; statusCode: number | null; error: string };

const USER_AGENT = 'klantportaal-webhooks/1 (+https://klantportaal.dev)';
// Enough of an error page to tell a proxy's from the application's; the rest is not read.
const MAX_ERROR_BODY = 200;

function failure(error: unknown, timeoutMs: number): AttemptResult {
  if (error instanceof BlockedAddressError) return { delivered: false, statusCode: null, error: error.message };
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (name === 'AbortError' || name === 'TimeoutError') return { delivered: false, statusCode: null, error: `no answer within ${timeoutMs} ms` };
  return { delivered: false, statusCode: null, error: [code, message].filter(Boolean).join(': ') || String(error) };
}

/**
 * POSTs one signed event (both signature headers, see webhook-signature.ts). Redirects are not followed (a 3xx is
 * a failed attempt): the URL that was checked is the URL that is called. A fresh connection per attempt (no
 * agent), so the address check runs every time.
 */
export function sendWebhook(request: WebhookRequest, options: { timeoutMs: number; allowPrivateNetworks: boolean }): Promise<AttemptResult> {
  const url = new URL(request.url);
  if (!options.allowPrivateNetworks) {
    const refused = literalHostProblem(url);
    if (refused) return Promise.resolve({ delivered: false, statusCode: null, error: refused });
  }
  const body = Buffer.from(request.body, 'utf8');
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    const req = client.request(url, {
      method: 'POST',
      agent: false,
      signal: AbortSignal.timeout(options.timeoutMs),
      ...(options.allowPrivateNetworks ? {} : { lookup: guardedLookup }),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(body.length),
        'user-agent': USER_AGENT,
        [PUBLISHED_SIGNATURE_HEADER]: request.secret,
        [SIGNATURE_HEADER]: signatureHeader(request.secret, request.body, Math.floor(Date.now() / 1000)),
        [EVENT_ID_HEADER]: request.eventId,
      },
    });
    req.on('error', (error) => resolve(failure(error, options.timeoutMs)));
    req.on('response', (res) => {
      const statusCode = res.statusCode ?? 0;
      if (statusCode >= 200 && statusCode < 300) {
        resolve({ delivered: true, statusCode });
        res.destroy();
        return;
      }
      let text = '';
      const done = () => {
        res.destroy();
        const snippet = text.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_BODY);
        resolve({ delivered: false, statusCode, error: `the endpoint answered ${statusCode}${snippet ? `: ${snippet}` : ''}` });
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.length >= MAX_ERROR_BODY) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(body);
  });
}
