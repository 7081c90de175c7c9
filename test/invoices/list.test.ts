import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface Invoice {
  id: string;
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  paidAt: string | null;
}
interface Page {
  count: number;
  data: Invoice[];
  links: { self: { href: string }; next: { href: string } | null };
}

async function page(account: TestAccount, pathOrUrl: string): Promise<Page> {
  const res = await account.request(pathOrUrl.replace(/^https?:\/\/[^/]+/, ''));
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as Page;
}

/** Every invoice of a listing, following links.next to the end. */
async function all(account: TestAccount, path: string): Promise<Invoice[]> {
  const items: Invoice[] = [];
  let next: string | null = path;
  while (next) {
    const current: Page = await page(account, next);
    assert.equal(current.count, current.data.length);
    items.push(...current.data);
    next = current.links.next?.href ?? null;
  }
  return items;
}

describe('GET /v1/customer-invoices', () => {
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  let anna: string;
  let bram: string;
  const created: Invoice[] = [];

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Slagerij Jansen');
    anna = (await shop.createCustomer({ companyName: 'Anna' })).id;
    bram = (await shop.createCustomer({ companyName: 'Bram' })).id;
    const plan: Array<Record<string, string> & { customerId: string }> = [
      { customerId: anna, invoiceNumber: 'A-1', issuedAt: '2024-01-15', paidAt: '2024-01-20 10:00:00' },
      { customerId: bram, invoiceNumber: 'B-1', issuedAt: '2024-02-29' },
      { customerId: anna, invoiceNumber: 'A-2', issuedAt: '2024-03-01' },
      { customerId: bram, invoiceNumber: 'B-2', issuedAt: '2024-03-31', paidAt: '2024-04-02T09:00:00Z' },
      { customerId: anna, invoiceNumber: 'A-3', issuedAt: '2024-12-31' },
    ];
    for (const fields of plan) {
      const res = await shop.createInvoice(validInvoice(fields.customerId, fields));
      assert.equal(res.status, 201);
      created.push((await res.json()) as Invoice);
    }
    // Noise in another account that must never show up.
    const theirs = await other.createCustomer();
    assert.equal((await other.createInvoice(validInvoice(theirs.id, { invoiceNumber: 'A-1' }))).status, 201);
  });
  after(() => server.close());

  const numbers = (items: Invoice[]) => items.map((i) => i.invoiceNumber);

  it('lists newest first, 50 per page by default, with links.self and links.next = null on the last page', async () => {
    const first = await page(shop, '/v1/customer-invoices');
    assert.deepEqual(numbers(first.data), ['A-3', 'B-2', 'A-2', 'B-1', 'A-1']);
    assert.equal(first.count, 5);
    assert.equal(first.links.next, null);
    assert.equal(first.links.self.href, `${server.url}/v1/customer-invoices?limit=50`);
    assert.deepEqual(first.data[0], created[4], 'list items are the same resource as GET and create return');
  });

  it('pages with limit and the cursor in links.next, without repeats or gaps', async () => {
    const first = await page(shop, '/v1/customer-invoices?limit=2');
    assert.deepEqual(numbers(first.data), ['A-3', 'B-2']);
    assert.ok(first.links.next);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?limit=2')), ['A-3', 'B-2', 'A-2', 'B-1', 'A-1']);
  });

  it('filters on customerId, paid, issued dates and invoice number, and keeps the filter while paging', async () => {
    assert.deepEqual(numbers(await all(shop, `/v1/customer-invoices?customerId=${anna}&limit=1`)), ['A-3', 'A-2', 'A-1']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?paid=true')), ['B-2', 'A-1']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?paid=false&limit=2')), ['A-3', 'A-2', 'B-1']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?issuedFrom=2024-02-29&issuedTo=2024-03-31')), ['B-2', 'A-2', 'B-1']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?issuedFrom=2024-03-02')), ['A-3', 'B-2']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?invoiceNumber=B-1')), ['B-1']);
    assert.deepEqual(numbers(await all(shop, `/v1/customer-invoices?customerId=${bram}&paid=false`)), ['B-1']);
  });

  it('shows an account only its own invoices, also when filtering on another account’s customer', async () => {
    const theirs = await all(other, '/v1/customer-invoices');
    assert.deepEqual(numbers(theirs), ['A-1']);
    assert.deepEqual(await all(other, `/v1/customer-invoices?customerId=${anna}`), []);
    assert.deepEqual(await all(shop, '/v1/customer-invoices?customerId=cst_unknown'), []);
  });

  it('rejects out-of-range limits, bad filters and tampered cursors with one 422 naming every field', async () => {
    for (const limit of ['0', '251', '-1', '1.5', 'ten', '']) {
      await expectProblem(await shop.request(`/v1/customer-invoices?limit=${limit}`), 422, ['limit']);
    }
    assert.equal((await page(shop, '/v1/customer-invoices?limit=250')).count, 5);
    await expectProblem(await shop.request('/v1/customer-invoices?paid=yes&issuedFrom=2024-02-30&limit=0'), 422, ['paid', 'issuedFrom', 'limit']);
    await expectProblem(await shop.request('/v1/customer-invoices?issuedFrom=2024-05-01&issuedTo=2024-04-01'), 422, ['issuedTo']);
    await expectProblem(await shop.request('/v1/customer-invoices?unknown=1'), 422, ['unknown']);
    const next = (await page(shop, '/v1/customer-invoices?limit=1')).links.next?.href ?? '';
    const cursor = new URL(next).searchParams.get('cursor') ?? '';
    const forged = Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z", 1; --', 'inv_x'])).toString('base64url');
    for (const bad of [cursor.slice(0, -2), `${cursor}A`, forged, 'not a cursor', '%00', 'W10']) {
      await expectProblem(await shop.request(`/v1/customer-invoices?cursor=${encodeURIComponent(bad)}`), 422, ['cursor']);
    }
  });
});
