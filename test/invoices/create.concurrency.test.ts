import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { invoiceCount, samplePdf, startTestServer, storedFiles, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

describe('concurrent creates', () => {
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;

  before(async () => {
    server = await startTestServer();
    shop = await server.account();
    customerId = (await shop.createCustomer()).id;
  });
  after(() => server.close());

  it('of one invoice number: exactly one 201, the rest 409, and only the winner’s PDF is kept', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'RACE-1' }), samplePdf(`race-${i}`))),
    );
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, ...Array<number>(19).fill(409)]);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    assert.equal(await invoiceCount(server), 1);
    assert.equal((await storedFiles(server)).length, 1, 'losers leave no PDF and no temp file');
  });

  it('of one PDF under many numbers: every create succeeds and the bytes are stored once', async () => {
    const pdf = samplePdf('shared-by-many');
    const before = await storedFiles(server);
    const responses = await Promise.all(Array.from({ length: 20 }, () => shop.createInvoice(validInvoice(customerId), pdf)));
    assert.deepEqual(
      responses.map((r) => r.status),
      Array<number>(20).fill(201),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { id: string }[];
    assert.equal(new Set(bodies.map((b) => b.id)).size, 20);
    assert.equal((await storedFiles(server)).length, before.length + 1);
    for (const { id } of bodies.slice(0, 3)) {
      const res = await shop.downloadPdf(id);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
    }
  });

  it('of one PDF where some creates fail: the file stays for the ones that succeeded', async () => {
    const pdf = samplePdf('mixed');
    await shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'MIXED-TAKEN' }), samplePdf('other')).then((r) => r.arrayBuffer());
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => shop.createInvoice(validInvoice(customerId, i % 2 ? { invoiceNumber: 'MIXED-TAKEN' } : {}), pdf)),
    );
    const created = (await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.json()))) as { id: string }[];
    assert.equal(created.length, 5);
    assert.deepEqual(responses.filter((r) => r.status !== 201).map((r) => r.status), Array<number>(5).fill(409));
    for (const { id } of created) {
      const res = await shop.downloadPdf(id);
      assert.equal(res.status, 200);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
    }
  });
});
