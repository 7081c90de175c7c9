import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createManual, manualBody, withInvoiceDetails } from '../helpers/manual.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { invoiceCount, startTestServer, storedFiles, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

describe('POST /v1/customer-invoices/manual: errors', () => {
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;
  let before_: { invoices: number; files: string[] };

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    await withInvoiceDetails(shop);
    customerId = (await shop.createCustomer()).id;
  });
  after(() => server.close());
  beforeEach(async () => {
    before_ = { invoices: await invoiceCount(server), files: await storedFiles(server).catch(() => []) };
  });
  const nothingChanged = async () => {
    assert.equal(await invoiceCount(server), before_.invoices, 'no invoice was made');
    assert.deepEqual(await storedFiles(server).catch(() => []), before_.files, 'no PDF was kept');
  };
  const refused = async (body: unknown, fields: string[], status = 422) => {
    const problem = await expectProblem(await createManual(shop, body), status, fields);
    await nothingChanged();
    return problem;
  };

  it('every failing line field at once, named lines[i].field, with every top-level field', async () => {
    const problem = await refused(
      {
        customerId: 'cst_doesnotexist00',
        invoiceNumber: '',
        issuedAt: '2025-02-30',
        sendNotification: 'yes',
        paidAt: '2024-03-31 02:30:00',
        dueAt: '14-05-2025',
        deliveredAt: 5,
        reference: '',
        lines: [
          { description: '', quantity: '1.555', amountExclVat: '12,95', vatRate: 20 },
          { description: 'ok', quantity: -1, amountExclVat: 12.95, vatRate: '21' },
          { quantity: 0, colour: 'red' },
          'not a line',
          { description: 'x'.repeat(501), quantity: '100000', amountExclVat: '1.001', vatRate: 21.5 },
          { description: 'tab\there', amountExclVat: 'abc', vatRate: null },
        ],
        paidat: 'typo',
      },
      [
        'customerId', 'invoiceNumber', 'issuedAt', 'sendNotification', 'paidAt', 'dueAt', 'deliveredAt', 'reference', 'paidat',
        'lines[0].description', 'lines[0].quantity', 'lines[0].amountExclVat', 'lines[0].vatRate',
        'lines[1].quantity', 'lines[1].amountExclVat', 'lines[1].vatRate',
        'lines[2].description', 'lines[2].quantity', 'lines[2].amountExclVat', 'lines[2].vatRate', 'lines[2].colour',
        'lines[3]',
        'lines[4].description', 'lines[4].quantity', 'lines[4].amountExclVat', 'lines[4].vatRate',
        'lines[5].description', 'lines[5].amountExclVat', 'lines[5].vatRate',
      ],
    );
    assert.match(fieldMessage(problem, 'issuedAt'), /not a valid calendar date/);
    assert.match(fieldMessage(problem, 'lines[0].amountExclVat'), /dot/);
    assert.match(fieldMessage(problem, 'lines[0].vatRate'), /0, 9 or 21/);
    assert.match(fieldMessage(problem, 'lines[0].quantity'), /two decimals/);
    assert.match(fieldMessage(problem, 'paidat'), /not a known field/);
  });

  it('lines: required, an array, 1 to 100; required fields', async () => {
    await refused({ customerId, invoiceNumber: 'L-1', issuedAt: '2025-04-14' }, ['lines']);
    await refused(manualBody(customerId, { lines: [] }), ['lines']);
    await refused(manualBody(customerId, { lines: {} }), ['lines']);
    const line = { description: 'x', amountExclVat: '1.00', vatRate: 21 };
    await refused(manualBody(customerId, { lines: Array.from({ length: 101 }, () => line) }), ['lines']);
    await refused({}, ['customerId', 'invoiceNumber', 'issuedAt', 'lines']);
    await refused([], ['(body)']);
    await refused('text', ['(body)']);
  });

  it('amounts beyond the money limit are refused, never a 500', async () => {
    await refused(manualBody(customerId, { lines: [{ description: 'x', quantity: '99999.99', amountExclVat: '999999999999.99', vatRate: 21 }] }), ['lines[0].amountExclVat']);
  });

  it('a customer of another account, or a customer id that is not one, is 422 on customerId', async () => {
    const other = await server.account('Ander');
    const theirs = (await other.createCustomer()).id;
    await refused(manualBody(theirs), ['customerId']);
    await refused(manualBody('inv_abc12345def678'), ['customerId']);
  });

  it('creditedInvoiceId: another customer’s or account’s invoice, a missing one, a credit note, or a positive total', async () => {
    const other = (await shop.createCustomer()).id;
    const created = await createManual(shop, manualBody(other));
    assert.equal(created.status, 201);
    const othersInvoice = ((await created.json()) as { id: string }).id;
    const mine = ((await (await createManual(shop, manualBody(customerId))).json()) as { id: string }).id;
    const credit = [{ description: 'Retour', amountExclVat: '-1.00', vatRate: 21 }];
    before_ = { invoices: await invoiceCount(server), files: await storedFiles(server) };
    await refused(manualBody(customerId, { creditedInvoiceId: othersInvoice, lines: credit }), ['creditedInvoiceId']);
    await refused(manualBody(customerId, { creditedInvoiceId: 'inv_doesnotexist00', lines: credit }), ['creditedInvoiceId']);
    await refused(manualBody(customerId, { creditedInvoiceId: 'nonsense', lines: credit }), ['creditedInvoiceId']);
    const problem = await refused(manualBody(customerId, { creditedInvoiceId: mine }), ['lines']);
    assert.match(fieldMessage(problem, 'lines'), /negative/);

    const creditNote = await createManual(shop, manualBody(customerId, { creditedInvoiceId: mine, lines: credit }));
    assert.equal(creditNote.status, 201);
    const creditId = ((await creditNote.json()) as { id: string }).id;
    before_ = { invoices: await invoiceCount(server), files: await storedFiles(server) };
    await refused(manualBody(customerId, { creditedInvoiceId: creditId, lines: credit }), ['creditedInvoiceId']);
  });

  it('dueAt before issuedAt is refused', async () => {
    await refused(manualBody(customerId, { issuedAt: '2025-04-14', dueAt: '2025-04-13' }), ['dueAt']);
  });

  it('an account without its legal details: 422 naming each as account.<field>, saying how to set it', async () => {
    const bare = await server.account('Nieuw Bedrijf');
    const customer = (await bare.createCustomer()).id;
    const problem = await expectProblem(await createManual(bare, manualBody(customer)), 422, [
      'account.address', 'account.zipCode', 'account.city', 'account.kvkNumber', 'account.vatNumber',
    ]);
    assert.match(fieldMessage(problem, 'account.kvkNumber'), /PATCH \/v1\/account/);
    assert.match(fieldMessage(problem, 'account.kvkNumber'), /klantportaal accounts update --account acc_\w+ --kvk-number/);
    await nothingChanged();
    // With the details but the KvK number, that one alone; together with a bad line, both.
    await withInvoiceDetails(bare, { address: 'Straat 1', zipCode: '1234 AB', city: 'Delft', vatNumber: 'NL123456789B01' });
    await expectProblem(await createManual(bare, manualBody(customer, { lines: [{ description: 'x', amountExclVat: '1', vatRate: 7 }] })), 422, ['account.kvkNumber', 'lines[0].vatRate']);
    await withInvoiceDetails(bare, { kvkNumber: '87654321' });
    assert.equal((await createManual(bare, manualBody(customer))).status, 201);
  });

  it('a duplicate number is a 409 on invoiceNumber, as for the upload (an uploaded number counts too)', async () => {
    const upload = await shop.createInvoice(validInvoice(customerId, { invoiceNumber: 'DUP-UP' }));
    assert.equal(upload.status, 201);
    assert.equal((await createManual(shop, manualBody(customerId, { invoiceNumber: 'DUP-M' }))).status, 201);
    before_ = { invoices: await invoiceCount(server), files: await storedFiles(server) };
    for (const number of ['DUP-UP', 'DUP-M']) {
      const problem = await refused(manualBody(customerId, { invoiceNumber: number }), ['invoiceNumber'], 409);
      assert.match(fieldMessage(problem, 'invoiceNumber'), /already used/);
    }
  });

  it('JSON only: multipart or text is 415, broken JSON 400; nothing is made', async () => {
    const form = new FormData();
    form.append('customerId', customerId);
    await expectProblem(await shop.request('/v1/customer-invoices/manual', { method: 'POST', body: form }), 415);
    await expectProblem(await shop.request('/v1/customer-invoices/manual', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
    await expectProblem(await shop.request('/v1/customer-invoices/manual', { method: 'POST', body: '{"broken": ', headers: { 'content-type': 'application/json' } }), 400);
    await nothingChanged();
  });

  it('a refused request is not remembered under its Idempotency-Key', async () => {
    const key = `refused-${Math.random().toString(36).slice(2)}`;
    await expectProblem(await createManual(shop, manualBody(customerId, { issuedAt: 'nope' }), { 'idempotency-key': key }), 422);
    const res = await createManual(shop, manualBody(customerId), { 'idempotency-key': key });
    assert.equal(res.status, 201, await res.text());
  });
});
