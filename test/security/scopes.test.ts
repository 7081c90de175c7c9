import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { OpenAPIV3_1 } from 'openapi-types';
import { sql } from 'kysely';
import { AccountInputError, createApiKey, listKeys, revokeKey } from '../../src/accounts/account.service.js';
import { displayPrefix, generateApiKey, hashApiKey } from '../../src/accounts/api-key.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { requireApiKey, RouteWithoutScopeError } from '../../src/http/auth.js';
import { SCOPES, type Scope } from '../../src/http/scopes.js';
import { runCli } from '../helpers/cli.js';
import { customerBody } from '../helpers/customers.js';
import { expectProblem } from '../helpers/problem.js';
import { accountClient, createTestData, invoiceCount, samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

/**
 * Scopes (API.md "Conventions"): every /v1 route names the scope it needs, and a key without it gets 403
 * problem+json naming it. The matrix comes from the app's own route list, so a new route joins it by itself, and
 * one that names no scope fails the first test by name (the app would not even build; see the last suite).
 */

const INSUFFICIENT = 'https://klantportaal.dev/problems/insufficient-scope';

let server: TestServer;
let owner: TestAccount;
let doc: OpenAPIV3_1.Document;
const keys = new Map<string, string>();

interface ApiRoute {
  method: string;
  url: string;
  scope: string | undefined;
}

/** Every /v1 route with a scope, from the app's own list (HEAD excluded: it answers like its GET). */
function apiRoutes(): ApiRoute[] {
  return server.routes
    .filter((r) => r.url.startsWith('/v1/') && r.scope !== undefined && r.method !== 'HEAD')
    .map((r) => ({ method: r.method, url: r.url, scope: r.scope }));
}

/** The /v1 routes without a scope, but for this document (a download link that needs no key may be one). */
function unscopedRoutes(): ApiRoute[] {
  return server.routes
    .filter((r) => r.url.startsWith('/v1/') && r.url !== '/v1/openapi.json' && r.scope === undefined && r.method !== 'HEAD')
    .map((r) => ({ method: r.method, url: r.url, scope: undefined }));
}

/** A key of the owner's account with exactly these scopes (made once per set). */
async function keyWith(scopes: readonly Scope[]): Promise<TestAccount> {
  const label = scopes.join(' ');
  let apiKey = keys.get(label);
  if (!apiKey) {
    apiKey = (await createApiKey(server.runtime.ctx.db, owner.id, { scopes })).apiKey;
    keys.set(label, apiKey);
  }
  return accountClient(server.url, owner.id, apiKey);
}

/**
 * The route called with ids that do not exist (the scope is decided before any id is looked at) and an empty JSON
 * body: enough for a key with the scope to get past the check (a 200, 404, 415 or 422), and for one without it
 * to be refused.
 */
function call(client: TestAccount, route: ApiRoute, init: { headers?: Record<string, string> } = {}): Promise<Response> {
  const pathname = route.url.replace(/:(\w+)/g, (_m, name: string) => `${name.slice(0, 3)}_doesnotexist00`);
  const hasBody = route.method === 'POST' || route.method === 'PATCH';
  return client.request(pathname, {
    method: route.method,
    ...(hasBody ? { body: '{}', headers: { 'content-type': 'application/json', ...init.headers } } : { headers: init.headers ?? {} }),
  });
}

async function expectScopeProblem(res: Response, scope: string, label: string): Promise<void> {
  const problem = await expectProblem(res, 403);
  assert.equal(problem.type, INSUFFICIENT, label);
  assert.equal(problem.title, 'Insufficient scope', label);
  assert.ok(problem.detail.includes(`"${scope}"`), `${label}: the detail names ${scope}: ${problem.detail}`);
  assert.equal(res.headers.get('www-authenticate'), `Bearer realm="klantportaal", error="insufficient_scope", scope="${scope}"`, label);
}

before(async () => {
  server = await startTestServer();
  owner = await server.account('Bakkerij Scopes');
  doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as OpenAPIV3_1.Document;
});

after(async () => {
  await server?.close();
});

describe('every /v1 route × scopes', () => {
  it('every route behind the API key names a known scope, and the OpenAPI document says the same', async () => {
    const routes = apiRoutes();
    assert.ok(routes.length >= 14, `only ${routes.length} API routes found`);
    const unknown = routes.filter((r) => !(SCOPES as readonly string[]).includes(r.scope ?? '')).map((r) => `${r.method} ${r.url} (${r.scope})`);
    assert.deepEqual(unknown, [], `routes with an unknown scope: ${unknown.join(', ')}`);
    // A /v1 route without a scope must not be behind the API key: one that asks for a key (401 without one) fails
    // here by name. (The app refuses to build with such a route, so this is the second net.)
    const anonymous = accountClient(server.url, owner.id, '');
    const missing: string[] = [];
    for (const route of unscopedRoutes()) {
      const res = await call(anonymous, route);
      await res.arrayBuffer();
      if (res.status === 401) missing.push(`${route.method} ${route.url}`);
    }
    assert.deepEqual(missing, [], `routes behind the API key without a scope: ${missing.join(', ')}`);
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const op = doc.paths?.[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase() as 'get'] as (OpenAPIV3_1.OperationObject & { 'x-scope'?: string }) | undefined;
      assert.ok(op, `${name} is in the document`);
      assert.equal(op['x-scope'], route.scope, `${name} x-scope`);
      assert.deepEqual(op.security, [{ apiKey: [route.scope] }], `${name} security`);
      assert.ok(op.responses?.['403'], `${name} documents 403`);
    }
    // The HEAD twin of each GET carries its scope too (it is checked the same way).
    for (const head of server.routes.filter((r) => r.method === 'HEAD' && r.url.startsWith('/v1/') && r.url !== '/v1/openapi.json')) {
      const get = server.routes.find((r) => r.method === 'GET' && r.url === head.url);
      assert.equal(head.scope, get?.scope, `HEAD ${head.url}`);
    }
  });

  it('the published names: GET → .read, POST/PATCH/DELETE → .write, on the existing routes', () => {
    for (const route of apiRoutes()) {
      const name = `${route.method} ${route.url}`;
      assert.match(route.scope ?? '', route.method === 'GET' ? /\.read$/ : /\.write$/, name);
      if (route.url.startsWith('/v1/customers')) assert.match(route.scope ?? '', /^customers\./, name);
      if (route.url.startsWith('/v1/customer-invoices')) assert.match(route.scope ?? '', /^invoices\./, name);
      if (route.url.startsWith('/v1/customer-offers')) assert.match(route.scope ?? '', /^offers\./, name);
      if (route.url.startsWith('/v1/webhook')) assert.match(route.scope ?? '', /^webhooks\./, name);
    }
  });

  it('a key with every scope but the route’s own gets 403 naming it; a key with only that scope gets past', async () => {
    let checked = 0;
    for (const route of apiRoutes()) {
      const scope = route.scope as Scope;
      const name = `${route.method} ${route.url}`;
      const without = await keyWith(SCOPES.filter((s) => s !== scope));
      await expectScopeProblem(await call(without, route), scope, `${name} without ${scope}`);

      const only = await keyWith([scope]);
      const res = await call(only, route);
      const text = await res.text();
      assert.ok(![401, 403].includes(res.status), `${name} with only ${scope}: ${res.status} ${text}`);
      checked += 1;
    }
    assert.equal(checked, apiRoutes().length);
  });

  it('a key with no matching scope at all changes nothing, and a route is refused before its body is read', async () => {
    const reader = await keyWith(['customers.read']);
    const customer = await owner.createCustomer();
    const before = await invoiceCount(server);
    const pdfsBefore = await fs.readdir(path.join(server.dataDir, 'pdfs')).catch(() => []);

    // A real multipart upload (1 MiB PDF) is refused without being staged.
    const form = new FormData();
    for (const [field, value] of Object.entries(validInvoice(customer.id))) form.append(field, value);
    form.append('pdf', new Blob([samplePdf(undefined, 1024 * 1024)], { type: 'application/pdf' }), 'invoice.pdf');
    await expectScopeProblem(await reader.request('/v1/customer-invoices', { method: 'POST', body: form }), 'invoices.write', 'multipart create');
    assert.equal(await invoiceCount(server), before);
    assert.deepEqual(await fs.readdir(path.join(server.dataDir, 'pdfs')).catch(() => []), pdfsBefore, 'nothing staged in the PDF directory');
    // The offer upload the same way, even for a key that may read offers.
    const offerForm = new FormData();
    for (const [field, value] of Object.entries({ customerId: customer.id, offerNumber: 'S-1', issuedAt: '2024-04-30', expiresAt: '2024-05-30', amount: '1.00' })) offerForm.append(field, value);
    offerForm.append('pdf', new Blob([samplePdf(undefined, 1024 * 1024)], { type: 'application/pdf' }), 'offer.pdf');
    const offerReader = await keyWith(['offers.read']);
    await expectScopeProblem(await offerReader.request('/v1/customer-offers', { method: 'POST', body: offerForm }), 'offers.write', 'multipart offer create');
    assert.deepEqual(((await (await offerReader.request('/v1/customer-offers')).json()) as { data: unknown[] }).data, [], 'no offer made');
    assert.deepEqual(await fs.readdir(path.join(server.dataDir, 'pdfs')).catch(() => []), pdfsBefore, 'nothing staged for the offer either');

    // What the body would be refused for (415, 400) is never reached: the scope comes first.
    await expectScopeProblem(await reader.request('/v1/customer-invoices', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 'invoices.write', 'text/plain create');
    await expectScopeProblem(await reader.request('/v1/customers', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }), 'customers.write', 'broken JSON');
    await expectScopeProblem(await reader.request(`/v1/customers/${customer.id}`, { method: 'DELETE' }), 'customers.write', 'delete');
    assert.equal((await owner.request(`/v1/customers/${customer.id}`)).status, 200, 'the customer is still there');
  });

  it('a 403 is not remembered under its Idempotency-Key: the same key then works for a key with the scope', async () => {
    const reader = await keyWith(['customers.read']);
    const idempotencyKey = `scope-${Math.random().toString(36).slice(2)}`;
    const body = JSON.stringify(customerBody('idem'));
    const headers = { 'content-type': 'application/json', 'idempotency-key': idempotencyKey };
    await expectScopeProblem(await reader.request('/v1/customers', { method: 'POST', body, headers }), 'customers.write', 'create with a key');
    const res = await owner.request('/v1/customers', { method: 'POST', body, headers });
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(res.headers.get('idempotent-replayed'), null);
    await res.arrayBuffer();
  });
});

describe('keys and their scopes', () => {
  it('a revoked key is 401, never 403, in and out of its scopes', async () => {
    const { key, apiKey } = await createApiKey(server.runtime.ctx.db, owner.id, { scopes: ['customers.read'] });
    const client = accountClient(server.url, owner.id, apiKey);
    assert.equal((await client.request('/v1/customers')).status, 200);
    await expectProblem(await client.request('/v1/customer-invoices'), 403);
    await revokeKey(server.runtime.ctx.db, key.id);
    for (const pathname of ['/v1/customers', '/v1/customer-invoices', '/v1/webhooks']) {
      const res = await client.request(pathname);
      await expectProblem(res, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="klantportaal"');
    }
  });

  it('no key is 401, not 403, whatever the route and the body', async () => {
    const res = await fetch(`${server.url}/v1/customer-invoices`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    await expectProblem(res, 401);
  });

  it('test-mode keys carry scopes too, and see only test data', async () => {
    const live = await server.account('Scopes Live');
    const created = await createApiKey(server.runtime.ctx.db, live.id, { test: true, scopes: ['customers.read', 'customers.write'] });
    assert.match(created.apiKey, /^kp_test_/);
    assert.deepEqual(created.key.scopes, ['customers.read', 'customers.write']);
    const test = accountClient(server.url, created.testAccountId ?? '', created.apiKey);
    assert.equal((await test.json('POST', '/v1/customers', customerBody('testklant'))).status, 201);
    assert.equal((await test.request('/v1/customers')).status, 200);
    await expectScopeProblem(await test.request('/v1/customer-invoices'), 'invoices.read', 'test key');
    await expectScopeProblem(await test.json('POST', '/v1/webhooks', {}), 'webhooks.write', 'test key');
    const listed = (await listKeys(server.runtime.ctx.db, live.id)).find((k) => k.id === created.key.id);
    assert.deepEqual(listed?.scopes, ['customers.read', 'customers.write']);
  });

  it('keys made without scopes (accounts create, api-keys create) have every scope', async () => {
    const account = await server.account('Alles');
    const [first] = await listKeys(server.runtime.ctx.db, account.id);
    assert.deepEqual(first?.scopes, [...SCOPES]);
    const { key } = await createApiKey(server.runtime.ctx.db, account.id);
    assert.deepEqual(key.scopes, [...SCOPES]);
    // No scopes, or a name that is not one, is refused rather than stored.
    await assert.rejects(createApiKey(server.runtime.ctx.db, account.id, { scopes: [] }), AccountInputError);
    await assert.rejects(createApiKey(server.runtime.ctx.db, account.id, { scopes: ['customer.read' as Scope] }), /unknown scope "customer\.read"/);
    assert.equal((await listKeys(server.runtime.ctx.db, account.id)).length, 2);
  });
});

describe('migration 0013-api-key-scopes', () => {
  it('gives keys made before scopes every scope: nothing changes for them', async () => {
    const data = await createTestData('kp-scopes-migration-');
    const database = openDatabase(loadConfig({ ...data.env, LOG_LEVEL: 'silent' }).database);
    const apiKey = generateApiKey();
    try {
      // The database as the version before scopes left it, with an account and its key.
      await migrateTo(database, '0009-mail-caps');
      const at = new Date().toISOString();
      await sql`insert into accounts (id, name, time_zone, created_at, mode) values ('acc_oldoldoldold01', 'Oud', 'Europe/Amsterdam', ${at}, 'live')`.execute(database.db);
      await sql`insert into api_keys (id, account_id, display_prefix, secret_hash, created_at) values ('key_oldoldoldold01', 'acc_oldoldoldold01', ${displayPrefix(apiKey)}, ${hashApiKey(apiKey)}, ${at})`.execute(database.db);
      assert.ok((await migrateToLatest(database)).includes('0013-api-key-scopes'));
    } finally {
      await database.close();
    }
    const old = await startTestServer({ ...data.env });
    try {
      assert.deepEqual((await listKeys(old.runtime.ctx.db, 'acc_oldoldoldold01'))[0]?.scopes, [...SCOPES]);
      const client = accountClient(old.url, 'acc_oldoldoldold01', apiKey);
      assert.equal((await client.request('/v1/customers')).status, 200);
      assert.equal((await client.json('POST', '/v1/customers', {})).status, 422, 'past the scope check to validation');
      assert.equal((await client.request('/v1/webhooks')).status, 200);
      assert.equal((await client.request('/v1/customer-invoices')).status, 200);
    } finally {
      await old.close();
      await data.cleanup();
    }
  });
});

describe('CLI: api-keys create --scopes, api-keys list', () => {
  it('creates a key with the given scopes, lists them (human and --json), and the key is held to them', async () => {
    const account = await server.account('CLI Scopes');
    const env = { ...server.dataEnv, LOG_LEVEL: 'silent' };
    const made = await runCli(['api-keys', 'create', '--account', account.id, '--scopes', 'invoices.read,customers.read', '--json'], env);
    assert.equal(made.code, 0, made.stderr);
    const { key, apiKey } = JSON.parse(made.stdout) as { key: { id: string; scopes: string[] }; apiKey: string };
    assert.deepEqual(key.scopes, ['customers.read', 'invoices.read']);
    const client = accountClient(server.url, account.id, apiKey);
    assert.equal((await client.request('/v1/customers')).status, 200);
    assert.equal((await client.request('/v1/customer-invoices')).status, 200);
    await expectScopeProblem(await client.json('POST', '/v1/customers', customerBody('x')), 'customers.write', 'CLI key');

    const listed = await runCli(['api-keys', 'list', '--account', account.id, '--json'], env);
    assert.equal(listed.code, 0, listed.stderr);
    const { data } = JSON.parse(listed.stdout) as { data: { id: string; scopes: string[] }[] };
    assert.deepEqual(data.find((k) => k.id === key.id)?.scopes, ['customers.read', 'invoices.read']);
    assert.deepEqual(data.find((k) => k.id !== key.id)?.scopes, [...SCOPES], 'the account’s first key has every scope');

    const human = await runCli(['api-keys', 'list', '--account', account.id], env);
    assert.equal(human.code, 0, human.stderr);
    const line = human.stdout.split('\n').find((l) => l.startsWith(key.id));
    assert.match(line ?? '', /scopes: customers\.read invoices\.read$/);
    assert.match(human.stdout, /scopes: all$/m);

    const all = await runCli(['api-keys', 'create', '--account', account.id, '--test', '--json'], env);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual((JSON.parse(all.stdout) as { key: { scopes: string[] } }).key.scopes, [...SCOPES], 'default: every scope');
  });

  it('an unknown scope is a usage error that names it and lists the valid ones; nothing is created', async () => {
    const account = await server.account('CLI Fout');
    const env = { ...server.dataEnv, LOG_LEVEL: 'silent' };
    const before = (await listKeys(server.runtime.ctx.db, account.id)).length;
    const run = await runCli(['api-keys', 'create', '--account', account.id, '--scopes', 'customers.read,invoice.write,customer.write'], env);
    assert.equal(run.code, 64, run.stderr);
    const first = run.stderr.split('\n')[0] ?? '';
    assert.match(first, /^klantportaal: --scopes: unknown scopes "invoice\.write", "customer\.write"; valid scopes: /);
    for (const scope of SCOPES) assert.ok(first.includes(scope), `lists ${scope}`);
    assert.equal(run.stdout, '');
    const empty = await runCli(['api-keys', 'create', '--account', account.id, '--scopes', ''], env);
    assert.equal(empty.code, 64, empty.stderr);
    assert.match(empty.stderr, /^klantportaal: --scopes: no scope given; valid scopes: /);
    assert.equal((await listKeys(server.runtime.ctx.db, account.id)).length, before);
  });
});

describe('a route behind the API key without a scope', () => {
  it('stops the app from building, naming the route (no route is ever reachable unscoped)', async () => {
    const app = Fastify();
    await assert.rejects(
      async () => {
        await app
          .register(async (v1) => {
            requireApiKey(v1, server.runtime.ctx.db);
            v1.get('/v1/scoped', { config: { scope: 'customers.read' } }, async () => ({}));
            v1.post('/v1/unscoped', async () => ({}));
          })
          .ready();
      },
      (error: Error) => error instanceof RouteWithoutScopeError && /POST \/v1\/unscoped/.test(error.message) && /no scope/.test(error.message),
    );
    await app.close();
  });

  it('an unknown scope name is refused the same way; routes outside the API key need none', async () => {
    const app = Fastify();
    app.get('/healthz-like', async () => ({}));
    await assert.rejects(
      async () => {
        await app
          .register(async (v1) => {
            requireApiKey(v1, server.runtime.ctx.db);
            v1.get('/v1/typo', { config: { scope: 'customer.read' as Scope } }, async () => ({}));
          })
          .ready();
      },
      /GET(,HEAD)? \/v1\/typo .*unknown scope "customer\.read"/,
    );
    await app.close();
  });
});
