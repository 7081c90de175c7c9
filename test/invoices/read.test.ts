import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectProblem } from '../helpers/problem.js';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

describe('reading customer invoices back', () => {
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  let invoice: { id: string; links: { pdf: { href: string } } };
  const pdf = samplePdf('round-trip', 300 * 1024);

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Slagerij Jansen');
    const customer = await shop.createCustomer();
    // Every byte value, to catch any text conversion on the way in or out.
    for (let i = 0; i < 256; i++) pdf[1000 + i] = i;
    const res = await shop.createInvoice(validInvoice(customer.id, { invoiceNumber: 'Factuur 2024/001 "spoed"\u00e9' }), pdf);
    assert.equal(res.status, 201);
    invoice = (await res.json()) as typeof invoice;
  });
  after(() => server.close());

  it('returns the PDF byte for byte with download headers, through the cloud-file link of links.pdf', async () => {
    const cloudFile = await fetch(invoice.links.pdf.href, { headers: { authorization: `Bearer ${shop.apiKey}` } });
    assert.equal(cloudFile.status, 200);
    const res = await fetch(((await cloudFile.json()) as { link: string }).link);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-length'), String(pdf.length));
    assert.equal(res.headers.get('etag'), `"${createHash('sha256').update(pdf).digest('hex')}"`);
    const disposition = res.headers.get('content-disposition') ?? '';
    assert.equal(disposition, `attachment; filename="Factuur_2024_001_spoed_.pdf"; filename*=UTF-8''Factuur%202024_001%20%22spoed%22%C3%A9.pdf`);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
  });

  it('hides another account’s invoice and PDF behind a 404 identical to a missing one', async () => {
    const missing = 'inv_000000000000000000aa';
    for (const suffix of ['', '/pdf']) {
      const foreign = await expectProblem(await other.request(`/v1/customer-invoices/${invoice.id}${suffix}`), 404);
      const absent = await expectProblem(await other.request(`/v1/customer-invoices/${missing}${suffix}`), 404);
      assert.equal(foreign.detail.replace(invoice.id, 'ID'), absent.detail.replace(missing, 'ID'));
    }
  });

  it('answers ids that cannot exist with 404, never a 500', async () => {
    for (const id of ['x', 'inv_', 'cst_000000000000000000aa', `inv_${'a'.repeat(300)}`, "inv_' OR 1=1 --", '%00', 'inv_ÄÖÜ']) {
      await expectProblem(await shop.request(`/v1/customer-invoices/${encodeURIComponent(id)}`), 404);
      await expectProblem(await shop.request(`/v1/customer-invoices/${encodeURIComponent(id)}/pdf`), 404);
    }
  });

  it('shows the invoice in the same shape as the create response', async () => {
    const res = await shop.request(`/v1/customer-invoices/${invoice.id}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), invoice);
  });
});
