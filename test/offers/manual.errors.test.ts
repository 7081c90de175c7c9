import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { withInvoiceDetails } from '../helpers/manual.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, storedFiles, type TestAccount, type TestServer } from '../helpers/server.js';
import { manualOfferBody, postManualOffer } from './manual-offers.js';
import { createOffer, offerCount } from './offers.js';

describe('POST /v1/customer-offers/manual: errors', () => {
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;
  let before_: { offers: number; files: string[] };

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    await withInvoiceDetails(shop);
    customerId = (await shop.createCustomer()).id;
  });
  after(() => server.close());
  beforeEach(async () => {
    before_ = { offers: await offerCount(server), files: await storedFiles(server).catch(() => []) };
  });
  const nothingChanged = async () => {
    assert.equal(await offerCount(server), before_.offers, 'no offer was made');
    assert.deepEqual(await storedFiles(server).catch(() => []), before_.files, 'no PDF was kept');
  };
  const refused = async (body: unknown, fields: string[], status = 422) => {
    const problem = await expectProblem(await postManualOffer(shop, body), status, fields);
    await nothingChanged();
    return problem;
  };

  it('every failing field and line field at once, named lines[i].field; the invoice-only fields are unknown here', async () => {
    const problem = await refused(
      {
        customerId: 'cst_doesnotexist00',
        offerNumber: '',
        issuedAt: '2025-02-30',
        expiresAt: '30-04-2025',
        sendNotification: 'yes',
        paidAt: '2025-04-20 12:59:00',
        dueAt: '2025-05-01',
        reference: 'R-1',
        creditedInvoiceId: 'inv_abc12345def678',
        amount: '12.95',
        lines: [
          { description: '', quantity: '1.555', amountExclVat: '12,95', vatRate: 20 },
          { description: 'ok', quantity: -1, amountExclVat: 12.95, vatRate: '21' },
          'not a line',
        ],
        expiresat: 'typo',
      },
      [
        'customerId', 'offerNumber', 'issuedAt', 'expiresAt', 'sendNotification', 'paidAt', 'dueAt', 'reference', 'creditedInvoiceId', 'amount', 'expiresat',
        'lines[0].description', 'lines[0].quantity', 'lines[0].amountExclVat', 'lines[0].vatRate',
        'lines[1].quantity', 'lines[1].amountExclVat', 'lines[1].vatRate',
        'lines[2]',
      ],
    );
    assert.match(fieldMessage(problem, 'issuedAt'), /not a valid calendar date/);
    assert.match(fieldMessage(problem, 'lines[0].amountExclVat'), /dot/);
    assert.match(fieldMessage(problem, 'lines[0].vatRate'), /0, 9 or 21/);
    assert.match(fieldMessage(problem, 'expiresat'), /not a known field/);
  });

  it('required fields; lines 1 to 100; not a JSON object', async () => {
    await refused({}, ['customerId', 'offerNumber', 'issuedAt', 'expiresAt', 'lines']);
    await refused(manualOfferBody(customerId, { lines: [] }), ['lines']);
    const line = { description: 'x', amountExclVat: '1.00', vatRate: 21 };
    await refused(manualOfferBody(customerId, { lines: Array.from({ length: 101 }, () => line) }), ['lines']);
    await refused([], ['(body)']);
    await refused('text', ['(body)']);
  });

  it('the published expiresAt "2025-04-31" is refused as written, with a clear 422', async () => {
    const problem = await refused(manualOfferBody(customerId, { offerNumber: '2014-001', issuedAt: '2025-04-14', expiresAt: '2025-04-31' }), ['expiresAt']);
    assert.match(fieldMessage(problem, 'expiresAt'), /not a valid calendar date/);
  });

  it('expiresAt before issuedAt; a negative total (an offer proposes a price)', async () => {
    await refused(manualOfferBody(customerId, { issuedAt: '2025-04-14', expiresAt: '2025-04-13' }), ['expiresAt']);
    const problem = await refused(manualOfferBody(customerId, { lines: [{ description: 'Tegoed', amountExclVat: '-10.00', vatRate: 21 }] }), ['lines']);
    assert.match(fieldMessage(problem, 'lines'), /negative/);
    await refused(manualOfferBody(customerId, { lines: [{ description: 'x', quantity: '99999.99', amountExclVat: '999999999999.99', vatRate: 21 }] }), ['lines[0].amountExclVat']);
  });

  it('a customer of another account, or an id that is no customer, is 422 on customerId', async () => {
    const other = await server.account('Ander');
    await refused(manualOfferBody((await other.createCustomer()).id), ['customerId']);
    await refused(manualOfferBody('inv_abc12345def678'), ['customerId']);
  });

  it('an account without its legal details: 422 naming each as account.<field>, with the body’s own problems', async () => {
    const bare = await server.account('Nieuw Bedrijf');
    const customer = (await bare.createCustomer()).id;
    const problem = await expectProblem(await postManualOffer(bare, manualOfferBody(customer, { lines: [{ description: 'x', amountExclVat: '1', vatRate: 7 }] })), 422, [
      'account.address', 'account.zipCode', 'account.city', 'account.kvkNumber', 'account.vatNumber', 'lines[0].vatRate',
    ]);
    assert.match(fieldMessage(problem, 'account.kvkNumber'), /PATCH \/v1\/account/);
    await nothingChanged();
  });

  it('a duplicate number is a 409 on offerNumber (an uploaded offer’s number counts too)', async () => {
    await createOffer(shop, customerId, { offerNumber: 'DUP-O-UP' });
    assert.equal((await postManualOffer(shop, manualOfferBody(customerId, { offerNumber: 'DUP-O-M' }))).status, 201);
    before_ = { offers: await offerCount(server), files: await storedFiles(server) };
    for (const number of ['DUP-O-UP', 'DUP-O-M']) {
      const problem = await refused(manualOfferBody(customerId, { offerNumber: number }), ['offerNumber'], 409);
      assert.match(fieldMessage(problem, 'offerNumber'), /already used/);
    }
  });

  it('JSON only: multipart or text is 415, broken JSON 400; a refused request is not remembered under its key', async () => {
    const form = new FormData();
    form.append('customerId', customerId);
    await expectProblem(await shop.request('/v1/customer-offers/manual', { method: 'POST', body: form }), 415);
    await expectProblem(await shop.request('/v1/customer-offers/manual', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
    await expectProblem(await shop.request('/v1/customer-offers/manual', { method: 'POST', body: '{"broken": ', headers: { 'content-type': 'application/json' } }), 400);
    await nothingChanged();
    const key = `refused-${Math.random().toString(36).slice(2)}`;
    await expectProblem(await postManualOffer(shop, manualOfferBody(customerId, { issuedAt: 'nope' }), { 'idempotency-key': key }), 422);
    const res = await postManualOffer(shop, manualOfferBody(customerId), { 'idempotency-key': key });
    assert.equal(res.status, 201, await res.text());
  });
});
