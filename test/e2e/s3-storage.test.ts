import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { expectProblem } from '../helpers/problem.js';
import { startS3Server, type S3Server } from '../helpers/s3.js';
import { invoiceCount, samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the app on S3-compatible storage (s3rver on a loopback port, STORAGE_URL=s3://…)', () => {
  let s3: S3Server;
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;

  before(async () => {
    s3 = await startS3Server();
    server = await startTestServer(s3.env);
    shop = await server.account();
    customerId = (await shop.createCustomer()).id;
  });
  after(async () => {
    try {
      await server.close();
    } finally {
      await s3.close();
    }
  });

  const stagingFiles = async () => {
    assert.equal(server.config.storage.kind, 's3');
    return fs.readdir(server.config.storage.stagingDir);
  };
  const count = (event: string) => s3.events.filter((e) => e.startsWith(event)).length;

  it('creates an invoice whose PDF lands in the bucket under its SHA-256 and downloads byte-identical', async () => {
    for (const pdf of [samplePdf('s3-small'), samplePdf('s3-large', 6 * 1024 * 1024 + 17)]) {
      const res = await shop.createInvoice(validInvoice(customerId), pdf);
      assert.equal(res.status, 201, await res.clone().text());
      const { id } = (await res.json()) as { id: string };
      assert.ok((await s3.keys()).includes(`pdfs/${sha256(pdf)}.pdf`));
      const download = await shop.downloadPdf(id);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), 'application/pdf');
      assert.equal(download.headers.get('content-length'), String(pdf.length));
      assert.equal(download.headers.get('etag'), `"${sha256(pdf)}"`);
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), pdf);
    }
    assert.deepEqual(await stagingFiles(), [], 'staging files are gone once the object is stored');
    assert.deepEqual(await fs.readdir(server.dataDir).then((names) => names.filter((n) => n === 'pdfs')), [], 'no local PDF directory');
  });

  it('a create that fails validation sends nothing to the bucket and leaves no staging file', async () => {
    const keys = await s3.keys();
    const puts = count('ObjectCreated');
    await expectProblem(await shop.createInvoice(validInvoice(customerId, { amount: '12,95' }), samplePdf('s3-invalid')), 422);
    assert.deepEqual(await s3.keys(), keys);
    assert.equal(count('ObjectCreated'), puts);
    assert.deepEqual(await stagingFiles(), []);
  });

  it('creates that fail after their upload (one number raced) remove their objects: only the winner’s stays', async () => {
    const keys = await s3.keys();
    const [puts, deletes] = [count('ObjectCreated'), count('ObjectRemoved')];
    const pdfs = Array.from({ length: 10 }, (_, i) => samplePdf(`s3-race-${i}`));
    const responses = await Promise.all(pdfs.map((pdf) => shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'S3-RACE' }), pdf)));
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, ...Array<number>(9).fill(409)]);
    const winner = pdfs[responses.findIndex((r) => r.status === 201)];
    assert.ok(winner);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    assert.deepEqual(await s3.keys(), [...keys, `pdfs/${sha256(winner)}.pdf`].sort());
    // Losers pass the number check before the winner commits, upload, fail on the unique index and delete
    // their object again (10 uploads and 9 deletes in practice).
    const [uploaded, removed] = [count('ObjectCreated') - puts, count('ObjectRemoved') - deletes];
    assert.ok(removed >= 1, 'at least one create failed after its upload');
    assert.equal(uploaded - removed, 1);
    assert.deepEqual(await stagingFiles(), []);
  });

  it('while the bucket is unreachable: /readyz 503, creates 503 with nothing kept, downloads 503; all recover', async () => {
    const res = await shop.createInvoice(validInvoice(customerId), samplePdf('s3-before-outage'));
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    const invoices = await invoiceCount(server);
    await s3.stop();
    try {
      const ready = await expectProblem(await fetch(`${server.url}/readyz`), 503);
      assert.match(ready.detail, /storage unavailable/);
      const create = await shop.createInvoice(validInvoice(customerId), samplePdf('s3-during-outage'));
      await expectProblem(create, 503);
      assert.ok(create.headers.get('retry-after'));
      assert.equal(await invoiceCount(server), invoices);
      assert.deepEqual(await stagingFiles(), []);
      // Issuing a link needs only the database; following it, or asking for the bytes directly, needs the bucket.
      const { link } = (await (await shop.request(`/v1/customer-invoices/${id}/pdf`)).json()) as { link: string };
      await expectProblem(await fetch(link), 503);
      await expectProblem(await shop.request(`/v1/customer-invoices/${id}/pdf`, { headers: { accept: 'application/pdf' } }), 503);
    } finally {
      await s3.start();
    }
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    const again = await shop.createInvoice(validInvoice(customerId), samplePdf('s3-during-outage'));
    assert.equal(again.status, 201, await again.clone().text());
    assert.equal((await shop.downloadPdf(id)).status, 200);
  });
});
