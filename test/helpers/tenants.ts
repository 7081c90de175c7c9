import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createApiKey } from '../../src/accounts/account.service.js';
import { randomId } from '../../src/lib/ids.js';
import { startMailWorker } from '../../src/workers.js';
import { Browser, signIn } from './portal.js';
import { accountClient, samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from './server.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from './smtp.js';

/**
 * Three businesses with the same shape of data, for the tenant-isolation tests (RELIABILITY.md S1): each has
 * customers x and y, invoices of both (notified, so each has an invoice link), and a webhook endpoint with a
 * delivery. Customer x of every account shares one email address: the same person, customer of three businesses.
 */
export interface Tenant {
  name: string;
  client: TestAccount;
  customers: { x: string; y: string };
  invoices: { x: string; y: string };
  endpoint: string;
  delivery: string;
  /** A customer group holding customer x. */
  group: string;
  /** The invoice links (`/portal/i/<token>`) from the notification emails, by customer. */
  invoiceLinks: { x: string; y: string };
  /** Offers of both customers (notified, so each has an offer link `/portal/o/<token>`). */
  offers: { x: string; y: string };
  offerLinks: { x: string; y: string };
}

export interface Tenants {
  server: TestServer;
  smtp: TestSmtp;
  a: Tenant;
  b: Tenant;
  c: Tenant;
  /** A's test-mode key: the same business, another set of data. */
  aTest: TestAccount;
  /** Customer x of A, signed in to A's portal; `signInLink` is the (used) magic link. */
  portal: { browser: Browser; signInLink: string };
  stop(): Promise<void>;
}

export const SHARED_EMAIL = 'x@example.com';

/** A well-formed id of this kind that does not exist: the same prefix and length as `like`. */
export function missingId(like: string): string {
  const prefix = like.slice(0, like.indexOf('_') + 1);
  return prefix + randomId(like.length - prefix.length);
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function invoiceLinkOf(mails: ReceivedMail[], invoiceNumber: string, kind: 'i' | 'o' = 'i'): string {
  const mail = mails.find((m) => String(m.parsed.text).includes(invoiceNumber) && String(m.parsed.text).includes(`/portal/${kind}/`));
  const link = String(mail?.parsed.text ?? '').match(new RegExp(`https?://\\S+(/portal/${kind}/[A-Za-z0-9_-]+)`))?.[1];
  assert(link, `no /portal/${kind}/ link in the email for ${invoiceNumber}`);
  return link;
}

/** The offer number of tenant `name`'s customer `key` (no invoice number is a part of it). */
const offerNumber = (name: string, key: string) => `${name}/offer-${key}`;

/**
 * The server runs the mail worker only (no webhook worker), so every delivery stays pending and the data holds
 * still while a test compares it before and after.
 */
export async function startTenants(): Promise<Tenants> {
  const smtp = await startTestSmtp();
  const server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' });
  const mail = startMailWorker(server.runtime.ctx.db, server.runtime.ctx.config, quiet);

  async function tenant(name: string): Promise<Tenant> {
    const client = await server.account(name);
    const hook = await client.json('POST', '/v1/webhooks', { url: 'https://example.com/hook', type: 'invoice-created' });
    assert.equal(hook.status, 201, await hook.clone().text());
    const endpoint = ((await hook.json()) as { id: string }).id;
    const x = (await client.createCustomer({ companyName: `${name} X`, primaryEmail: SHARED_EMAIL })).id;
    const y = (await client.createCustomer({ companyName: `${name} Y`, primaryEmail: `y-${randomId(6)}@example.com` })).id;
    const grouped = await client.json('POST', '/v1/customer-groups', { name: `${name} groep`, customers: [x] });
    assert.equal(grouped.status, 201, await grouped.clone().text());
    const group = ((await grouped.json()) as { id: string }).id;
    const invoices = { x: '', y: '' };
    for (const [key, customerId] of [['x', x], ['y', y]] as const) {
      const res = await client.createInvoice(validInvoice(customerId, { invoiceNumber: `${name}-${key}`, sendNotification: 'true' }), samplePdf(`${name}-${key}`));
      assert.equal(res.status, 201, await res.clone().text());
      invoices[key] = ((await res.json()) as { id: string }).id;
    }
    const offers = { x: '', y: '' };
    for (const [key, customerId] of [['x', x], ['y', y]] as const) {
      const form = new FormData();
      for (const [field, value] of Object.entries({ customerId, offerNumber: offerNumber(name, key), issuedAt: '2024-04-30', expiresAt: '2099-04-30', amount: '99.00', sendNotification: 'true' })) form.append(field, value);
      form.append('pdf', new Blob([samplePdf(`${name}-offer-${key}`)], { type: 'application/pdf' }), 'offer.pdf');
      const res = await client.request('/v1/customer-offers', { method: 'POST', body: form });
      assert.equal(res.status, 201, await res.clone().text());
      offers[key] = ((await res.json()) as { id: string }).id;
    }
    const log = (await (await client.request(`/v1/webhooks/${endpoint}/deliveries`)).json()) as { data: { id: string }[] };
    const delivery = log.data[0]?.id;
    assert(delivery, 'the endpoint has a delivery');
    return { name, client, customers: { x, y }, invoices, endpoint, delivery, group, invoiceLinks: { x: '', y: '' }, offers, offerLinks: { x: '', y: '' } };
  }

  const [a, b, c] = await Promise.all([tenant('A'), tenant('B'), tenant('C')]);
  const created = await createApiKey(server.runtime.ctx.db, a.client.id, { test: true });
  const aTest = accountClient(server.url, created.testAccountId ?? '', created.apiKey);
  const mails = await smtp.waitForDelivered((all) => all.length >= 12);
  for (const t of [a, b, c]) {
    t.invoiceLinks = { x: invoiceLinkOf(mails, `${t.name}-x`), y: invoiceLinkOf(mails, `${t.name}-y`) };
    t.offerLinks = { x: invoiceLinkOf(mails, offerNumber(t.name, 'x'), 'o'), y: invoiceLinkOf(mails, offerNumber(t.name, 'y'), 'o') };
  }

  const browser = new Browser(server.url);
  const signInLink = new URL(await signIn(browser, smtp, a.client.id, SHARED_EMAIL)).pathname;
  return {
    server,
    smtp,
    a,
    b,
    c,
    aTest,
    portal: { browser, signInLink },
    async stop() {
      await mail.stop();
      await server.close();
      await smtp.stop();
    },
  };
}

/** Everything a tenant can read back through the API, as text (PDFs as their SHA-256): compared before and after. */
export async function snapshot(t: Tenant): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const read = async (path: string) => {
    // The PDF's bytes (Accept: application/pdf), not its cloud-file link, which is new on every request.
    const res = await t.client.request(path, path.endsWith('/pdf') ? { headers: { accept: 'application/pdf' } } : {});
    assert.equal(res.status, 200, `${t.name} reads ${path}`);
    out[path] = path.endsWith('/pdf') ? createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex') : await res.text();
  };
  for (const list of ['/v1/customers?per_page=250', '/v1/customer-invoices?per_page=250', '/v1/customer-offers?per_page=250', '/v1/webhooks?per_page=250', '/v1/customer-groups?per_page=250']) await read(list);
  await read(`/v1/customer-groups/${t.group}`);
  await read(`/v1/customers?customerGroupId=${t.group}`);
  for (const id of Object.values(t.customers)) await read(`/v1/customers/${id}`);
  for (const id of Object.values(t.invoices)) {
    await read(`/v1/customer-invoices/${id}`);
    await read(`/v1/customer-invoices/${id}/pdf`);
  }
  for (const id of Object.values(t.offers)) {
    await read(`/v1/customer-offers/${id}`);
    await read(`/v1/customer-offers/${id}/pdf`);
  }
  await read(`/v1/webhooks/${t.endpoint}`);
  await read(`/v1/webhooks/${t.endpoint}/deliveries`);
  return out;
}
