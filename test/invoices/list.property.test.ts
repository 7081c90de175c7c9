import fc from 'fast-check';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

/**
 * Property-based checks of the invoice list through HTTP: paging while other requests insert, and every filter
 * combination against a simple in-memory model of the same invoices.
 */

interface Invoice {
  id: string;
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  paidAt: string | null;
}
interface Page {
  data: Invoice[];
  next_page_url: string | null;
}

const path = (href: string) => href.replace(/^https?:\/\/[^/]+/, '');

async function listAll(account: TestAccount, first: string, between?: () => Promise<void>): Promise<Invoice[]> {
  const items: Invoice[] = [];
  let next: string | null = first;
  while (next) {
    const res = await account.request(next);
    assert.equal(res.status, 200, await res.clone().text());
    const page = (await res.json()) as Page;
    items.push(...page.data);
    next = page.next_page_url ? path(page.next_page_url) : null;
    if (next && between) await between();
  }
  return items;
}

const dates = ['2024-01-31', '2024-02-29', '2024-03-01', '2024-03-31', '2024-10-27', '2024-12-31'];
const dateArb = fc.constantFrom(...dates);

describe('invoice lists (property-based)', () => {
  let server: TestServer;
  let runs = 0;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  async function freshAccount() {
    const account = await server.account(`Winkel ${++runs}`);
    const customers = [(await account.createCustomer()).id, (await account.createCustomer()).id, (await account.createCustomer()).id];
    return { account, customers };
  }

  async function create(account: TestAccount, fields: Record<string, string>): Promise<Invoice> {
    const res = await account.createInvoice(fields, samplePdf('shared'));
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as Invoice;
  }

  it('paging while others insert never skips or repeats an invoice that existed when paging began', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        async (existing, limit, insertsPerPage) => {
          const { account, customers } = await freshAccount();
          const before: string[] = [];
          for (let i = 0; i < existing; i++) before.push((await create(account, validInvoice(customers[i % 3] ?? '', { invoiceNumber: `E-${i}` }))).id);
          const inserted = new Set<string>();
          let pageNo = 0;
          const seen = await listAll(account, `/v1/customer-invoices?per_page=${limit}`, async () => {
            const count = insertsPerPage[pageNo++ % insertsPerPage.length] ?? 0;
            for (let i = 0; i < count; i++) inserted.add((await create(account, validInvoice(customers[0] ?? '', { invoiceNumber: `N-${pageNo}-${i}` }))).id);
          });
          const ids = seen.map((i) => i.id);
          assert.equal(new Set(ids).size, ids.length, 'an invoice was repeated');
          assert.deepEqual(ids.filter((id) => !inserted.has(id)), [...before].reverse(), 'an existing invoice was skipped or misordered');
        },
      ),
      { numRuns: 12 },
    );
  });

  it('every filter combination returns exactly what a model of the same invoices says, in list order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ customer: fc.integer({ min: 0, max: 2 }), issuedAt: dateArb, paid: fc.boolean(), number: fc.integer({ min: 0, max: 5 }) }), {
          minLength: 0,
          maxLength: 18,
        }),
        fc.array(
          fc.record(
            {
              customer: fc.integer({ min: 0, max: 3 }),
              paid: fc.boolean(),
              issuedFrom: dateArb,
              issuedTo: dateArb,
              number: fc.integer({ min: 0, max: 6 }),
              limit: fc.integer({ min: 1, max: 7 }),
            },
            { requiredKeys: ['limit'] },
          ),
          { minLength: 1, maxLength: 12 },
        ),
        async (rows, queries) => {
          const { account, customers } = await freshAccount();
          const created: Invoice[] = [];
          for (const [i, row] of rows.entries()) {
            const fields = validInvoice(customers[row.customer] ?? '', { invoiceNumber: `${row.number}-${i}`, issuedAt: row.issuedAt });
            if (row.paid) fields.paidAt = '2024-11-01 09:30:00';
            created.push(await create(account, fields));
          }
          // The unfiltered list is the reference order (newest first); filters must keep exactly the matching ones.
          const everything = await listAll(account, '/v1/customer-invoices?per_page=250');
          assert.deepEqual(new Set(everything.map((i) => i.id)), new Set(created.map((i) => i.id)));
          for (const q of queries) {
            if (q.issuedFrom && q.issuedTo && q.issuedFrom > q.issuedTo) [q.issuedFrom, q.issuedTo] = [q.issuedTo, q.issuedFrom];
            const params = new URLSearchParams({ per_page: String(q.limit) });
            // Customer 3 belongs to no invoice of this account.
            const customerId = q.customer === undefined ? undefined : (customers[q.customer] ?? 'cst_aaaaaaaaaaaaaa');
            if (customerId) params.set('customerId', customerId);
            if (q.paid !== undefined) params.set('paid', String(q.paid));
            if (q.issuedFrom) params.set('issuedFrom', q.issuedFrom);
            if (q.issuedTo) params.set('issuedTo', q.issuedTo);
            const exact = created.find((c) => c.invoiceNumber.startsWith(`${q.number}-`))?.invoiceNumber;
            if (q.number !== undefined) params.set('invoiceNumber', exact ?? `${q.number}-none`);
            const expected = everything.filter(
              (i) =>
                (customerId === undefined || i.customerId === customerId) &&
                (q.paid === undefined || (i.paidAt !== null) === q.paid) &&
                (!q.issuedFrom || i.issuedAt >= q.issuedFrom) &&
                (!q.issuedTo || i.issuedAt <= q.issuedTo) &&
                (q.number === undefined || i.invoiceNumber === params.get('invoiceNumber')),
            );
            const actual = await listAll(account, `/v1/customer-invoices?${params.toString()}`);
            assert.deepEqual(actual.map((i) => i.id), expected.map((i) => i.id), params.toString());
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
