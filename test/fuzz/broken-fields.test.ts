import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { report, size } from '../helpers/hostile.js';
import { invoiceCount, startTestServer, storedFiles, type TestAccount, type TestServer } from '../helpers/server.js';
import { customerFields, groupFields, invoiceForm, invoicePatchFields, MAX_PDF_BYTES, multipart, pdf, webhookFields } from './broken-field-specs.js';
import { assertReported, brokenRequest, type FieldSpec } from './broken-fields.js';

// RELIABILITY.md P2: break a random set S of a request's fields, keep the rest valid: the 422 names exactly S,
// each field once, and nothing was created or changed. Rules from API.md, invoice.rules.ts and the schemas.
// Where the reported set legitimately differs from S, the rule is written into the break (broken-field-specs.ts):
// - a PDF over MAX_PDF_BYTES is a 413 naming only `pdf`, whatever else is broken: the upload is cut off there;
// - a bad item of an array is named by its index (`events.1`), not as the array;
// - a missing required field is reported under its name; an unknown or read-only one under the name sent.
const runs = size('BROKEN_FIELD_RUNS', 30, 1000);

describe('a random set of broken fields is reported exactly (P2)', () => {
  let server: TestServer;
  let shop: TestAccount;
  let customer: Record<string, unknown>;
  let invoice: Record<string, unknown>;
  let foreignCustomerId: string;
  const figures: Record<string, { runs: number; fieldsBroken: number; statuses: Record<string, number>; passed: boolean }> = {};

  before(async () => {
    server = await startTestServer({ MAX_PDF_BYTES: String(MAX_PDF_BYTES) });
    shop = await server.account();
    customer = await shop.createCustomer({ integrationId: 'DEB-1' });
    const res = await shop.createInvoice({ customerId: String(customer.id), invoiceNumber: 'BESTAAND-1', issuedAt: '2024-04-30', amount: '12.95' }, pdf());
    assert.equal(res.status, 201);
    invoice = (await res.json()) as Record<string, unknown>;
    foreignCustomerId = (await (await server.account('Ander B.V.')).createCustomer()).id;
  });
  after(async () => {
    await server.close();
    report('broken-fields', { runsPerEndpoint: runs, endpoints: figures, failures: Object.values(figures).filter((f) => !f.passed).length });
  });

  async function count(table: 'customers' | 'customer_invoices' | 'webhook_endpoints' | 'customer_groups' | 'customer_group_members'): Promise<number> {
    const row = await server.runtime.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Runs `runs` broken requests against one endpoint; `unchanged` checks after each that nothing was created or changed. */
  async function property<V>(name: string, specs: FieldSpec<V>[], send: (fields: [string, V][]) => Promise<Response>, unchanged: () => Promise<void>) {
    const tally = (figures[name] = { runs: 0, fieldsBroken: 0, statuses: {} as Record<string, number>, passed: false as boolean });
    await fc.assert(
      fc.asyncProperty(brokenRequest(specs), async ({ fields, broken }) => {
        const { status } = await assertReported(await send(fields), broken, name);
        tally.runs += 1;
        tally.fieldsBroken += broken.length;
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
        await unchanged();
      }),
      { numRuns: runs, includeErrorInReport: true },
    );
    tally.passed = true;
  }

  it('POST /v1/customer-invoices (multipart): exactly the broken fields, or 413 alone for a too-large PDF; no row, no file', async () => {
    const [rows, files] = [await invoiceCount(server), await storedFiles(server)];
    await property('POST /v1/customer-invoices', invoiceForm(String(customer.id), foreignCustomerId), (fields) => shop.request('/v1/customer-invoices', { method: 'POST', body: multipart(fields) }), async () => {
      assert.equal(await invoiceCount(server), rows, 'an invoice was created');
      assert.deepEqual(await storedFiles(server), files, 'a file was added or a temp file left');
    });
  });

  it('POST /v1/customers: exactly the broken fields; no customer created', async () => {
    const before = await count('customers');
    await property('POST /v1/customers', customerFields(true), (fields) => shop.json('POST', '/v1/customers', Object.fromEntries(fields)), async () =>
      assert.equal(await count('customers'), before, 'a customer was created'),
    );
  });

  it('PATCH /v1/customers/{id}: exactly the broken fields; the customer unchanged', async () => {
    await property('PATCH /v1/customers/{id}', customerFields(false), (fields) => shop.json('PATCH', `/v1/customers/${String(customer.id)}`, Object.fromEntries(fields)), async () =>
      assert.deepEqual(await (await shop.request(`/v1/customers/${String(customer.id)}`)).json(), customer, 'the customer changed'),
    );
  });

  it('POST /v1/customer-groups: exactly the broken fields; no group, no membership', async () => {
    const [groups, members] = [await count('customer_groups'), await count('customer_group_members')];
    await property('POST /v1/customer-groups', groupFields(String(customer.id)), (fields) => shop.json('POST', '/v1/customer-groups', Object.fromEntries(fields)), async () => {
      assert.equal(await count('customer_groups'), groups, 'a group was created');
      assert.equal(await count('customer_group_members'), members, 'a membership was added');
    });
  });

  it('PATCH /v1/customer-invoices/{id}: exactly the broken fields; the invoice unchanged', async () => {
    await property('PATCH /v1/customer-invoices/{id}', invoicePatchFields, (fields) => shop.json('PATCH', `/v1/customer-invoices/${String(invoice.id)}`, Object.fromEntries(fields)), async () =>
      assert.deepEqual(await (await shop.request(`/v1/customer-invoices/${String(invoice.id)}`)).json(), invoice, 'the invoice changed'),
    );
  });

  it('POST /v1/webhooks: exactly the broken fields; no record created', async () => {
    await property('POST /v1/webhooks', webhookFields, (fields) => shop.json('POST', '/v1/webhooks', Object.fromEntries(fields)), async () =>
      assert.equal(await count('webhook_endpoints'), 0, 'a webhook record was created'),
    );
  });
});
