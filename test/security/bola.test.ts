import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIV3_1 } from 'openapi-types';
import { HOSTILE, report } from '../helpers/hostile.js';
import { csrfOf, type PortalResponse } from '../helpers/portal.js';
import type { TestAccount } from '../helpers/server.js';
import { missingId, snapshot, startTenants, type Tenant, type Tenants } from '../helpers/tenants.js';

/**
 * S1 (RELIABILITY.md §3): every route that takes an id, for every pair of tenants, answers another tenant's id
 * with the very 404 a well-formed id that does not exist gets, and changes nothing. The API routes come from the
 * published OpenAPI document and the portal routes from the app's own route list, so a new route that the tables
 * below do not know fails the test by name.
 */

type Kind = 'customer' | 'invoice' | 'offer' | 'endpoint' | 'delivery' | 'group';

/** How to call each API route with ids in its path: which kind of id each parameter takes, and a valid body. */
const API_ROUTES: Record<string, { params: Record<string, Kind>; body?: unknown }> = {
  'GET /v1/customers/{id}': { params: { id: 'customer' } },
  'PATCH /v1/customers/{id}': { params: { id: 'customer' }, body: { companyName: 'Overgenomen', primaryEmail: 'dief@example.com' } },
  'DELETE /v1/customers/{id}': { params: { id: 'customer' } },
  'GET /v1/customer-groups/{id}': { params: { id: 'group' } },
  'PATCH /v1/customer-groups/{id}': { params: { id: 'group' }, body: { name: 'Overgenomen' } },
  'DELETE /v1/customer-groups/{id}': { params: { id: 'group' } },
  'POST /v1/customer-groups/{id}/customers': { params: { id: 'group' }, body: { customers: ['cst_abc12345'] } },
  'DELETE /v1/customer-groups/{id}/customers/{customerId}': { params: { id: 'group', customerId: 'customer' } },
  'GET /v1/customer-invoices/{id}': { params: { id: 'invoice' } },
  'PATCH /v1/customer-invoices/{id}': { params: { id: 'invoice' }, body: { paidAt: '2024-05-11 12:59:00' } },
  'DELETE /v1/customer-invoices/{id}': { params: { id: 'invoice' } },
  'GET /v1/customer-invoices/{id}/pdf': { params: { id: 'invoice' } },
  'GET /v1/customer-offers/{id}': { params: { id: 'offer' } },
  'PATCH /v1/customer-offers/{id}': { params: { id: 'offer' }, body: { acceptedAt: '2024-05-04 20:51:50' } },
  'DELETE /v1/customer-offers/{id}': { params: { id: 'offer' } },
  'GET /v1/customer-offers/{id}/pdf': { params: { id: 'offer' } },
  'POST /v1/customer-offers/{id}/invoice': { params: { id: 'offer' }, body: { invoiceNumber: 'BOLA-OFF-1' } },
  'GET /v1/webhooks/{id}': { params: { id: 'endpoint' } },
  'DELETE /v1/webhooks/{id}': { params: { id: 'endpoint' } },
  'GET /v1/webhooks/{id}/deliveries': { params: { id: 'endpoint' } },
  'POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': { params: { id: 'endpoint', deliveryId: 'delivery' } },
};

/**
 * API routes whose path parameter is a capability rather than an id: the cloud-file download link (API.md
 * "Downloads") needs no API key, so there is no caller whose tenant could be crossed; whoever holds the link gets
 * that one file for 5 minutes, by design (like a presigned S3 URL). They are not walked with the API keys above.
 * What must fail instead is any other secret in its place: another tenant's link spliced with this one's signature,
 * or an id (the test below; test/storage/download-links.test.ts changes every character and swaps every field).
 */
/**
 * Creates that name other resources in their body rather than their path: another tenant's id there must get the
 * answer of a well-formed id that does not exist (a 422 on that field), and make nothing.
 */
const BODY_ID_ROUTES: Record<string, { kind: Kind; field: string; body: (own: Tenant, id: string) => unknown }[]> = {
  'POST /v1/customer-invoices/manual': [
    { kind: 'customer', field: 'customerId', body: (_own, id) => ({ customerId: id, invoiceNumber: 'BOLA-1', issuedAt: '2025-04-14', lines: [{ description: 'x', amountExclVat: '1.00', vatRate: 21 }] }) },
    {
      kind: 'invoice',
      field: 'creditedInvoiceId',
      body: (own, id) => ({ customerId: own.customers.x, creditedInvoiceId: id, invoiceNumber: 'BOLA-2', issuedAt: '2025-04-14', lines: [{ description: 'x', amountExclVat: '-1.00', vatRate: 21 }] }),
    },
  ],
  'POST /v1/customer-offers/manual': [
    { kind: 'customer', field: 'customerId', body: (_own, id) => ({ customerId: id, offerNumber: 'BOLA-O-1', issuedAt: '2025-04-14', expiresAt: '2025-04-30', lines: [{ description: 'x', amountExclVat: '1.00', vatRate: 21 }] }) },
  ],
};

const CAPABILITY_ROUTES: Record<string, { why: string }> = {
  'GET /v1/downloads/{token}': { why: 'a signed, expiring link to one file; the link is the credential, not an API key' },
};

/**
 * The portal's routes with a parameter. `signedIn`: customer x of A asks with invoice ids of others. `token`:
 * the secret in the path; the invoice link is a capability by design (API.md: it opens that one invoice without
 * signing in), so what must fail is every other secret or id put in its place. `public`: no tenant data behind it.
 */
type PortalRoute = { kind: 'signedIn'; of?: 'offer' } | { kind: 'token'; of: 'invoice-link' | 'offer-link' | 'sign-in-link' } | { kind: 'public'; why: string };
const PORTAL_ROUTES: Record<string, PortalRoute> = {
  'GET /portal/invoices/:id': { kind: 'signedIn' },
  'HEAD /portal/invoices/:id': { kind: 'signedIn' },
  'GET /portal/invoices/:id/pdf': { kind: 'signedIn' },
  'HEAD /portal/invoices/:id/pdf': { kind: 'signedIn' },
  'GET /portal/offers/:id': { kind: 'signedIn', of: 'offer' },
  'HEAD /portal/offers/:id': { kind: 'signedIn', of: 'offer' },
  'GET /portal/offers/:id/pdf': { kind: 'signedIn', of: 'offer' },
  'HEAD /portal/offers/:id/pdf': { kind: 'signedIn', of: 'offer' },
  'POST /portal/offers/:id/accept': { kind: 'signedIn', of: 'offer' },
  'POST /portal/offers/:id/reject': { kind: 'signedIn', of: 'offer' },
  'GET /portal/i/:token': { kind: 'token', of: 'invoice-link' },
  'HEAD /portal/i/:token': { kind: 'token', of: 'invoice-link' },
  'GET /portal/i/:token/pdf': { kind: 'token', of: 'invoice-link' },
  'HEAD /portal/i/:token/pdf': { kind: 'token', of: 'invoice-link' },
  'GET /portal/o/:token': { kind: 'token', of: 'offer-link' },
  'HEAD /portal/o/:token': { kind: 'token', of: 'offer-link' },
  'GET /portal/o/:token/pdf': { kind: 'token', of: 'offer-link' },
  'HEAD /portal/o/:token/pdf': { kind: 'token', of: 'offer-link' },
  'POST /portal/o/:token/accept': { kind: 'token', of: 'offer-link' },
  'POST /portal/o/:token/reject': { kind: 'token', of: 'offer-link' },
  'GET /portal/link/:token': { kind: 'token', of: 'sign-in-link' },
  'HEAD /portal/link/:token': { kind: 'token', of: 'sign-in-link' },
  'POST /portal/link/:token': { kind: 'token', of: 'sign-in-link' },
  'GET /portal/sign-in/:accountId': { kind: 'public', why: 'a business’s sign-in form shows only its name' },
  'HEAD /portal/sign-in/:accountId': { kind: 'public', why: 'a business’s sign-in form shows only its name' },
  'POST /portal/sign-in/:accountId': { kind: 'public', why: 'asking for a link answers the same page for any address' },
};

/** Headers that differ per request by design. */
const PER_REQUEST = new Set(['date', 'x-request-id', 'connection', 'keep-alive', 'set-cookie']);

interface Answer {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** The answer with the ids it was asked about replaced by placeholders: what must match byte for byte. */
function comparable(answer: Answer, ids: string[]): { status: number; headers: [string, string][]; body: string } {
  let body = answer.body.toString('latin1');
  ids.forEach((id, i) => (body = body.replaceAll(id, `{id${i}}`)));
  return { status: answer.status, headers: answer.headers.filter(([name]) => !PER_REQUEST.has(name)).sort(), body };
}

const ofFetch = async (res: Response): Promise<Answer> => ({ status: res.status, headers: [...res.headers], body: Buffer.from(await res.arrayBuffer()) });
const ofPortal = (res: PortalResponse): Answer => ({
  status: res.status,
  headers: Object.entries(res.headers).map(([name, value]) => [name, String(value)]),
  body: res.body,
});

function idOf(t: Tenant, kind: Kind): string {
  return { customer: t.customers.x, invoice: t.invoices.x, offer: t.offers.x, endpoint: t.endpoint, delivery: t.delivery, group: t.group }[kind];
}

/** A random secret of the same length and alphabet as `like` (base64url tokens, or our ids). */
function missingToken(like: string): string {
  return like.includes('_') && /^[a-z]+_[0-9a-z]+$/.test(like) ? missingId(like) : randomBytes(like.length).toString('base64url').slice(0, like.length);
}

/** The token of a portal invoice link (`<base>/portal/i/<token>`). */
const linkTokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

let t: Tenants;
let before_: Record<string, string>[];
const figures = { apiRoutes: 0, apiPairs: 0, portalRoutes: 0, portalPairs: 0 };

before(async () => {
  t = await startTenants();
  before_ = await Promise.all([t.a, t.b, t.c].map(snapshot));
});
after(async () => {
  report('S1 BOLA matrix', figures);
  await t?.stop();
});

describe('S1 BOLA matrix', () => {
  it('API: every id route in openapi.json answers another tenant’s ids with the 404 of a missing id', async () => {
    const doc = (await (await fetch(`${t.server.url}/v1/openapi.json`)).json()) as OpenAPIV3_1.Document;
    const routes = Object.entries(doc.paths ?? {})
      .filter(([path]) => path.includes('{'))
      .flatMap(([path, item]) => Object.keys(item ?? {}).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of routes) assert.ok(API_ROUTES[route] ?? CAPABILITY_ROUTES[route], `route missing from the BOLA matrix: ${route}`);
    for (const route of [...Object.keys(API_ROUTES), ...Object.keys(CAPABILITY_ROUTES)]) assert.ok(routes.includes(route), `the BOLA matrix names a route the API does not have: ${route}`);
    // Nothing the app serves under /v1 with an id escapes the document (but Fastify's HEAD twins of GET routes,
    // which run the GET handler; the contract checker counts them as undocumented, so they are not sent here).
    const documented = new Set(routes.map((r) => r.replace(/\{(\w+)\}/g, ':$1')));
    const served = t.server.routes.filter((r) => r.url.startsWith('/v1/') && r.url.includes(':')).map((r) => `${r.method} ${r.url}`);
    for (const route of served) assert.ok(documented.has(route.replace(/^HEAD /, 'GET ')), `route missing from the BOLA matrix: ${route}`);

    const callers: { label: string; client: TestAccount; own?: Tenant }[] = [
      { label: 'A', client: t.a.client, own: t.a },
      { label: 'B', client: t.b.client, own: t.b },
      { label: 'C', client: t.c.client, own: t.c },
      { label: 'A (test mode)', client: t.aTest },
    ];
    // Every ordered pair of tenants under test:hostile; in npm test the others against A (the cases are symmetric).
    const owners = HOSTILE ? [t.a, t.b, t.c] : [t.a];
    for (const route of routes.filter((r) => !CAPABILITY_ROUTES[r])) {
      const [method = '', template = ''] = route.split(' ');
      const { params, body } = API_ROUTES[route] ?? { params: {} };
      const names = Object.keys(params);
      for (const caller of callers) {
        for (const owner of owners.filter((o) => o !== caller.own)) {
          // Each parameter is the owner's id or (if the caller has one) the caller's own; at least one is foreign.
          const combos = names.reduce<Record<string, string>[][]>((acc, name) => acc.flatMap((combo) => {
            const kind = params[name] as Kind;
            const choices = [{ [name]: `foreign:${idOf(owner, kind)}` }, ...(caller.own ? [{ [name]: idOf(caller.own, kind) }] : [])];
            return choices.map((choice) => [...combo, choice]);
          }), [[]]).map((parts) => Object.assign({}, ...parts) as Record<string, string>).filter((c) => Object.values(c).some((v) => v.startsWith('foreign:')));
          for (const combo of combos) {
            const foreignIds = Object.values(combo).filter((v) => v.startsWith('foreign:')).map((v) => v.slice(8));
            const missing = foreignIds.map(missingId);
            const path = (ids: string[]) => {
              let i = 0;
              return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
                const value = combo[name] ?? '';
                return value.startsWith('foreign:') ? (ids[i++] ?? '') : value;
              });
            };
            const send = (p: string) => (body === undefined ? caller.client.request(p, { method }) : caller.client.json(method, p, body));
            const foreign = await ofFetch(await send(path(foreignIds)));
            const absent = await ofFetch(await send(path(missing)));
            const where = `${method} ${path(foreignIds)} as ${caller.label} with ${owner.name}'s ids`;
            assert.equal(foreign.status, 404, `${where}: ${foreign.body.toString()}`);
            assert.deepEqual(comparable(foreign, foreignIds), comparable(absent, missing), where);
            figures.apiPairs += 1;
          }
        }
      }
      figures.apiRoutes += 1;
    }
    const after_ = await Promise.all([t.a, t.b, t.c].map(snapshot));
    assert.deepEqual(after_, before_, 'every tenant reads back exactly what it had');
  });

  it('API: another tenant’s id in a create body gets the answer of a missing id, and makes nothing', async () => {
    // Their legal details, so that the refusal is about the id alone (snapshots do not read the account).
    for (const tenant of [t.a, t.b, t.c]) {
      const res = await tenant.client.json('PATCH', '/v1/account', { address: 'Straat 1', zipCode: '1234 AB', city: 'Delft', kvkNumber: '12345678', vatNumber: 'NL123456789B01' });
      assert.equal(res.status, 200, await res.text());
    }
    for (const [route, cases] of Object.entries(BODY_ID_ROUTES)) {
      const [method = '', path = ''] = route.split(' ');
      for (const { kind, field, body } of cases) {
        for (const [caller, owner] of [[t.a, t.b], [t.b, t.c], [t.c, t.a]] as const) {
          const foreign = idOf(owner, kind);
          const absent = missingId(foreign);
          const [theirs, missing] = [await ofFetch(await caller.client.json(method, path, body(caller, foreign))), await ofFetch(await caller.client.json(method, path, body(caller, absent)))];
          const where = `${route} with ${owner.name}'s ${field} as ${caller.name}`;
          assert.equal(theirs.status, 422, `${where}: ${theirs.body.toString()}`);
          assert.ok(JSON.parse(theirs.body.toString()).errors.some((e: { field: string }) => e.field === field), where);
          assert.deepEqual(comparable(theirs, [foreign]), comparable(missing, [absent]), where);
          figures.apiPairs += 1;
        }
      }
      figures.apiRoutes += 1;
    }
    const after_ = await Promise.all([t.a, t.b, t.c].map(snapshot));
    assert.deepEqual(after_, before_, 'nothing was made');
  });

  it('API: a download link cannot be turned into another tenant’s: spliced links and ids get the 404 of an unknown link', async () => {
    const tokenOf = async (tenant: Tenant, invoice: string) => {
      const res = await tenant.client.request(`/v1/customer-invoices/${invoice}/pdf`);
      assert.equal(res.status, 200);
      const { link } = (await res.json()) as { link: string };
      return link.slice(link.lastIndexOf('/') + 1);
    };
    const [a, b, c] = [t.a, t.b, t.c];
    const own = await tokenOf(a, a.invoices.x);
    const [payload = '', signature = ''] = own.split('.');
    const spliced: string[] = [];
    for (const [tenant, invoice] of [[a, a.invoices.y], [b, b.invoices.x], [c, c.invoices.y]] as const) {
      const [otherPayload = '', otherSignature = ''] = (await tokenOf(tenant, invoice)).split('.');
      spliced.push(`${otherPayload}.${signature}`, `${payload}.${otherSignature}`);
    }
    const download = async (token: string) => ofFetch(await fetch(`${t.server.url}/v1/downloads/${encodeURIComponent(token)}`));
    for (const token of [...spliced, a.invoices.x, b.invoices.x, linkTokenOf(a.invoiceLinks.x)]) {
      const absent = missingToken(token);
      const [foreign, unknown] = [await download(token), await download(absent)];
      assert.equal(foreign.status, 404, token);
      assert.deepEqual(comparable(foreign, [token]), comparable(unknown, [absent]), token);
      figures.apiPairs += 1;
    }
    // The control: A's own link serves A's PDF, to anyone who holds it.
    assert.equal((await download(own)).status, 200);
    const after_ = await Promise.all([t.a, t.b, t.c].map(snapshot));
    assert.deepEqual(after_, before_, 'nothing changed');
  });

  it('portal: customer x of A gets the 404 of a missing id for every other invoice and every misplaced secret', async () => {
    const routes = t.server.routes.filter((r) => r.url.startsWith('/portal/') && r.url.includes(':')).map((r) => `${r.method} ${r.url}`);
    for (const route of routes) assert.ok(PORTAL_ROUTES[route], `route missing from the BOLA matrix: ${route}`);
    for (const route of Object.keys(PORTAL_ROUTES)) assert.ok(routes.includes(route), `the BOLA matrix names a route the portal does not have: ${route}`);

    const { browser, signInLink } = t.portal;
    // She sees her own invoice (a HEAD, which does not count as a view): the control for the 404s below.
    assert.equal((await browser.request(`/portal/invoices/${t.a.invoices.x}`, { method: 'HEAD' })).status, 200);
    assert.equal((await browser.request(`/portal/invoices/${t.a.invoices.x}/pdf`, { method: 'HEAD' })).status, 200);
    const signInToken = signInLink.split('/').pop() ?? '';
    const linkToken = (path: string) => path.split('/')[3] ?? '';
    const otherInvoices = [t.a.invoices.y, t.b.invoices.x, t.b.invoices.y, t.c.invoices.x, t.c.invoices.y];
    // Her own business's other customer's offer, other businesses' offers, and an invoice id where an offer id goes.
    const otherOffers = [t.a.offers.y, t.b.offers.x, t.b.offers.y, t.c.offers.x, t.a.invoices.x];
    const foreignFor = (route: PortalRoute): string[] => {
      if (route.kind === 'signedIn') return route.of === 'offer' ? otherOffers : otherInvoices;
      if (route.kind === 'public') return [];
      // An invoice link's token where a sign-in token goes and the reverse; ids and the used sign-in link too.
      // An offer link's token opens no invoice and the reverse.
      if (route.of === 'invoice-link') return [signInToken, t.a.invoices.x, t.a.customers.x, linkToken(t.a.offerLinks.x)];
      if (route.of === 'offer-link') return [signInToken, t.a.offers.x, linkToken(t.a.invoiceLinks.x), linkToken(t.b.invoiceLinks.y)];
      return [linkToken(t.a.invoiceLinks.x), linkToken(t.b.invoiceLinks.y), linkToken(t.a.offerLinks.x), t.a.invoices.x];
    };
    const csrf = csrfOf((await browser.page(`/portal/sign-in/${t.a.client.id}`)).html);
    for (const route of routes) {
      const spec = PORTAL_ROUTES[route] as PortalRoute;
      const [method = 'GET', template = ''] = route.split(' ');
      const variants = template.endsWith('/pdf') ? ['', '?download=1'] : [''];
      for (const id of foreignFor(spec)) {
        const absentId = spec.kind === 'signedIn' ? missingId(id) : missingToken(id);
        for (const query of variants) {
          const send = (value: string) =>
            browser.request(template.replace(/:\w+/, value) + query, method === 'POST' ? { form: { csrf, signatureName: 'Eve Evil', reason: 'spliced' } } : { method });
          const foreign = ofPortal(await send(id));
          const absent = ofPortal(await send(absentId));
          const where = `${method} ${template.replace(/:\w+/, id)}${query} as customer x of A`;
          assert.ok(foreign.status === 404 || (method === 'POST' && foreign.status === 410), `${where}: ${foreign.status}`);
          assert.deepEqual(comparable(foreign, [id]), comparable(absent, [absentId]), where);
          figures.portalPairs += 1;
        }
      }
      figures.portalRoutes += 1;
    }
    assert.equal((await browser.request('/portal/invoices')).status, 200, 'still signed in as herself');
    const after_ = await Promise.all([t.a, t.b, t.c].map(snapshot));
    assert.deepEqual(after_, before_, 'no invoice was marked viewed, nothing changed');
  });

  it('portal: another customer’s invoice link opens that one invoice for whoever holds it, and nothing more', async () => {
    // API.md: the emailed link is a capability for one invoice (a hosted invoice page). Held by customer x of A,
    // the links of y (same business) and of B's y show those invoices, and her session still reaches only hers.
    const { browser } = t.portal;
    for (const [link, number, id] of [[t.a.invoiceLinks.y, 'A-y', t.a.invoices.y], [t.b.invoiceLinks.y, 'B-y', t.b.invoices.y]] as const) {
      const page = await browser.page(link);
      assert.equal(page.status, 200);
      assert.match(page.html, new RegExp(`>Factuur ${number}<`));
      assert.equal((await browser.request(`/portal/invoices/${id}`)).status, 404, `${number} through her session`);
      assert.equal((await browser.request(`/portal/invoices/${id}/pdf?download=1`)).status, 404);
    }
    // The same for offer links: each opens its one offer, of whichever business.
    for (const [link, number] of [[t.a.offerLinks.y, 'A/offer-y'], [t.b.offerLinks.y, 'B/offer-y']] as const) {
      const page = await browser.page(link);
      assert.equal(page.status, 200);
      assert.match(page.html, new RegExp(`>Offerte ${number}<`));
    }
    const list = await browser.page('/portal/invoices');
    assert.deepEqual([...list.html.matchAll(/<a href="\/portal\/invoices\/(inv_\w+)">/g)].map((m) => m[1]), [t.a.invoices.x], 'her list is hers alone');
  });
});
