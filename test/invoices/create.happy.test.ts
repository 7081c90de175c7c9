import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface InvoiceBody {
  id: string;
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  currency: string;
  amount: string;
  paidAt: string | null;
  createdAt: string;
  viewedAt: string | null;
  notification: { status: string; attempts: number; sentAt: string | null; lastError: string | null } | null;
  links: Record<string, { href: string; type: string }>;
}

describe('POST /v1/customer-invoices: happy paths', () => {
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    customerId = (await shop.createCustomer()).id;
  });
  after(() => server.close());

  async function create(overrides: Record<string, string>): Promise<InvoiceBody> {
    const res = await shop.createInvoice(validInvoice(customerId, overrides));
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as InvoiceBody;
  }

  it('answers the published example (with a date that exists) with 201, Location and exactly the published shape', async () => {
    const res = await shop.createInvoice({
      customerId,
      invoiceNumber: '2014-001',
      issuedAt: '2024-04-30',
      paidAt: '2024-05-11 12:59:00',
      amount: '12.95',
      sendNotification: 'true',
    });
    assert.equal(res.status, 201);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as InvoiceBody;
    // The published fields, plus the notification state and the lines' fields API.md adds (additive, so existing
    // clients are unaffected); an uploaded PDF has no lines we know of.
    assert.deepEqual(
      Object.keys(body).sort(),
      [
        'amount', 'createdAt', 'currency', 'customerId', 'id', 'invoiceNumber', 'issuedAt', 'links', 'notification', 'paidAt', 'viewedAt',
        'lines', 'subtotalAmount', 'vatAmount', 'dueAt', 'deliveredAt', 'reference', 'creditedInvoiceId',
      ].sort(),
    );
    const extras = body as unknown as Record<string, unknown>;
    assert.deepEqual(
      ['lines', 'subtotalAmount', 'vatAmount', 'dueAt', 'deliveredAt', 'reference', 'creditedInvoiceId'].map((key) => extras[key]),
      [[], null, null, null, null, null, null],
    );
    assert.equal(body.viewedAt, null, 'not yet opened in the portal');
    assert.deepEqual(body.notification, { status: 'queued', attempts: 0, sentAt: null, lastError: null });
    assert.match(body.id, /^inv_[0-9a-z]+$/);
    assert.equal(res.headers.get('location'), `${server.url}/v1/customer-invoices/${body.id}`);
    assert.equal(body.customerId, customerId);
    assert.equal(body.invoiceNumber, '2014-001');
    assert.equal(body.issuedAt, '2024-04-30');
    assert.equal(body.currency, 'EUR');
    assert.equal(body.amount, '12.95');
    assert.equal(body.paidAt, '2024-05-11T12:59:00+02:00');
    assert.match(body.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    assert.deepEqual(body.links, {
      self: { href: `${server.url}/v1/customer-invoices/${body.id}`, type: 'application/json' },
      customer: { href: `${server.url}/v1/customers/${customerId}`, type: 'application/json' },
      pdf: { href: `${server.url}/v1/customer-invoices/${body.id}/pdf`, type: 'application/pdf' },
    });
    const read = await shop.request(`/v1/customer-invoices/${body.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), body);
  });

  it('reads paidAt in the account time zone: summer +02:00, winter +01:00', async () => {
    assert.equal((await create({ paidAt: '2024-05-11 12:59:00' })).paidAt, '2024-05-11T12:59:00+02:00');
    assert.equal((await create({ paidAt: '2024-01-11 12:59:00' })).paidAt, '2024-01-11T12:59:00+01:00');
  });

  it('converts an ISO 8601 paidAt with an explicit offset to the account time zone', async () => {
    assert.equal((await create({ paidAt: '2024-05-11T10:59:00Z' })).paidAt, '2024-05-11T12:59:00+02:00');
    assert.equal((await create({ paidAt: '2024-01-11T12:59:00-05:00' })).paidAt, '2024-01-11T18:59:00+01:00');
  });

  it('takes the earlier instant for a local time that occurs twice (DST fold)', async () => {
    // 2024-10-27 02:30 happens at +02:00 and again at +01:00 in Amsterdam.
    assert.equal((await create({ paidAt: '2024-10-27 02:30:00' })).paidAt, '2024-10-27T02:30:00+02:00');
  });

  it('uses the account own time zone', async () => {
    const ny = await server.account('New York Deli', 'America/New_York');
    const customer = await ny.createCustomer();
    const res = await ny.createInvoice(validInvoice(customer.id, { paidAt: '2024-05-11 12:59:00' }));
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as InvoiceBody).paidAt, '2024-05-11T12:59:00-04:00');
  });

  it('treats an empty paidAt as unpaid', async () => {
    assert.equal((await create({ paidAt: '' })).paidAt, null);
    assert.equal((await create({})).paidAt, null);
  });

  it('accepts leap days that exist', async () => {
    assert.equal((await create({ issuedAt: '2024-02-29' })).issuedAt, '2024-02-29');
    assert.equal((await create({ issuedAt: '2000-02-29' })).issuedAt, '2000-02-29');
  });

  it('normalises amounts to two decimals, exact to the cent', async () => {
    assert.equal((await create({ amount: '12.9' })).amount, '12.90');
    assert.equal((await create({ amount: '12' })).amount, '12.00');
    assert.equal((await create({ amount: '0.01' })).amount, '0.01');
    assert.equal((await create({ amount: '007.50' })).amount, '7.50');
    assert.equal((await create({ amount: '-5' })).amount, '-5.00');
    assert.equal((await create({ amount: '-0.10' })).amount, '-0.10');
    assert.equal((await create({ amount: '999999999999.99' })).amount, '999999999999.99');
    assert.equal((await create({ amount: '-999999999999.99' })).amount, '-999999999999.99');
    assert.equal((await create({ amount: '9007199254.41' })).amount, '9007199254.41');
  });

  it('accepts sendNotification as true/false/1/0 in any case, and currency EUR', async () => {
    for (const value of ['true', 'FALSE', '1', '0', 'True']) await create({ sendNotification: value });
    assert.equal((await create({ currency: 'EUR' })).currency, 'EUR');
  });

  it('trims the invoice number and keeps unicode', async () => {
    assert.equal((await create({ invoiceNumber: '  2024/ü-7  ' })).invoiceNumber, '2024/ü-7');
  });

  it('accepts the fields in any order, the PDF first included', async () => {
    const form = new FormData();
    form.append('pdf', new Blob([samplePdf()]), 'x.pdf');
    for (const [name, value] of Object.entries(validInvoice(customerId))) form.append(name, value);
    const res = await shop.request('/v1/customer-invoices', { method: 'POST', body: form });
    assert.equal(res.status, 201, await res.text());
  });

  it('stores one file for identical PDFs and returns each invoice its bytes', async () => {
    const pdf = samplePdf('shared');
    const a = (await (await shop.createInvoice(validInvoice(customerId), pdf)).json()) as InvoiceBody;
    const b = (await (await shop.createInvoice(validInvoice(customerId), pdf)).json()) as InvoiceBody;
    for (const invoice of [a, b]) {
      const res = await shop.downloadPdf(invoice.id);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
    }
  });
});
