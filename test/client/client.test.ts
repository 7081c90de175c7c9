import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createClient, KlantportaalApiError, KlantportaalNetworkError, type KlantportaalClient } from '../../src/client/index.js';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flaky-proxy.js';
import { invoiceCount, samplePdf, startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { customerBody } from '../helpers/customers.js';

const fast = { attempts: 4, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 1500 };

describe('typed client', () => {
  let server: TestServer;
  let account: TestAccount;
  let client: KlantportaalClient;
  let proxy: FlakyProxy;
  let flaky: KlantportaalClient;
  before(async () => {
    server = await startTestServer();
    account = await server.account();
    client = createClient({ baseUrl: server.url, apiKey: account.apiKey, retry: fast });
    proxy = await startFlakyProxy(server.url);
    flaky = createClient({ baseUrl: proxy.url, apiKey: account.apiKey, retry: fast });
  });
  after(async () => {
    await proxy.close();
    await server.close();
  });

  it('happy: customers create, get, update, list by integrationId, delete', async () => {
    const customer = await client.customers.create(customerBody('jansen', { primaryEmail: 'jansen@example.com', integrationId: 'DEB-1' }));
    assert.match(customer.id, /^cst_/);
    assert.equal((await client.customers.get(customer.id)).primaryEmail, 'jansen@example.com');
    assert.equal((await client.customers.update(customer.id, { locale: 'en' })).locale, 'en');
    const page = await client.customers.list({ integrationId: 'DEB-1' });
    assert.deepEqual(page.data.map((c) => c.id), [customer.id]);
    await client.customers.delete(customer.id);
    await assert.rejects(client.customers.get(customer.id), (e: unknown) => e instanceof KlantportaalApiError && e.status === 404);
  });

  it('happy: webhooks create (one type, the secret in every read), get, list, iterate, deliveries, delete', async () => {
    const webhook = await client.webhooks.create({ url: 'https://example.com/client-hook', type: 'invoice-created' });
    assert.match(webhook.id, /^wbh_/);
    assert.equal(webhook.type, 'invoice-created');
    assert.deepEqual(await client.webhooks.get(webhook.id), webhook);
    assert.ok((await client.webhooks.list()).data.some((w) => w.id === webhook.id && w.secret === webhook.secret));
    const seen: string[] = [];
    for await (const item of client.webhooks.iterate()) seen.push(item.id);
    assert.ok(seen.includes(webhook.id));
    assert.deepEqual((await client.webhooks.deliveries(webhook.id)).data, []);
    await client.webhooks.delete(webhook.id);
    await assert.rejects(client.webhooks.get(webhook.id), (e: unknown) => e instanceof KlantportaalApiError && e.status === 404);
  });

  it('happy: iterate walks every page by next_page_url', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await client.customers.create(customerBody(`iter${i}`))).id);
    const seen: string[] = [];
    for await (const customer of client.customers.iterate({ per_page: 3 })) seen.push(customer.id);
    for (const id of made) assert.ok(seen.includes(id));
    assert.equal(new Set(seen).size, seen.length, 'no customer twice');
    let pages = 0;
    for await (const page of client.customers.pages({ per_page: 3 })) pages += page.data.length > 0 ? 1 : 0;
    assert.ok(pages >= 3);
  });

  it('happy: invoices from a path, a Buffer and a stream; mark paid; download byte-identical', async () => {
    const customer = await client.customers.create(customerBody('pdf'));
    const dir = await fs.mkdtemp(path.join(server.dataDir, 'client-'));
    const bytes = Buffer.from(samplePdf('from-path', 300_000));
    const file = path.join(dir, 'a.pdf');
    await fs.writeFile(file, bytes);
    const fromPath = await client.invoices.create({ customerId: customer.id, invoiceNumber: 'C-1', issuedAt: '2024-04-30', amount: '12.95', pdf: file });
    const fromBuffer = await client.invoices.create({ customerId: customer.id, invoiceNumber: 'C-2', issuedAt: '2024-04-30', amount: '-5', pdf: Buffer.from(samplePdf('buf')) });
    const fromStream = await client.invoices.create({
      customerId: customer.id, invoiceNumber: 'C-3', issuedAt: '2024-04-30', amount: '1', pdf: Readable.from([Buffer.from(samplePdf('stream'))]), sendNotification: false,
    });
    assert.equal(fromBuffer.amount, '-5.00');
    assert.equal(fromStream.notification, null);
    const paid = await client.invoices.markPaid(fromPath.id, '2024-05-11 12:59:00');
    assert.equal(paid.paidAt, '2024-05-11T12:59:00+02:00');
    assert.equal((await client.invoices.markUnpaid(fromPath.id)).paidAt, null);
    const target = path.join(dir, 'back.pdf');
    const saved = await client.invoices.savePdf(fromPath.id, target);
    assert.deepEqual(await fs.readFile(target), bytes);
    assert.equal(saved.filename, 'C-1.pdf');
    const listed = [];
    for await (const invoice of client.invoices.iterate({ customerId: customer.id, per_page: 2 })) listed.push(invoice.invoiceNumber);
    assert.deepEqual(listed.sort(), ['C-1', 'C-2', 'C-3']);
    await client.invoices.delete(fromStream.id);
    assert.equal((await client.invoices.list({ customerId: customer.id })).data.length, 2);
  });

  it('happy: pdfLink gives the cloud-file JSON; downloadPdf follows the link in a second request without the API key', async () => {
    const customer = await client.customers.create(customerBody('link'));
    const bytes = Buffer.from(samplePdf('client-link'));
    const invoice = await client.invoices.create({ customerId: customer.id, invoiceNumber: 'L/2026 é', issuedAt: '2024-04-30', amount: '1.00', pdf: bytes });
    const link = await client.invoices.pdfLink(invoice.id);
    assert.deepEqual(Object.keys(link).sort(), ['expiresAt', 'link']);
    assert.ok(link.link.startsWith(`${server.url}/v1/downloads/`));
    const sent: { url: string; authorization: string | null }[] = [];
    const recording = createClient({
      baseUrl: server.url,
      apiKey: account.apiKey,
      fetch: (input, init) => {
        sent.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
        return fetch(input, init);
      },
    });
    const download = await recording.invoices.downloadPdf(invoice.id);
    const chunks: Buffer[] = [];
    for await (const chunk of download.stream) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), bytes);
    assert.equal(download.filename, 'L/2026 é.pdf'.replace('/', '_'));
    assert.equal(download.contentType, 'application/pdf');
    assert.equal(download.size, bytes.length);
    assert.equal(sent.length, 2);
    assert.equal(sent[0]?.url, `${server.url}/v1/customer-invoices/${invoice.id}/pdf`);
    assert.equal(sent[0]?.authorization, `Bearer ${account.apiKey}`);
    assert.ok(sent[1]?.url.startsWith(`${server.url}/v1/downloads/`), sent[1]?.url);
    assert.equal(sent[1]?.authorization, null, 'the link is followed without the API key');
    // A dead link is an API error like any other.
    await assert.rejects(client.download(`${server.url}/v1/downloads/nope`), (e: unknown) => e instanceof KlantportaalApiError && e.status === 404);
  });

  it('error: a 422 is a KlantportaalApiError carrying every failing field of the problem+json', async () => {
    const customer = await client.customers.create(customerBody('err'));
    const error = await client.invoices
      .create({ customerId: customer.id, invoiceNumber: 'E-1', issuedAt: '2024-04-31', amount: '12,95', pdf: Buffer.from(samplePdf()) })
      .then(() => null, (e: unknown) => e);
    assert.ok(error instanceof KlantportaalApiError);
    assert.equal(error.status, 422);
    assert.equal(error.problem.type, 'https://klantportaal.dev/problems/validation-failed');
    assert.deepEqual(error.problem.errors?.map((e) => e.field).sort(), ['amount', 'issuedAt']);
    assert.match(error.fieldError('amount') ?? '', /dot/);
    assert.ok(error.requestId);
  });

  it('error: a wrong key is a 401 API error, never retried', async () => {
    const before = proxy.seen.length;
    const bad = createClient({ baseUrl: proxy.url, apiKey: 'kp_live_nope', retry: fast });
    await assert.rejects(bad.customers.list(), (e: unknown) => e instanceof KlantportaalApiError && e.status === 401);
    assert.equal(proxy.seen.length - before, 1);
  });

  it('retry: a dropped connection, a 503 and a 429 with Retry-After, then one invoice under one idempotency key', async () => {
    const customer = await client.customers.create(customerBody('retry'));
    const count = await invoiceCount(server);
    const before = proxy.seen.length;
    proxy.plan({ kind: 'drop-request' }, { kind: 'status', status: 503, retryAfter: '0' }, { kind: 'status', status: 429, retryAfter: '1' });
    const started = Date.now();
    const created = await flaky.invoices.createDetailed({ customerId: customer.id, invoiceNumber: 'R-1', issuedAt: '2024-04-30', amount: '2.00', pdf: Buffer.from(samplePdf()) });
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After: 1');
    const tries = proxy.seen.slice(before);
    assert.equal(tries.length, 4);
    assert.equal(new Set(tries.map((t) => t.headers['idempotency-key'])).size, 1, 'one key on every try');
    assert.equal(tries[0]?.headers['idempotency-key'], created.idempotencyKey);
    assert.ok(tries.every((t) => t.bodyBytes === tries[0]?.bodyBytes && t.bodyBytes > 2048), 'the PDF is sent whole every time');
    assert.equal(await invoiceCount(server), count + 1);
  });

  it('retry: a response lost after the server created the invoice is replayed, not created twice', async () => {
    const customer = await client.customers.create(customerBody('lost'));
    const count = await invoiceCount(server);
    proxy.plan({ kind: 'drop-response' });
    const created = await flaky.invoices.createDetailed(
      { customerId: customer.id, invoiceNumber: 'L-1', issuedAt: '2024-04-30', amount: '3.00', pdf: Buffer.from(samplePdf()) },
      { idempotencyKey: 'caller-chosen-key-1' },
    );
    assert.equal(created.replayed, true);
    assert.equal(created.idempotencyKey, 'caller-chosen-key-1');
    assert.equal(await invoiceCount(server), count + 1);
  });

  it('retry: bounded; the last 503 is thrown with its problem', async () => {
    const before = proxy.seen.length;
    proxy.plan(...Array.from({ length: 4 }, () => ({ kind: 'status', status: 503 }) as const));
    await assert.rejects(flaky.customers.list(), (e: unknown) => e instanceof KlantportaalApiError && e.status === 503 && e.problem.title === 'Injected');
    assert.equal(proxy.seen.length - before, 4);
  });

  it('retry: a stream PDF is not sent twice; a refused connection is a KlantportaalNetworkError', async () => {
    const customer = await client.customers.create(customerBody('once'));
    const before = proxy.seen.length;
    proxy.plan({ kind: 'status', status: 503 });
    await assert.rejects(
      flaky.invoices.create({ customerId: customer.id, invoiceNumber: 'S-1', issuedAt: '2024-04-30', amount: '1.00', pdf: Readable.from([Buffer.from(samplePdf())]) }),
      (e: unknown) => e instanceof KlantportaalApiError && e.status === 503,
    );
    assert.equal(proxy.seen.length - before, 1);
    const closed = createClient({ baseUrl: 'http://127.0.0.1:9', apiKey: account.apiKey, retry: { ...fast, attempts: 2 } });
    await assert.rejects(closed.customers.list(), (e: unknown) => e instanceof KlantportaalNetworkError && /2 tries/.test(e.message));
  });
});
