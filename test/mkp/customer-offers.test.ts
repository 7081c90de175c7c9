/**
 * MijnKlantportaal compatibility, reference 3.7 (Customer Offers): the multipart create and the PATCH as the pages
 * show them (host and ids replaced; the impossible `2024-04-31` made real, and refused as written), every
 * documented field of `CustomerOffer` with its type and format, and the list envelope; `POST /customer-offers/manual`
 * with the page's JSON example (its impossible `expiresAt` "2025-04-31" refused as written, then made real).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withInvoiceDetails } from '../helpers/manual.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { checkTwoPages, createCustomer, customerOffer, documented, examplePdf, expectCreated, expectJson, OFFER_FIELDS, type Json } from './mkp.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36';

/** The create page's fields with a real customer id; `2024-04-31` (the page's issuedAt and expiresAt) made real. */
function publishedOfferForm(customerId: string, fields: Record<string, string | null> = {}): FormData {
  const values: Record<string, string | null> = {
    customerId,
    offerNumber: '2014-001',
    issuedAt: '2024-04-30',
    expiresAt: '2024-04-30',
    amount: '12.95',
    sendNotification: 'true',
    ...fields,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) if (value !== null) form.append(name, value);
  form.append('pdf', new Blob([examplePdf()], { type: 'application/pdf' }), 'example-file');
  return form;
}

const post = (account: TestAccount, form: FormData) => account.request('/v1/customer-offers', { method: 'POST', body: form });

describe('reference 3.7: POST /customer-offers (multipart)', () => {
  let account: TestAccount;
  let customerId: string;
  before(async () => {
    account = await server.account();
    customerId = String((await createCustomer(account)).id);
  });

  it('takes the required fields and answers a documented CustomerOffer', async () => {
    const offer = await expectCreated(await post(account, publishedOfferForm(customerId)), '/v1/customer-offers', customerOffer, 'created offer');
    assert.equal(offer.offerNumber, '2014-001');
    assert.equal(offer.issuedAt, '2024-04-30');
    assert.equal(offer.expiresAt, '2024-04-30');
    assert.equal(offer.amount, '12.95');
    assert.equal(offer.acceptedAt, null);
    assert.equal(offer.acceptanceSignature, null);
    const read = await expectJson(await account.request(`/v1/customer-offers/${String(offer.id)}`), 200);
    customerOffer(read, 'GET offer');
    assert.deepEqual(documented(read as Json, OFFER_FIELDS), documented(offer, OFFER_FIELDS));
  });

  it('takes the optional acceptance fields with the published examples', async () => {
    const form = publishedOfferForm(customerId, {
      offerNumber: '2014-002',
      acceptedAt: '2024-05-11 12:59:00',
      acceptedViaIp: '123.456.7.8.9',
      acceptedViaUserAgent: 'Mozilla/5.0 (X11; Linux x86_64) ...',
    });
    const offer = await expectCreated(await post(account, form), '/v1/customer-offers', customerOffer, 'accepted offer');
    assert.equal(offer.acceptedAt, '2024-05-11T12:59:00+02:00');
    assert.equal(offer.acceptedViaIp, '123.456.7.8.9');
    assert.equal(offer.acceptedViaUserAgent, 'Mozilla/5.0 (X11; Linux x86_64) ...');
  });

  it('takes rejectedAt, and an empty acceptedAt (the page: "empty while the offer is outstanding")', async () => {
    const offer = await expectCreated(await post(account, publishedOfferForm(customerId, { offerNumber: '2014-003', acceptedAt: '', rejectedAt: '2024-05-11 12:59:00' })), '/v1/customer-offers', customerOffer, 'rejected offer');
    assert.equal(offer.rejectedAt, '2024-05-11T12:59:00+02:00');
    assert.equal(offer.acceptedAt, null);
  });

  it('answers the page’s impossible dates as written with a 422 naming both', async () => {
    await expectProblem(await post(account, publishedOfferForm(customerId, { offerNumber: '2014-004', issuedAt: '2024-04-31', expiresAt: '2024-04-31' })), 422, ['issuedAt', 'expiresAt']);
  });
});

describe('reference 3.7: GET and PATCH /customer-offers/{offerId}', () => {
  let account: TestAccount;
  let customerId: string;
  before(async () => {
    account = await server.account();
    customerId = String((await createCustomer(account)).id);
  });

  const create = async (offerNumber: string) =>
    expectCreated(await post(account, publishedOfferForm(customerId, { offerNumber, expiresAt: '2099-04-30' })), '/v1/customer-offers', customerOffer, offerNumber);

  it('PATCH acceptedAt with acceptedViaIp and acceptedViaUserAgent, as the page shows them', async () => {
    const offer = await create('P-1');
    const body = { acceptedAt: '2024-05-04 20:51:50', acceptedViaIp: '123.456.7.8.9', acceptedViaUserAgent: 'Mozilla/5.0 (X11; Linux x86_64)...' };
    const updated = (await expectJson(await account.json('PATCH', `/v1/customer-offers/${String(offer.id)}`, body), 200)) as Json;
    customerOffer(updated, 'PATCH accepted');
    assert.equal(updated.acceptedAt, '2024-05-04T20:51:50+02:00');
    assert.equal(updated.acceptedViaIp, '123.456.7.8.9');
    assert.equal(updated.acceptedViaUserAgent, 'Mozilla/5.0 (X11; Linux x86_64)...');
  });

  it('PATCH acceptedAt with a full User-Agent (the schema’s example)', async () => {
    const offer = await create('P-2');
    const updated = (await expectJson(await account.json('PATCH', `/v1/customer-offers/${String(offer.id)}`, { acceptedAt: '2024-05-04 20:51:50', acceptedViaUserAgent: USER_AGENT }), 200)) as Json;
    assert.equal(updated.acceptedViaUserAgent, USER_AGENT);
  });

  it('PATCH rejectedAt', async () => {
    const offer = await create('P-3');
    const updated = (await expectJson(await account.json('PATCH', `/v1/customer-offers/${String(offer.id)}`, { rejectedAt: '2024-05-04 20:51:50' }), 200)) as Json;
    customerOffer(updated, 'PATCH rejected');
    assert.equal(updated.rejectedAt, '2024-05-04T20:51:50+02:00');
  });

  it('GET an unknown offer: 404 ("No Customer Offer can be found for the given ID")', async () => {
    await expectProblem(await account.request('/v1/customer-offers/off_abc12345def678'), 404);
  });
});

describe('reference 3.7: GET /customer-offers (paginated)', () => {
  it('walks two pages of the envelope', async () => {
    const account = await server.account();
    const customerId = String((await createCustomer(account)).id);
    const ids: string[] = [];
    for (let i = 0; i < 17; i += 1) {
      const offer = await expectCreated(await post(account, publishedOfferForm(customerId, { offerNumber: `L-${i}`, sendNotification: null })), '/v1/customer-offers', customerOffer, `offer ${i}`);
      ids.push(String(offer.id));
    }
    await checkTwoPages(account, server.url, '/v1/customer-offers', ids, customerOffer);
  });
});

describe('reference 3.7: POST /customer-offers/manual (JSON, as the page shows it)', () => {
  /** The page's example, character for character, with our customer's id and `expiresAt` as given. */
  const published = (customerId: string, expiresAt: string) =>
    `{"customerId": "${customerId}", "offerNumber": "2014-001", "issuedAt": "2025-04-14", "expiresAt": "${expiresAt}", "sendNotification": true, "lines": [{"description": "Website template", "amountExclVat": "12.95", "vatRate": 21}]}`;
  const send = (account: TestAccount, body: string) => account.request('/v1/customer-offers/manual', { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  it('refuses the page’s impossible expiresAt "2025-04-31" as written with a clear 422; made real, 201 with every documented field and amount "15.67"', async () => {
    const account = await server.account('MKP manual offer');
    await withInvoiceDetails(account);
    const customerId = String((await createCustomer(account)).id);
    const problem = await expectProblem(await send(account, published(customerId, '2025-04-31')), 422, ['expiresAt']);
    assert.match(fieldMessage(problem, 'expiresAt'), /not a valid calendar date/);

    const offer = await expectCreated(await send(account, published(customerId, '2025-04-30')), '/v1/customer-offers', customerOffer, 'manual offer');
    assert.equal(offer.customerId, customerId);
    assert.equal(offer.offerNumber, '2014-001');
    assert.equal(offer.issuedAt, '2025-04-14');
    assert.equal(offer.expiresAt, '2025-04-30');
    assert.equal(offer.currency, 'EUR');
    assert.equal(offer.amount, '15.67');
    assert.equal(offer.acceptedAt, null);
    const read = await expectJson(await account.request(`/v1/customer-offers/${String(offer.id)}`), 200);
    customerOffer(read, 'GET manual offer');
    assert.deepEqual(documented(read as Json, OFFER_FIELDS), documented(offer, OFFER_FIELDS));
  });
});
