import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ListPage } from '../../src/http/pagination.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface Invoice {
  id: string;
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  paidAt: string | null;
}
type Page = ListPage<Invoice>;

async function page(account: TestAccount, pathOrUrl: string): Promise<Page> {
  const res = await account.request(pathOrUrl.replace(/^https?:\/\/[^/]+/, ''));
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as Page;
}

/** Every invoice of a listing, following next_page_url to the end. */
async function all(account: TestAccount, path: string): Promise<Invoice[]> {
  const items: Invoice[] = [];
  let next: string | null = path;
  while (next) {
    const current: Page = await page(account, next);
    assert.equal(current.data.length, current.from === null ? 0 : (current.to ?? 0) - current.from + 1);
    items.push(...current.data);
    next = current.next_page_url;
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

  it('lists newest first, 15 per page by default, in the MijnKlantportaal envelope with next_page_url = null on the last page', async () => {
    const first = await page(shop, '/v1/customer-invoices');
    assert.deepEqual(numbers(first.data), ['A-3', 'B-2', 'A-2', 'B-1', 'A-1']);
    assert.deepEqual({ ...first, data: [] }, {
      current_page: 1,
      data: [],
      first_page_url: `${server.url}/v1/customer-invoices?page=1`,
      from: 1,
      next_page_url: null,
      path: `${server.url}/v1/customer-invoices`,
      per_page: 15,
      prev_page_url: null,
      to: 5,
    });
    assert.deepEqual(first.data[0], created[4], 'list items are the same resource as GET and create return');
  });

  it('pages with per_page and next_page_url, without repeats or gaps; ?page=N alone gives the same pages', async () => {
    const first = await page(shop, '/v1/customer-invoices?per_page=2');
    assert.deepEqual(numbers(first.data), ['A-3', 'B-2']);
    assert.ok(first.next_page_url);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?per_page=2')), ['A-3', 'B-2', 'A-2', 'B-1', 'A-1']);
    assert.deepEqual(numbers((await page(shop, '/v1/customer-invoices?page=2&per_page=2')).data), ['A-2', 'B-1']);
    assert.deepEqual(numbers((await page(shop, '/v1/customer-invoices?page=3&per_page=2')).data), ['A-1']);
  });

  it('filters on customerId, paid, issued dates and invoice number, and keeps the filter while paging', async () => {
    assert.deepEqual(numbers(await all(shop, `/v1/customer-invoices?customerId=${anna}&per_page=1`)), ['A-3', 'A-2', 'A-1']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?paid=true')), ['B-2', 'A-1']);
    assert.deepEqual(numbers(await all(shop, '/v1/customer-invoices?paid=false&per_page=2')), ['A-3', 'A-2', 'B-1']);
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

  it('rejects out-of-range per_page and page, bad filters and tampered cursors with one 422 naming every field', async () => {
    for (const perPage of ['0', '251', '-1', '1.5', 'ten', '']) {
      await expectProblem(await shop.request(`/v1/customer-invoices?per_page=${perPage}`), 422, ['per_page']);
    }
    assert.equal((await page(shop, '/v1/customer-invoices?per_page=250')).data.length, 5);
    await expectProblem(await shop.request('/v1/customer-invoices?paid=yes&issuedFrom=2024-02-30&per_page=0&page=0'), 422, ['paid', 'issuedFrom', 'per_page', 'page']);
    await expectProblem(await shop.request('/v1/customer-invoices?issuedFrom=2024-05-01&issuedTo=2024-04-01'), 422, ['issuedTo']);
    await expectProblem(await shop.request('/v1/customer-invoices?unknown=1'), 422, ['unknown']);
    const next = (await page(shop, '/v1/customer-invoices?per_page=1')).next_page_url ?? '';
    const cursor = new URL(next).searchParams.get('after') ?? '';
    const forged = Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z", 1; --', 'inv_x'])).toString('base64url') + 'AAAAAAAAAAA';
    for (const bad of [cursor.slice(0, -2), `${cursor}A`, forged, 'not a cursor', '%00', 'W10']) {
      await expectProblem(await shop.request(`/v1/customer-invoices?page=2&per_page=1&after=${encodeURIComponent(bad)}`), 422, ['after']);
    }
    await expectProblem(await shop.request(`/v1/customer-invoices?cursor=${cursor}&limit=1`), 422, ['cursor', 'limit']);
  });
});
