import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApiKey, listKeys, revokeKey } from '../../src/accounts/account.service.js';
import { generateApiKey, isWellFormedApiKey } from '../../src/accounts/api-key.js';
import { expectProblem } from '../helpers/problem.js';
import { accountClient, invoiceCount, samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { customerBody } from '../helpers/customers.js';

const CHALLENGE = 'Bearer realm="klantportaal"';

let server: TestServer;
let owner: TestAccount;
let customerId: string;
let doomedCustomerId: string;
let invoiceId: string;
let endpointId: string;
let doomedEndpointId: string;
let deliveryId: string;
let groupId: string;
let doomedGroupId: string;

interface Route {
  name: string;
  /** The request with this Authorization header (or none), and the status a valid key gets. */
  send(authorization: string | undefined): Promise<Response>;
  ok: number;
}

function invoiceForm(): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(validInvoice(customerId))) form.append(name, value);
  form.append('pdf', new Blob([samplePdf()], { type: 'application/pdf' }), 'invoice.pdf');
  return form;
}

const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Every /v1 route, with a request that would succeed with a valid key. */
function routes(): Route[] {
  const call = (pathname: string, init: RequestInit & { headers?: Record<string, string> } = {}) => (authorization: string | undefined) =>
    fetch(server.url + pathname, { ...init, headers: { ...init.headers, ...(authorization === undefined ? {} : { authorization }) } });
  const json = (method: string, pathname: string, body: unknown) =>
    call(pathname, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return [
    { name: 'GET /v1/account', send: call('/v1/account'), ok: 200 },
    { name: 'PATCH /v1/account', send: json('PATCH', '/v1/account', { kvkNumber: '12345678' }), ok: 200 },
    { name: 'PUT /v1/account/logo', send: call('/v1/account/logo', { method: 'PUT', body: TINY_PNG, headers: { 'content-type': 'image/png' } }), ok: 200 },
    { name: 'GET /v1/account/logo', send: call('/v1/account/logo'), ok: 200 },
    { name: 'DELETE /v1/account/logo', send: call('/v1/account/logo', { method: 'DELETE' }), ok: 204 },
    { name: 'POST /v1/customers', send: json('POST', '/v1/customers', customerBody('nieuw')), ok: 201 },
    { name: 'GET /v1/customers', send: call('/v1/customers'), ok: 200 },
    { name: 'GET /v1/customers/:id', send: call(`/v1/customers/${customerId}`), ok: 200 },
    { name: 'PATCH /v1/customers/:id', send: json('PATCH', `/v1/customers/${customerId}`, { companyName: 'Gewijzigd' }), ok: 200 },
    { name: 'DELETE /v1/customers/:id', send: call(`/v1/customers/${doomedCustomerId}`, { method: 'DELETE' }), ok: 204 },
    { name: 'POST /v1/customer-groups', send: json('POST', '/v1/customer-groups', { name: 'Nieuw', customers: [customerId] }), ok: 201 },
    { name: 'GET /v1/customer-groups', send: call('/v1/customer-groups'), ok: 200 },
    { name: 'GET /v1/customer-groups/:id', send: call(`/v1/customer-groups/${groupId}`), ok: 200 },
    { name: 'PATCH /v1/customer-groups/:id', send: json('PATCH', `/v1/customer-groups/${groupId}`, { name: 'Gewijzigd' }), ok: 200 },
    { name: 'POST /v1/customer-groups/:id/customers', send: json('POST', `/v1/customer-groups/${groupId}/customers`, { customers: [customerId] }), ok: 200 },
    { name: 'DELETE /v1/customer-groups/:id/customers/:customerId', send: call(`/v1/customer-groups/${doomedGroupId}/customers/${customerId}`, { method: 'DELETE' }), ok: 204 },
    { name: 'DELETE /v1/customer-groups/:id', send: call(`/v1/customer-groups/${doomedGroupId}`, { method: 'DELETE' }), ok: 204 },
    {
      name: 'POST /v1/customer-invoices',
      // A fresh form per request: a body can be sent once.
      send: (authorization) => call('/v1/customer-invoices', { method: 'POST', body: invoiceForm() })(authorization),
      ok: 201,
    },
    { name: 'GET /v1/customer-invoices/:id', send: call(`/v1/customer-invoices/${invoiceId}`), ok: 200 },
    { name: 'GET /v1/customer-invoices/:id/pdf', send: call(`/v1/customer-invoices/${invoiceId}/pdf`), ok: 200 },
    { name: 'POST /v1/webhooks', send: json('POST', '/v1/webhooks', { url: 'https://example.com/hook', type: 'invoice-paid' }), ok: 201 },
    { name: 'GET /v1/webhooks', send: call('/v1/webhooks'), ok: 200 },
    { name: 'GET /v1/webhooks/:id', send: call(`/v1/webhooks/${endpointId}`), ok: 200 },
    { name: 'DELETE /v1/webhooks/:id', send: call(`/v1/webhooks/${doomedEndpointId}`, { method: 'DELETE' }), ok: 204 },
    { name: 'GET /v1/webhooks/:id/deliveries', send: call(`/v1/webhooks/${endpointId}/deliveries`), ok: 200 },
    {
      name: 'POST /v1/webhooks/:id/deliveries/:deliveryId/redeliver',
      send: call(`/v1/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`, { method: 'POST' }),
      ok: 202,
    },
  ];
}

/** Authorization headers that must all be refused the same way; undefined is no header at all. */
async function badCredentials(): Promise<[string, string | undefined][]> {
  const valid = owner.apiKey;
  // A key with our shape whose checksum is wrong: the last character changed.
  const last = valid.at(-1) === 'A' ? 'B' : 'A';
  const wrongChecksum = valid.slice(0, -1) + last;
  assert.match(wrongChecksum, /^kp_live_[0-9A-Za-z]{46}$/);
  assert.equal(isWellFormedApiKey(wrongChecksum), false);
  const unknown = generateApiKey();
  assert.equal(isWellFormedApiKey(unknown), true);

  // A key that worked until it was revoked.
  const { key, apiKey: revoked } = await createApiKey(server.runtime.ctx.db, owner.id);
  assert.equal((await accountClient(server.url, owner.id, revoked).request('/v1/customers')).status, 200, 'the key works before revoking');
  await revokeKey(server.runtime.ctx.db, key.id);
  // Another business's test-mode key, revoked: test keys go through the same checks.
  const stranger = await server.account('Vreemde Test');
  const testKey = await createApiKey(server.runtime.ctx.db, stranger.id, { test: true });
  assert.equal((await accountClient(server.url, stranger.id, testKey.apiKey).request('/v1/customers')).status, 200, 'the test key works before revoking');
  await revokeKey(server.runtime.ctx.db, testKey.key.id);
  const secret = valid.slice('kp_live_'.length);

  return [
    ['an empty Authorization header', ''],
    ['a truncated key', `Bearer ${valid.slice(0, -8)}`],
    ['a wrong prefix (another product’s)', `Bearer sk_live_${secret}`],
    ['the live secret under the test prefix', `Bearer kp_test_${secret}`],
    ["another account's revoked test-mode key", `Bearer ${testKey.apiKey}`],
    ['a lower-case scheme with an unknown key', `bearer ${unknown}`],
    ['a space inside the key', `Bearer ${valid.slice(0, 20)} ${valid.slice(20)}`],
    ['a non-ASCII character in the key', `Bearer ${valid.slice(0, -1)}\u00e9`],
    ['a very long key (8,000 characters)', `Bearer kp_live_${'A'.repeat(8000)}`],
    ['no Authorization header', undefined],
    ['Basic credentials', `Basic ${Buffer.from('user:password').toString('base64')}`],
    ['Basic with the real key', `Basic ${Buffer.from(`${valid}:`).toString('base64')}`],
    ['Bearer with nothing', 'Bearer'],
    ['Bearer with spaces only', 'Bearer    '],
    ['a random string', 'Bearer 8f14e45fceea167a5a36dedd4bea2543'],
    ['the key without a scheme', valid],
    ['another scheme with the key', `Token ${valid}`],
    ['a well-shaped kp_live_ key with a wrong checksum', `Bearer ${wrongChecksum}`],
    ['a well-formed key that does not exist', `Bearer ${unknown}`],
    ['a revoked key', `Bearer ${revoked}`],
    ['the key with an extra character', `Bearer ${valid}x`],
    ['the key followed by more text', `Bearer ${valid} ${valid}`],
    ['the key in lower case', `Bearer ${valid.toLowerCase()}`],
  ];
}

before(async () => {
  server = await startTestServer();
  owner = await server.account('Bakkerij de Vries');
  customerId = (await owner.createCustomer({ primaryEmail: 'marker-klant@example.com' })).id;
  doomedCustomerId = (await owner.createCustomer()).id;
  const group = (customers: string[]) => owner.json('POST', '/v1/customer-groups', { name: 'Groep', customers }).then((r) => r.json() as Promise<{ id: string }>);
  groupId = (await group([])).id;
  doomedGroupId = (await group([customerId])).id;
  // Registered before the invoice, so the invoice's event gives the delivery log one entry (no worker sends it).
  const hook = (url: string) => owner.json('POST', '/v1/webhooks', { url, type: 'invoice-created' }).then((r) => r.json() as Promise<{ id: string }>);
  endpointId = (await hook('https://example.com/kept')).id;
  doomedEndpointId = (await hook('https://example.com/doomed')).id;
  const res = await owner.createInvoice(validInvoice(customerId));
  assert.equal(res.status, 201, await res.clone().text());
  invoiceId = ((await res.json()) as { id: string }).id;
  const log = (await (await owner.request(`/v1/webhooks/${endpointId}/deliveries`)).json()) as { data: { id: string }[] };
  deliveryId = log.data[0]?.id ?? '';
});

after(async () => {
  await server?.close();
});

describe('authentication on every /v1 route', () => {
  it('refuses every bad credential on every route with one identical 401, and changes nothing', async () => {
    const credentials = await badCredentials();
    const customersBefore = await owner.request('/v1/customers?per_page=250').then((r) => r.text());
    const invoicesBefore = await invoiceCount(server);

    let reference: Buffer | undefined;
    let answered = 0;
    for (const route of routes()) {
      for (const [label, authorization] of credentials) {
        const res = await route.send(authorization);
        const bytes = Buffer.from(await res.clone().arrayBuffer());
        await expectProblem(res, 401);
        assert.equal(res.headers.get('www-authenticate'), CHALLENGE, `${route.name} with ${label}`);
        reference ??= bytes;
        assert.deepEqual(bytes, reference, `${route.name} with ${label}: the 401 body differs`);
        answered += 1;
      }
    }
    assert.equal(answered, routes().length * credentials.length);

    assert.equal(await owner.request('/v1/customers?per_page=250').then((r) => r.text()), customersBefore, 'no customer created, changed or deleted');
    assert.equal(await invoiceCount(server), invoicesBefore, 'no invoice created');
  });

  it('takes the scheme in any case and spaces around the key (RFC 9110 §11.1: the scheme is case-insensitive)', async () => {
    for (const authorization of [`bearer ${owner.apiKey}`, `BEARER ${owner.apiKey}`, `Bearer   ${owner.apiKey}  `]) {
      const res = await fetch(`${server.url}/v1/customers`, { headers: { authorization } });
      assert.equal(res.status, 200, JSON.stringify(authorization));
      await res.arrayBuffer();
    }
  });

  it('reads `Authentication: Bearer` as MijnKlantportaal\'s guide writes it, when Authorization is absent; a bad one is the same 401', async () => {
    const ok = await fetch(`${server.url}/v1/customers`, { headers: { authentication: `Bearer ${owner.apiKey}` } });
    assert.equal(ok.status, 200);
    await ok.arrayBuffer();
    const bad = await fetch(`${server.url}/v1/customers`, { headers: { authentication: 'Bearer kp_live_nope' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers.get('www-authenticate'), 'Bearer realm="klantportaal"');
    await bad.arrayBuffer();
  });

  it('lets the valid key through on every route (the control for the test above)', async () => {
    for (const route of routes()) {
      const res = await route.send(`Bearer ${owner.apiKey}`);
      assert.equal(res.status, route.ok, `${route.name}: ${await res.clone().text()}`);
      await res.arrayBuffer();
    }
  });

  it('a revoked key stops working while the account\'s other keys keep working', async () => {
    const account = await server.account('Twee Sleutels');
    const { key, apiKey: second } = await createApiKey(server.runtime.ctx.db, account.id);
    const secondClient = accountClient(server.url, account.id, second);
    assert.equal((await secondClient.request('/v1/customers')).status, 200);

    await revokeKey(server.runtime.ctx.db, key.id);
    const keys = await listKeys(server.runtime.ctx.db, account.id);
    assert.deepEqual(keys.map((k) => k.revokedAt !== null), [false, true]);

    const res = await secondClient.request('/v1/customers');
    await expectProblem(res, 401);
    assert.equal(res.headers.get('www-authenticate'), CHALLENGE);
    assert.equal((await account.request('/v1/customers')).status, 200);
  });

  it('a key sees only its own account', async () => {
    const other = await server.account('Andere Zaak');
    const res = await other.request('/v1/customers');
    const page = (await res.json()) as { data: unknown[] };
    assert.equal(res.status, 200);
    assert.equal(page.data.length, 0);
    await expectProblem(await other.request(`/v1/customers/${customerId}`), 404);
    await expectProblem(await other.request(`/v1/customer-invoices/${invoiceId}`), 404);
    await expectProblem(await other.request(`/v1/customer-invoices/${invoiceId}/pdf`), 404);
    await expectProblem(await other.request(`/v1/webhooks/${endpointId}`), 404);
    await expectProblem(await other.request(`/v1/webhooks/${endpointId}/deliveries`), 404);
    await expectProblem(await other.request(`/v1/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`, { method: 'POST' }), 404);
  });
});

/** What the database holds: the SQLite files as bytes (free pages included), or every row of every table on PostgreSQL. */
async function databaseBytes(server: TestServer): Promise<Buffer> {
  if (server.config.database.kind === 'postgres') {
    const tables = ['accounts', 'api_keys', 'customers', 'customer_invoices', 'idempotency_keys'];
    const rows = await Promise.all(tables.map((table) => sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(table)} t`.execute(server.runtime.ctx.db)));
    return Buffer.from(rows.flatMap((result) => result.rows.map((r) => r.row)).join('\n'));
  }
  const files = (await fs.readdir(server.dataDir)).filter((name) => /^klantportaal\.sqlite(-wal|-shm)?$/.test(name));
  assert.ok(files.includes('klantportaal.sqlite'), `database file missing among ${files.join(', ')}`);
  return Buffer.concat(await Promise.all(files.map((name) => fs.readFile(path.join(server.dataDir, name)))));
}

describe('API keys at rest', () => {
  it('the raw key appears 0 times in the database (the SQLite files byte for byte; every PostgreSQL row)', async () => {
    const more = [await server.account('Nog Een'), await server.account('En Nog Een', 'America/New_York')];
    for (const account of more) {
      await account.createCustomer({ primaryEmail: `marker-${account.id}@example.com` });
      assert.equal((await account.request('/v1/customers')).status, 200);
    }
    const { apiKey: extra } = await createApiKey(server.runtime.ctx.db, owner.id);
    assert.equal((await accountClient(server.url, owner.id, extra).request('/v1/customers')).status, 200);

    const bytes = await databaseBytes(server);
    // The files really hold what was written (so a 0 below means something).
    assert.ok(bytes.includes('marker-klant@example.com'), 'customer data not found in the database files');
    for (const account of more) assert.ok(bytes.includes(`marker-${account.id}@example.com`));

    for (const key of [owner.apiKey, extra, ...more.map((a) => a.apiKey)]) {
      const secret = key.slice('kp_live_'.length);
      assert.equal(bytes.indexOf(key), -1, 'raw key stored');
      assert.equal(bytes.indexOf(secret), -1, 'key secret stored');
      assert.equal(bytes.indexOf(secret.slice(-24)), -1, 'tail of the key secret stored');
    }
  });
});

describe('X-Request-Id', () => {
  it('is on every response, unique per request', async () => {
    const responses = [
      await fetch(`${server.url}/healthz`),
      await owner.request('/v1/customers'),
      await owner.json('POST', '/v1/customers', customerBody('id')),
      await owner.json('POST', '/v1/customers', { companyName: '' }),
      await owner.request(`/v1/customer-invoices/${invoiceId}/pdf`),
      await owner.request('/v1/customers/cst_aaaaaaaaaaaaaaaaaaaa'),
      await owner.request('/v1/nothing-here'),
      await fetch(`${server.url}/v1/customers`),
      await fetch(`${server.url}/v1/customers`, { method: 'PUT' }),
    ];
    const ids = responses.map((res) => res.headers.get('x-request-id'));
    for (const [i, id] of ids.entries()) assert.match(id ?? '', /^req_[0-9a-z]+$/, `response ${i} (${responses[i]?.status})`);
    assert.equal(new Set(ids).size, ids.length);
    await Promise.all(responses.map((res) => res.arrayBuffer()));
  });

  it('echoes a sane incoming X-Request-Id, on success and on a 401', async () => {
    const given = 'client-7f3a.B_9:retry-2';
    const ok = await owner.request('/v1/customers', { headers: { 'x-request-id': given } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('x-request-id'), given);
    const refused = await fetch(`${server.url}/v1/customers`, { headers: { 'x-request-id': given } });
    await expectProblem(refused, 401);
    assert.equal(refused.headers.get('x-request-id'), given);
  });

  for (const [label, given] of [
    ['with spaces', 'two words'],
    ['too long', 'x'.repeat(129)],
    ['with markup', '<script>alert(1)</script>'],
    ['with a quote', 'abc"def'],
  ] as const) {
    it(`replaces an incoming X-Request-Id ${label} with its own`, async () => {
      const res = await owner.request('/v1/customers', { headers: { 'x-request-id': given } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('x-request-id') ?? '', /^req_[0-9a-z]+$/);
      await res.arrayBuffer();
    });
  }

  it(
    'is on router-level errors too, as problem+json (over-long id, broken percent-encoding)',
    async () => {
      // An id that long cannot exist (404); 414 would do too. Either way: a problem with X-Request-Id.
      const long = await owner.request(`/v1/customers/${'c'.repeat(101)}`);
      assert.ok([404, 414].includes(long.status), String(long.status));
      await expectProblem(long, long.status);
      await expectProblem(await owner.request('/v1/customers/%E0%A4%A'), 400);
    },
  );
});
