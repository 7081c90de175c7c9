import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECT } from '../helpers/database.js';
import { demoAccount, startServeProcess, type ServeProcess } from '../helpers/process.js';
import { accountClient, createTestData, startTestServer, validInvoice, type TestData, type TestServer } from '../helpers/server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a fresh window, so a test's requests all fall in one (windows are aligned to the epoch). */
async function windowStart(seconds: number, needMs: number): Promise<void> {
  const into = Date.now() % (seconds * 1000);
  if (seconds * 1000 - into < needMs) await sleep(seconds * 1000 - into + 20);
}

// RELIABILITY.md S7 and OWASP API4: requests per API key, with 429 + Retry-After and the draft RateLimit headers.
describe('rate limit per API key', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_WINDOW_SECONDS: '5' });
  });
  after(() => server.close());

  it('request N+1 of a window gets 429 with Retry-After; other keys are unaffected; after the wait it passes', async () => {
    const a = await server.account('A');
    const b = await server.account('B');
    await windowStart(5, 3000);
    for (let i = 0; i < 3; i++) {
      const res = await a.request('/v1/customers');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('ratelimit-policy'), '"api-key";q=3;w=5');
      assert.match(res.headers.get('ratelimit') ?? '', new RegExp(`^"api-key";r=${2 - i};t=[1-5]$`));
    }
    const limited = await a.request('/v1/customer-invoices', { method: 'POST', body: new FormData() });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 5, `Retry-After ${wait}`);
    assert.match(limited.headers.get('ratelimit') ?? '', /^"api-key";r=0;t=\d$/);
    assert.equal(((await limited.json()) as { status: number }).status, 429);
    assert.equal((await b.request('/v1/customers')).status, 200, 'another key has its own budget');
    await sleep(wait * 1000);
    assert.equal((await a.request('/v1/customers')).status, 200);
  });

  it('download links are not counted against the key that asked for them (the link is the credential)', async () => {
    const a = await server.account('Downloads');
    await windowStart(5, 3000);
    const customer = await a.createCustomer();
    const invoice = await a.createInvoice(validInvoice(customer.id));
    assert.equal(invoice.status, 201);
    const pdf = await a.request(`/v1/customer-invoices/${((await invoice.json()) as { id: string }).id}/pdf`);
    assert.equal(pdf.status, 200, 'the third request of the window');
    const { link } = (await pdf.json()) as { link: string };
    for (let i = 0; i < 5; i++) {
      const res = await fetch(link);
      assert.equal(res.status, 200, `download ${i + 1}`);
      assert.equal(res.headers.get('ratelimit'), null);
      await res.arrayBuffer();
    }
    assert.equal((await a.request('/v1/customers')).status, 429, 'the key’s own budget is spent as before');
  });

  it('unauthenticated requests are answered 401 without touching any key’s budget', async () => {
    const res = await fetch(`${server.url}/v1/customers`, { headers: { authorization: 'Bearer kp_live_nope' } });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('ratelimit'), null);
  });

  it('429 is documented, with its headers, on every /v1 operation', async () => {
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { headers?: object }> }>>;
    };
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith('/v1/') || path === '/v1/openapi.json') continue;
      for (const operation of Object.values(item)) {
        // No key, no per-key budget: the download link (security []) documents neither 429 nor the RateLimit headers.
        if (operation.security?.length === 0) {
          assert.equal(operation.responses['429'], undefined, `${path}: needs no key, so no per-key 429`);
          continue;
        }
        operations += 1;
        assert.ok(operation.responses['429'], `${path}: no 429`);
        assert.ok(Object.keys(operation.responses['429']?.headers ?? {}).includes('Retry-After'), `${path}: 429 without Retry-After`);
      }
    }
    assert.ok(operations >= 9);
  });
});

// Several processes share the count only through the database: PostgreSQL (SQLite runs one process per DATA_DIR).
describe('rate limit across two serve processes', { skip: TEST_DIALECT === 'postgres' ? false : 'one serve process per DATA_DIR on SQLite' }, () => {
  let data: TestData;
  let servers: ServeProcess[] = [];
  before(async () => {
    data = await createTestData('kp-ratelimit-');
    const env = { ...data.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_WINDOW_SECONDS: '10' };
    servers = [await startServeProcess(env)];
    servers.push(await startServeProcess(env));
  });
  after(async () => {
    for (const server of servers) await server.stop();
    await data?.cleanup();
  });

  it('the limit holds for the sum of both: 8 requests alternating between them, exactly 2 are 429', async () => {
    const { apiKey } = await demoAccount(servers[0] as ServeProcess);
    const clients = servers.map((s) => accountClient(s.url, '', apiKey));
    await windowStart(10, 6000);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await clients[i % 2]!.request('/v1/customers')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
  });
});
