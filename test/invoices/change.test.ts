import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { invoiceCount, samplePdf, startTestServer, storedFiles, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface Invoice {
  id: string;
  paidAt: string | null;
  links: { self: { href: string }; pdf: { href: string } };
}

describe('PATCH /v1/customer-invoices/{id}', () => {
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  let invoice: Invoice;

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Slagerij Jansen');
    const customer = await shop.createCustomer();
    const res = await shop.createInvoice(validInvoice(customer.id));
    invoice = (await res.json()) as Invoice;
  });
  after(() => server.close());

  const patch = (body: unknown, account = shop, id = invoice.id) => account.json('PATCH', `/v1/customer-invoices/${id}`, body);
  const current = async () => (await (await shop.request(`/v1/customer-invoices/${invoice.id}`)).json()) as Invoice;

  it('marks an invoice paid in the account’s time zone, then unpaid with null, and GET agrees', async () => {
    const paid = await patch({ paidAt: '2024-05-11 12:59:00' });
    assert.equal(paid.status, 200);
    assert.equal(((await paid.json()) as Invoice).paidAt, '2024-05-11T12:59:00+02:00');
    assert.equal((await current()).paidAt, '2024-05-11T12:59:00+02:00');

    const winter = await patch({ paidAt: '2024-01-11T11:59:00Z' });
    assert.equal(((await winter.json()) as Invoice).paidAt, '2024-01-11T12:59:00+01:00');

    const unpaid = await patch({ paidAt: null });
    assert.equal(unpaid.status, 200);
    assert.equal(((await unpaid.json()) as Invoice).paidAt, null);
    assert.equal((await current()).paidAt, null);
  });

  it('refuses bad times, read-only and unknown fields with 422 and changes nothing', async () => {
    await patch({ paidAt: '2024-05-11 12:59:00' });
    const before = await current();
    const gap = await expectProblem(await patch({ paidAt: '2024-03-31 02:30:00' }), 422, ['paidAt']);
    assert.match(fieldMessage(gap, 'paidAt'), /does not exist/);
    await expectProblem(await patch({ paidAt: '11-05-2024' }), 422, ['paidAt']);
    await expectProblem(await patch({ paidAt: 12 }), 422, ['paidAt']);
    for (const field of ['id', 'accountId', 'createdAt', 'amount', 'invoiceNumber', 'customerId', 'paidat']) {
      await expectProblem(await patch({ paidAt: null, [field]: 'x' }), 422, [field]);
    }
    await expectProblem(await patch({}), 422, ['paidAt']);
    // paidAt's own rules are reported beside an unknown field (they used to be checked only once the schema passed).
    await expectProblem(await patch({ paidAt: '2024-03-31 02:30:00', paidat: 'x' }), 422, ['paidAt', 'paidat']);
    await expectProblem(await shop.request(`/v1/customer-invoices/${invoice.id}`, { method: 'PATCH', body: '{', headers: { 'content-type': 'application/json' } }), 400);
    await expectProblem(await shop.request(`/v1/customer-invoices/${invoice.id}`, { method: 'PATCH', body: 'paidAt=', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    assert.deepEqual(await current(), before);
  });

  it('answers another account’s invoice exactly like a missing one, and changes nothing', async () => {
    const before = await current();
    const foreign = await patch({ paidAt: null }, other);
    const missing = await patch({ paidAt: null }, other, 'inv_zzzzzzzzzzzzzz');
    const a = await expectProblem(foreign, 404);
    const b = await expectProblem(missing, 404);
    assert.deepEqual({ ...a, detail: '' }, { ...b, detail: '' });
    assert.doesNotMatch(a.detail + b.detail, /Bakkerij|Slagerij/);
    assert.deepEqual(await current(), before);
  });
});

describe('DELETE /v1/customer-invoices/{id}', () => {
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

  const create = async (pdf: Uint8Array) => {
    const res = await shop.createInvoice(validInvoice(customerId), pdf);
    assert.equal(res.status, 201);
    return (await res.json()) as Invoice;
  };
  const remove = (id: string, account = shop) => account.request(`/v1/customer-invoices/${id}`, { method: 'DELETE' });

  it('answers 204, then the invoice and its PDF are gone; the file goes once no invoice shares its bytes', async () => {
    const shared = samplePdf('shared-bytes');
    const first = await create(shared);
    const second = await create(shared);
    const own = await create(samplePdf('own-bytes'));
    assert.equal((await storedFiles(server)).length, 2);

    const res = await remove(first.id);
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    await expectProblem(await shop.request(`/v1/customer-invoices/${first.id}`), 404);
    await expectProblem(await shop.request(`/v1/customer-invoices/${first.id}/pdf`), 404);
    await expectProblem(await remove(first.id), 404);
    // The second invoice still has the shared bytes.
    assert.equal((await shop.downloadPdf(second.id)).status, 200);
    assert.equal((await storedFiles(server)).length, 2);

    assert.equal((await remove(second.id)).status, 204);
    assert.equal((await storedFiles(server)).length, 1);
    assert.equal((await remove(own.id)).status, 204);
    assert.deepEqual(await storedFiles(server), []);
  });

  it('frees the invoice number and lets the customer be deleted once it has no invoices', async () => {
    const invoice = await create(samplePdf());
    await expectProblem(await shop.request(`/v1/customers/${customerId}`, { method: 'DELETE' }), 409);
    assert.equal((await remove(invoice.id)).status, 204);
    const again = await shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'REUSED-1' }));
    assert.equal(again.status, 201);
    assert.equal((await remove(((await again.json()) as Invoice).id)).status, 204);
    assert.equal((await shop.request(`/v1/customers/${customerId}`, { method: 'DELETE' })).status, 204);
    customerId = (await shop.createCustomer()).id;
  });

  it('is a 404 for another account’s invoice, which stays with its PDF', async () => {
    const invoice = await create(samplePdf('kept'));
    const count = await invoiceCount(server);
    await expectProblem(await remove(invoice.id, other), 404);
    assert.equal(await invoiceCount(server), count);
    assert.equal((await shop.downloadPdf(invoice.id)).status, 200);
  });
});
