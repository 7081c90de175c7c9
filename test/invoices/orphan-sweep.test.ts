import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeOrphanedPdfs } from '../../src/storage/pdf-sweep.js';
import { samplePdf, startTestServer, storedFiles, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

// A crash between "publish the PDF" and "commit the row" leaves a file no invoice references (RELIABILITY.md D1).
describe('orphaned PDF sweep', () => {
  let server: TestServer;
  let client: TestAccount;
  let customerId: string;
  before(async () => {
    server = await startTestServer();
    client = await server.account();
    customerId = (await client.createCustomer()).id;
  });
  after(() => server.close());

  const orphan = async (seed: string) => {
    const bytes = samplePdf(seed);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await fs.writeFile(path.join(server.dataDir, 'pdfs', `${sha}.pdf`), bytes);
    return `${sha}.pdf`;
  };

  it('removes files no invoice references, keeps referenced ones, and spares young files within the grace period', async () => {
    const res = await client.createInvoice(validInvoice(customerId), samplePdf('kept'));
    assert.equal(res.status, 201);
    const [kept] = await storedFiles(server);
    const lost = await orphan('lost-in-a-crash');
    assert.equal(await removeOrphanedPdfs(server.runtime.ctx, 60 * 60_000), 0, 'a file younger than the grace period stays');
    assert.deepEqual(await storedFiles(server), [kept, lost].sort());
    assert.equal(await removeOrphanedPdfs(server.runtime.ctx, 0), 1);
    assert.deepEqual(await storedFiles(server), [kept]);
    const pdf = await client.downloadPdf(((await res.json()) as { id: string }).id);
    assert.equal(pdf.status, 200);
  });

  it('keeps an offer’s PDF: every column of PDF_REFERENCES counts, not only the invoices’', async () => {
    const bytes = samplePdf('offer-kept');
    const form = new FormData();
    for (const [name, value] of Object.entries({ customerId, offerNumber: 'SWEEP-1', issuedAt: '2024-04-30', expiresAt: '2024-05-30', amount: '1.00' })) form.append(name, value);
    form.append('pdf', new Blob([bytes], { type: 'application/pdf' }), 'offer.pdf');
    const res = await client.request('/v1/customer-offers', { method: 'POST', body: form });
    assert.equal(res.status, 201, await res.clone().text());
    const sha = `${createHash('sha256').update(bytes).digest('hex')}.pdf`;
    const lost = await orphan('lost-beside-an-offer');
    assert.equal(await removeOrphanedPdfs(server.runtime.ctx, 0), 1, 'only the orphan goes');
    const files = await storedFiles(server);
    assert.ok(files.includes(sha), 'the offer’s PDF stays');
    assert.ok(!files.includes(lost));
    const { id } = (await res.json()) as { id: string };
    const link = (await (await client.request(`/v1/customer-offers/${id}/pdf`)).json()) as { link: string };
    assert.equal((await fetch(link.link)).status, 200);
  });

  it('never removes the file of a create that publishes while the sweep runs', async () => {
    // The same bytes published as an orphan and uploaded at the same time: the per-hash lock orders them.
    const bytes = samplePdf('raced');
    await orphan('raced');
    const [res] = await Promise.all([client.createInvoice(validInvoice(customerId), bytes), removeOrphanedPdfs(server.runtime.ctx, 0)]);
    assert.equal(res.status, 201);
    const id = ((await res.json()) as { id: string }).id;
    const pdf = await client.downloadPdf(id);
    assert.equal(pdf.status, 200);
    assert.ok(Buffer.from(await pdf.arrayBuffer()).equals(Buffer.from(bytes)));
  });
});
