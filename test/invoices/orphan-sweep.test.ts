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
