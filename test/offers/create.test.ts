import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { samplePdf, startTestServer, storedFiles, type TestAccount, type TestServer } from '../helpers/server.js';
import { createOffer, offerCount, postOffer, validOffer, type OfferBody } from './offers.js';

describe('POST /v1/customer-offers', () => {
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  let customerId: string;

  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Kapper Jansen');
    customerId = (await shop.createCustomer()).id;
  });
  after(() => server.close());

  it('creates an open offer: 201, Location, every published field with its type, status and links', async () => {
    const res = await postOffer(shop, { customerId, offerNumber: '2024-001', issuedAt: '2024-04-30', expiresAt: '2099-05-30', amount: '12.9' });
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as OfferBody;
    assert.deepEqual(Object.keys(body).sort(), [
      'acceptanceSignature', 'acceptanceSignatureType', 'acceptedAt', 'acceptedByName', 'acceptedViaIp', 'acceptedViaUserAgent', 'amount', 'createdAt', 'currency', 'customerId', 'expiresAt', 'id',
      'invoiceId', 'issuedAt', 'lines', 'links', 'offerNumber', 'rejectedAt', 'rejectionReason', 'status', 'subtotalAmount', 'vatAmount',
    ]);
    // The manual offers' extensions, empty for an upload.
    const extensions = body as unknown as Record<string, unknown>;
    assert.deepEqual([extensions.lines, extensions.subtotalAmount, extensions.vatAmount, extensions.invoiceId], [[], null, null, null]);
    assert.match(body.id, /^off_[0-9a-z]{14}$/);
    assert.equal(res.headers.get('location'), `${server.url}/v1/customer-offers/${body.id}`);
    assert.equal(body.offerNumber, '2024-001');
    assert.equal(body.issuedAt, '2024-04-30');
    assert.equal(body.expiresAt, '2099-05-30');
    assert.equal(body.amount, '12.90');
    assert.equal(body.currency, 'EUR');
    assert.equal(body.status, 'open');
    for (const field of ['acceptedAt', 'acceptedViaIp', 'acceptedViaUserAgent', 'acceptanceSignature', 'acceptanceSignatureType', 'acceptedByName', 'rejectedAt', 'rejectionReason'] as const) assert.equal(body[field], null, field);
    assert.match(body.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    assert.deepEqual(body.links, {
      self: { href: `${server.url}/v1/customer-offers/${body.id}`, type: 'application/json' },
      customer: { href: `${server.url}/v1/customers/${customerId}`, type: 'application/json' },
      pdf: { href: `${server.url}/v1/customer-offers/${body.id}/pdf`, type: 'application/pdf' },
    });
    const read = await shop.request(`/v1/customer-offers/${body.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), body);
  });

  it('records a decision made already: acceptedAt with IP and User-Agent, or rejectedAt, read in the account zone', async () => {
    const accepted = await createOffer(shop, customerId, { acceptedAt: '2024-05-11 12:59:00', acceptedViaIp: '123.456.7.8.9', acceptedViaUserAgent: 'Mozilla/5.0 (X11; Linux x86_64)' });
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.acceptedAt, '2024-05-11T12:59:00+02:00');
    assert.equal(accepted.acceptedViaIp, '123.456.7.8.9');
    assert.equal(accepted.acceptedViaUserAgent, 'Mozilla/5.0 (X11; Linux x86_64)');
    const rejected = await createOffer(shop, customerId, { rejectedAt: '2024-01-11T12:59:00Z', acceptedAt: '' });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectedAt, '2024-01-11T13:59:00+01:00');
    assert.equal(rejected.acceptedAt, null);
  });

  it('an expiry date in the past makes an undecided offer expired at once; expiresAt may equal issuedAt', async () => {
    const expired = await createOffer(shop, customerId, { issuedAt: '2024-04-01', expiresAt: '2024-04-01' });
    assert.equal(expired.status, 'expired');
  });

  it('names every bad field at once and stores nothing', async () => {
    const before = await offerCount(server);
    const files = await storedFiles(server);
    const res = await postOffer(
      shop,
      {
        customerId: 'cst_doesnotexist00',
        offerNumber: '  ',
        issuedAt: '2024-04-31',
        expiresAt: '30-05-2024',
        amount: '12,95',
        sendNotification: 'yes',
        acceptedAt: '2024-03-31 02:30:00',
        rejectedAt: 'soon',
        acceptedViaIp: 'x'.repeat(101),
        currency: 'USD',
        expiresat: '2024-05-01',
      },
      new TextEncoder().encode('not a pdf'),
    );
    const problem = await expectProblem(res, 422, [
      'customerId', 'offerNumber', 'issuedAt', 'expiresAt', 'amount', 'sendNotification', 'acceptedAt', 'rejectedAt', 'acceptedViaIp', 'currency', 'expiresat', 'pdf',
    ]);
    assert.match(fieldMessage(problem, 'issuedAt'), /not a valid calendar date/);
    assert.match(fieldMessage(problem, 'amount'), /dot/);
    assert.match(fieldMessage(problem, 'currency'), /only EUR/);
    assert.match(fieldMessage(problem, 'expiresat'), /not a known field/);
    assert.match(fieldMessage(problem, 'pdf'), /%PDF-/);
    assert.equal(await offerCount(server), before);
    assert.deepEqual(await storedFiles(server), files);
  });

  it('requires every published required field, and a PDF', async () => {
    await expectProblem(await postOffer(shop, {}, null), 422, ['customerId', 'offerNumber', 'issuedAt', 'expiresAt', 'amount', 'pdf']);
  });

  it('refuses an expiry before the issue date, a negative amount, and a customer of another account', async () => {
    const mine = await expectProblem(await postOffer(shop, validOffer(customerId, { issuedAt: '2024-05-02', expiresAt: '2024-05-01', amount: '-1.00' })), 422, ['expiresAt', 'amount']);
    assert.match(fieldMessage(mine, 'expiresAt'), /not be before issuedAt/);
    await expectProblem(await postOffer(other, validOffer(customerId)), 422, ['customerId']);
  });

  it('refuses acceptedAt with rejectedAt, and the acceptance details without acceptedAt', async () => {
    await expectProblem(await postOffer(shop, validOffer(customerId, { acceptedAt: '2024-05-11 12:59:00', rejectedAt: '2024-05-11 12:59:00' })), 422, ['acceptedAt', 'rejectedAt']);
    await expectProblem(await postOffer(shop, validOffer(customerId, { acceptedViaIp: '10.0.0.1', acceptedViaUserAgent: 'curl' })), 422, ['acceptedViaIp', 'acceptedViaUserAgent']);
  });

  it('answers 409 naming offerNumber for a number the account already uses; another account may use it', async () => {
    await createOffer(shop, customerId, { offerNumber: 'DUP-1' });
    const problem = await expectProblem(await postOffer(shop, validOffer(customerId, { offerNumber: ' DUP-1 ' })), 409, ['offerNumber']);
    assert.match(problem.detail, /DUP-1/);
    const theirs = (await other.createCustomer()).id;
    await createOffer(other, theirs, { offerNumber: 'DUP-1' });
  });

  it('two concurrent creates of one number: one 201, one 409', async () => {
    const results = await Promise.all([1, 2].map(() => postOffer(shop, validOffer(customerId, { offerNumber: 'RACE-1' }))));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
  });

  it('refuses anything but multipart with 415', async () => {
    const res = await shop.json('POST', '/v1/customer-offers', validOffer(customerId));
    await expectProblem(res, 415);
  });

  it('replays the same request under the same Idempotency-Key, refuses another request under it', async () => {
    const fields = validOffer(customerId);
    const pdf = samplePdf('idem');
    const first = await postOffer(shop, fields, pdf, { 'idempotency-key': 'offer-1' });
    assert.equal(first.status, 201);
    const again = await postOffer(shop, fields, pdf, { 'idempotency-key': 'offer-1' });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    await expectProblem(await postOffer(shop, { ...fields, amount: '1.00' }, pdf, { 'idempotency-key': 'offer-1' }), 422);
  });
});
