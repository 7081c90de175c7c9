import assert from 'node:assert/strict';
import http from 'node:http';
import type { TestServer } from './server.js';
import type { ReceivedMail, TestSmtp } from './smtp.js';

/** What a browser would keep: cookies by name (the test servers are one origin, so domain and path are moot). */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** Set-Cookie headers as received, for attribute checks. */
  readonly setCookies: string[] = [];

  constructor(readonly baseUrl: string) {}

  /** One request, redirects not followed; cookies sent and kept. `host` overrides the Host header. */
  async request(pathname: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<PortalResponse> {
    const url = new URL(pathname, this.baseUrl);
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = { ...init.headers };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await new Promise<PortalResponse>((resolve, reject) => {
      const req = http.request(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
    for (const line of response.headers['set-cookie'] ?? []) {
      this.setCookies.push(line);
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async page(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; res: PortalResponse }> {
    const res = await this.request(pathname, { headers });
    return { status: res.status, html: res.body.toString('utf8'), res };
  }

  /** Submits the form whose action is `action` on the page at `pagePath`, with its hidden CSRF token. */
  async submit(pagePath: string, action: string, fields: Record<string, string> = {}): Promise<PortalResponse> {
    const { html } = await this.page(pagePath);
    return this.request(action, { form: { csrf: csrfOf(html, action), ...fields } });
  }
}

export interface PortalResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export const text = (res: PortalResponse): string => res.body.toString('utf8');

/** The hidden csrf value of the form posting to `action` (or of the first form). */
export function csrfOf(html: string, action?: string): string {
  const forms = [...html.matchAll(/<form[^>]*action="([^"]*)"[\s\S]*?<\/form>/g)];
  const form = forms.find((m) => action === undefined || m[1] === action) ?? forms[0];
  const value = form?.[0].match(/name="csrf" value="([^"]*)"/)?.[1];
  assert(value, `no CSRF token in a form posting to ${action ?? 'anything'}`);
  return value;
}

/** The sign-in link(s) in a received email's text part. */
export function signInLinks(mail: ReceivedMail): string[] {
  return [...String(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+\/portal\/link\/[A-Za-z0-9_-]+/g)].map((m) => m[0]);
}

/** Asks for a sign-in email for `email` at the account's sign-in page and waits until it arrives; returns the link. */
export async function requestLink(browser: Browser, smtp: TestSmtp, accountId: string, email: string): Promise<string> {
  const mine = (all: ReceivedMail[]) => all.filter((m) => m.recipients.includes(email) && signInLinks(m).length > 0);
  const before = mine(smtp.delivered()).length;
  const res = await browser.submit(`/portal/sign-in/${accountId}`, `/portal/sign-in/${accountId}`, { email });
  assert.equal(res.status, 200, text(res));
  const mail = mine(await smtp.waitForDelivered((all) => mine(all).length > before))[before];
  assert(mail);
  const [link] = signInLinks(mail);
  assert(link, `no sign-in link in ${String(mail.parsed.text)}`);
  return link;
}

/** Signs the browser in as the customer with `email`, through the emailed link; returns the link used. */
export async function signIn(browser: Browser, smtp: TestSmtp, accountId: string, email: string): Promise<string> {
  const link = await requestLink(browser, smtp, accountId, email);
  const path = new URL(link).pathname;
  const res = await browser.submit(path, path);
  assert.equal(res.status, 303, text(res));
  return link;
}

/** Counts rows of a table. */
export async function rows(server: TestServer, table: 'portal_sessions' | 'portal_sign_in_tokens' | 'notification_outbox'): Promise<number> {
  const row = await server.runtime.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
