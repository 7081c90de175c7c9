import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { purgeExpiredKeys } from '../../src/http/idempotency.js';
import { createTestDatabase } from '../helpers/database.js';
import { report, size } from '../helpers/hostile.js';
import { expectProblem } from '../helpers/problem.js';
import { accountClient, invoiceCount, samplePdf, startTestServer, tempDir, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { customerBody } from '../helpers/customers.js';

const rounds = size('IDEMPOTENCY_ROUNDS', 10, 100);

interface Created {
  id: string;
}

function withKey(account: TestAccount, key: string) {
  return {
    invoice(fields: Record<string, string>, pdf: Uint8Array) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'invoice.pdf');
      return account.request('/v1/customer-invoices', { method: 'POST', body: form, headers: { 'idempotency-key': key } });
    },
    customer(body: unknown) {
      return account.request('/v1/customers', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'idempotency-key': key } });
    },
  };
}

async function snapshot(res: Response) {
  return { status: res.status, location: res.headers.get('location'), body: await res.text(), replayed: res.headers.get('idempotent-replayed') };
}

let keys = 0;
const freshKey = () => `key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;

describe('Idempotency-Key on POST /v1/customer-invoices', () => {
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  let customerId: string;

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Slagerij Jansen');
    customerId = (await shop.createCustomer()).id;
  });
  after(() => server.close());

  it('replays the first response (status, body, Location) with Idempotent-Replayed and creates nothing more', async () => {
    const key = freshKey();
    const fields = validInvoice(customerId, { paidAt: '2024-05-11 12:59:00', sendNotification: 'false' });
    const pdf = samplePdf();
    const count = await invoiceCount(server);
    const first = await snapshot(await withKey(shop, key).invoice(fields, pdf));
    assert.equal(first.status, 201);
    assert.equal(first.replayed, null);
    // A new multipart body (another boundary) with the same fields and bytes is the same request.
    const second = await snapshot(await withKey(shop, key).invoice({ ...fields }, new Uint8Array(pdf)));
    assert.deepEqual({ ...second, replayed: null }, first);
    assert.equal(second.replayed, 'true');
    assert.equal(await invoiceCount(server), count + 1);
  });

  it('answers 422 when any single field or one PDF byte differs under the same key, and stores nothing', async () => {
    const key = freshKey();
    const fields = validInvoice(customerId, { paidAt: '2024-05-11 12:59:00', sendNotification: 'false' });
    const pdf = samplePdf();
    assert.equal((await withKey(shop, key).invoice(fields, pdf)).status, 201);
    const count = await invoiceCount(server);
    const variants: Array<[string, Record<string, string>, Uint8Array]> = [
      ['invoiceNumber', { ...fields, invoiceNumber: `${fields.invoiceNumber}x` }, pdf],
      ['issuedAt', { ...fields, issuedAt: '2024-04-29' }, pdf],
      ['amount', { ...fields, amount: '12.96' }, pdf],
      ['paidAt', { ...fields, paidAt: '2024-05-11 12:59:01' }, pdf],
      ['sendNotification', { ...fields, sendNotification: 'true' }, pdf],
      ['customerId', { ...fields, customerId: (await shop.createCustomer()).id }, pdf],
      ['currency', { ...fields, currency: 'EUR' }, pdf],
    ];
    const flipped = new Uint8Array(pdf);
    flipped[pdf.length - 1] = (flipped[pdf.length - 1] ?? 0) ^ 1;
    variants.push(['one PDF byte', fields, flipped]);
    for (const [what, changed, bytes] of variants) {
      const problem = await expectProblem(await withKey(shop, key).invoice(changed, bytes), 422, ['Idempotency-Key']);
      assert.match(problem.detail, /different request/, what);
    }
    assert.equal(await invoiceCount(server), count);
  });

  it('does not remember a request that failed validation: the key stays usable', async () => {
    const key = freshKey();
    await expectProblem(await withKey(shop, key).invoice(validInvoice(customerId, { amount: '12,95' }), samplePdf()), 422, ['amount']);
    const res = await withKey(shop, key).invoice(validInvoice(customerId), samplePdf());
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('idempotent-replayed'), null);
  });

  // RELIABILITY.md I3: 50 × 100 rounds at the gate (npm run test:hostile), 10 rounds in npm test.
  it(`50 identical parallel requests × ${rounds} rounds create exactly one invoice each; every answer is that 201 or a 409`, async () => {
    const before = await invoiceCount(server);
    for (let round = 0; round < rounds; round++) {
      const key = freshKey();
      const fields = validInvoice(customerId);
      const pdf = samplePdf();
      const count = await invoiceCount(server);
      const answers = await Promise.all(Array.from({ length: 50 }, () => withKey(shop, key).invoice(fields, pdf).then(snapshot)));
      const created = answers.filter((a) => a.status === 201);
      assert.ok(created.length >= 1);
      assert.equal(new Set(created.map((a) => (JSON.parse(a.body) as Created).id)).size, 1);
      for (const a of answers.filter((x) => x.status !== 201)) assert.equal(a.status, 409, a.body);
      assert.equal(await invoiceCount(server), count + 1);
    }
    assert.equal(await invoiceCount(server), before + rounds);
    report('idempotency-parallel', { rounds, requests: rounds * 50, rows: (await invoiceCount(server)) - before });
  });

  it('scopes keys to the account: two accounts using one key get two invoices', async () => {
    const key = freshKey();
    const theirs = (await other.createCustomer()).id;
    const a = await withKey(shop, key).invoice(validInvoice(customerId, { invoiceNumber: 'SHARED-KEY' }), samplePdf('same'));
    const b = await withKey(other, key).invoice(validInvoice(theirs, { invoiceNumber: 'SHARED-KEY' }), samplePdf('same'));
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.notEqual(((await a.json()) as Created).id, ((await b.json()) as Created).id);
  });

  it('accepts keys of 1 to 255 printable characters; longer, empty or control characters are 400', async () => {
    assert.equal((await withKey(shop, 'k'.repeat(255)).invoice(validInvoice(customerId), samplePdf())).status, 201);
    const count = await invoiceCount(server);
    await expectProblem(await withKey(shop, 'k'.repeat(256)).invoice(validInvoice(customerId), samplePdf()), 400, ['Idempotency-Key']);
    await expectProblem(await withKey(shop, '').invoice(validInvoice(customerId), samplePdf()), 400, ['Idempotency-Key']);
    await expectProblem(await withKey(shop, 'tab\there').invoice(validInvoice(customerId), samplePdf()), 400, ['Idempotency-Key']);
    assert.equal(await invoiceCount(server), count);
  });

  it('answers 409 with Retry-After while another process holds the key, and takes over a claim whose holder died', async () => {
    const key = freshKey();
    const fields = validInvoice(customerId);
    const pdf = samplePdf();
    const db = server.runtime.ctx.db;
    // What a concurrent request in another process leaves while it runs: an in-flight claim with a live lease.
    const first = await withKey(shop, key).invoice(fields, pdf);
    assert.equal(first.status, 201);
    const lease = (seconds: number) => Temporal.Now.instant().add({ seconds }).toString({ smallestUnit: 'millisecond' });
    await db.updateTable('idempotency_keys').set({ state: 'in_flight', response_status: null, response_body: null, locked_until: lease(30) }).where('idempotency_key', '=', key).execute();
    const busy = await withKey(shop, key).invoice(fields, pdf);
    await expectProblem(busy, 409, ['Idempotency-Key']);
    assert.equal(busy.headers.get('retry-after'), '1');
    // The holder died (its lease ran out) without committing: the retry runs the request afresh.
    await db.updateTable('idempotency_keys').set({ locked_until: lease(-1) }).where('idempotency_key', '=', key).execute();
    const retried = await withKey(shop, key).invoice({ ...fields, invoiceNumber: fields.invoiceNumber ?? '' }, pdf);
    // The invoice number exists (the first request did commit), so the fresh run is the ordinary 409 for it.
    await expectProblem(retried, 409, ['invoiceNumber']);
  });

  it('forgets a key after 24 hours: the same key then starts afresh, and the cleanup deletes old keys', async () => {
    const key = freshKey();
    assert.equal((await withKey(shop, key).invoice(validInvoice(customerId), samplePdf())).status, 201);
    const dayAgo = Temporal.Now.instant().subtract({ hours: 24, seconds: 1 }).toString({ smallestUnit: 'millisecond' });
    await server.runtime.ctx.db.updateTable('idempotency_keys').set({ created_at: dayAgo }).where('idempotency_key', '=', key).execute();
    const count = await invoiceCount(server);
    const fresh = await withKey(shop, key).invoice(validInvoice(customerId), samplePdf());
    assert.equal(fresh.status, 201, 'a different request under an expired key is a new request');
    assert.equal(fresh.headers.get('idempotent-replayed'), null);
    assert.equal(await invoiceCount(server), count + 1);

    await server.runtime.ctx.db.updateTable('idempotency_keys').set({ created_at: dayAgo }).where('idempotency_key', '=', key).execute();
    assert.ok((await purgeExpiredKeys(server.runtime.ctx.db)) >= 1);
    const left = await server.runtime.ctx.db.selectFrom('idempotency_keys').select('idempotency_key').where('idempotency_key', '=', key).execute();
    assert.deepEqual(left, []);
  });
});

describe('Idempotency-Key on POST /v1/customers', () => {
  let server: TestServer;
  let shop: TestAccount;
  before(async () => {
    server = await startTestServer();
    shop = await server.account();
  });
  after(() => server.close());

  it('replays the customer create, 422 for a different body, ignores key order in the JSON', async () => {
    const key = freshKey();
    const first = await snapshot(await withKey(shop, key).customer(customerBody('anna', { locale: 'en' })));
    assert.equal(first.status, 201);
    const again = await snapshot(await withKey(shop, key).customer({ locale: 'en', ...customerBody('anna') }));
    assert.deepEqual({ ...again, replayed: null }, first);
    assert.equal(again.replayed, 'true');
    await expectProblem(await withKey(shop, key).customer(customerBody('anna', { locale: 'nl' })), 422, ['Idempotency-Key']);
    const list = (await (await shop.request('/v1/customers')).json()) as { data: unknown[] };
    assert.equal(list.data.length, 1);
  });
});

describe('Idempotency-Key across a restart', () => {
  it('replays the stored response from the database after the server restarts', async () => {
    const dataDir = await tempDir();
    const key = freshKey();
    const database = await createTestDatabase();
    const first = await startTestServer({ DATA_DIR: dataDir, ...database.env });
    const shop = await first.account();
    const customerId = (await shop.createCustomer()).id;
    const fields = validInvoice(customerId);
    const pdf = samplePdf();
    const original = await snapshot(await withKey(shop, key).invoice(fields, pdf));
    assert.equal(original.status, 201);
    await first.close();

    const second = await startTestServer({ ...first.dataEnv, PUBLIC_BASE_URL: first.url });
    try {
      const again = accountClient(second.url, shop.id, shop.apiKey);
      const replay = await snapshot(await withKey(again, key).invoice(fields, pdf));
      assert.deepEqual({ ...replay, replayed: null }, original);
      assert.equal(replay.replayed, 'true');
      assert.equal(await invoiceCount(second), 1);
    } finally {
      await second.close();
      await fs.rm(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
