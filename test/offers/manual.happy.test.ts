import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { pdfText, withInvoiceDetails } from '../helpers/manual.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { createManualOffer, manualOfferBody, offerPdfBytes, postManualOffer, type ManualOffer } from './manual-offers.js';
import { createOffer, recordedEvents } from './offers.js';

describe('POST /v1/customer-offers/manual: happy paths', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Bakkerij de Vries');
    await withInvoiceDetails(shop);
    customerId = (await shop.createCustomer({ companyName: 'Jansen Installatietechniek', address: 'Oudegracht 1', zipCode: '3511 AB', city: 'Utrecht', primaryEmail: 'jansen@example.com' })).id;
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  it('the published example (a real expiry date): 201, Location, amount "15.67", the lines and totals, read back the same; the email goes out', async () => {
    const res = await postManualOffer(shop, { customerId, offerNumber: '2014-001', issuedAt: '2025-04-14', expiresAt: '2025-04-30', sendNotification: true, lines: [{ description: 'Website template', amountExclVat: '12.95', vatRate: 21 }] });
    assert.equal(res.status, 201, await res.clone().text());
    const offer = (await res.json()) as ManualOffer;
    assert.equal(res.headers.get('location'), `${server.url}/v1/customer-offers/${offer.id}`);
    assert.match(offer.id, /^off_[a-z0-9]{14}$/);
    assert.equal(offer.amount, '15.67');
    assert.equal(offer.currency, 'EUR');
    assert.equal(offer.expiresAt, '2025-04-30');
    assert.deepEqual(offer.lines, [{ description: 'Website template', quantity: '1', amountExclVat: '12.95', vatRate: 21, totalExclVat: '12.95', vatAmount: '2.72', amountInclVat: '15.67' }]);
    assert.equal(offer.subtotalAmount, '12.95');
    assert.equal(offer.vatAmount, '2.72');
    assert.equal(offer.invoiceId, null);
    assert.equal(offer.links.invoice, undefined);
    assert.equal(offer.acceptedAt, null);
    const read = (await (await shop.request(`/v1/customer-offers/${offer.id}`)).json()) as ManualOffer;
    assert.deepEqual(read, offer);

    const mails = await smtp.waitForDelivered((all) => all.some((m) => String(m.parsed.text).includes('2014-001')));
    const mail = mails.find((m) => String(m.parsed.text).includes('2014-001'));
    assert.match(String(mail?.parsed.text), /15,67/);
  });

  it('quantities and several rates: VAT per rate rounded once, amount = total incl. VAT', async () => {
    const offer = await createManualOffer(shop, customerId, {
      lines: [
        { description: 'Volkorenbrood, gesneden', quantity: 12, amountExclVat: '3.45', vatRate: 9 },
        { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
        { description: 'Bezorging', amountExclVat: '12.95', vatRate: 21 },
        { description: 'Korting', quantity: '0.33', amountExclVat: '-0.05', vatRate: 21 },
      ],
    });
    assert.deepEqual(offer.lines.map((l) => [l.quantity, l.totalExclVat, l.vatAmount]), [['12', '41.40', '3.73'], ['2.5', '187.50', '39.38'], ['1', '12.95', '2.72'], ['0.33', '-0.02', '0.00']]);
    assert.equal(offer.subtotalAmount, '241.83');
    assert.equal(offer.vatAmount, '45.82');
    assert.equal(offer.amount, '287.65');
  });

  it('the PDF is an offerte with the lines, totals and "geldig tot", and no payment block (nl and en)', async () => {
    const offer = await createManualOffer(shop, customerId, {
      offerNumber: 'OFF-PDF-1',
      issuedAt: '2026-12-07',
      expiresAt: '2027-01-06',
      lines: [
        { description: 'Volkorenbrood, gesneden', quantity: 12, amountExclVat: '3.45', vatRate: 9 },
        { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
      ],
    });
    const text = await pdfText(await offerPdfBytes(shop, offer.id));
    for (const expected of [
      'Offerte', 'Bakkerij de Vries', 'KvK 12345678', 'Btw-id NL123456789B01', 'Jansen Installatietechniek', '3511 AB Utrecht',
      'Offertenummer OFF-PDF-1', 'Offertedatum 7 december 2026', 'Geldig tot 6 januari 2027',
      'Volkorenbrood, gesneden 12 € 3,45 9% € 41,40', 'Taartworkshop (uren) 2,5 € 75,00 21% € 187,50',
      'Totaal excl. btw € 228,90', 'Btw 9% over € 41,40 € 3,73', 'Btw 21% over € 187,50 € 39,38', 'Totaal incl. btw € 272,01',
    ]) assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in:\n${text}`);
    for (const absent of ['Factuur', 'Scan en betaal', 'Betalingskenmerk', 'Vervaldatum']) assert.ok(!text.includes(absent), `${absent} on an offer:\n${text}`);

    const english = (await shop.createCustomer({ companyName: 'Smith Ltd', locale: 'en', address: '1 High Street', zipCode: 'SW1A 1AA', city: 'London', countryCode: 'GB' })).id;
    const en = await createManualOffer(shop, english, { offerNumber: 'OFF-EN', issuedAt: '2026-12-07', expiresAt: '2027-01-06', lines: [{ description: 'Consulting', quantity: '1.5', amountExclVat: '100.00', vatRate: 21 }] });
    const enText = await pdfText(await offerPdfBytes(shop, en.id));
    for (const expected of ['Quote', 'Quote number OFF-EN', 'Valid until', 'Consulting', '€150.00', '€31.50', '€181.50']) assert.ok(enText.includes(expected), `missing ${expected} in:\n${enText}`);
    assert.ok(!enText.includes('Scan to pay'), enText);
  });

  it('Idempotency-Key: the same request replays the same body; another body with the key is 422; one offer', async () => {
    const key = `offer-${Math.random().toString(36).slice(2)}`;
    const body = manualOfferBody(customerId, { offerNumber: 'IDEM-O-1' });
    const first = await postManualOffer(shop, body, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    const again = await postManualOffer(shop, body, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await postManualOffer(shop, { ...body, issuedAt: '2025-04-15' }, { 'idempotency-key': key })).status, 422);
    const count = await server.runtime.ctx.db.selectFrom('customer_offers').select('id').where('offer_number', '=', 'IDEM-O-1').execute();
    assert.equal(count.length, 1);
  });

  it('lists show the lines (one page of many offers); uploaded offers show lines [] and null totals', async () => {
    const other = (await shop.createCustomer()).id;
    const made: ManualOffer[] = [];
    for (let i = 0; i < 3; i++) made.push(await createManualOffer(shop, other, { lines: [{ description: `Regel ${i}`, quantity: String(i + 1), amountExclVat: '1.00', vatRate: 9 }] }));
    const uploaded = (await createOffer(shop, other)) as ManualOffer;
    assert.deepEqual(uploaded.lines, []);
    assert.equal(uploaded.subtotalAmount, null);
    assert.equal(uploaded.vatAmount, null);
    assert.equal(uploaded.invoiceId, null);
    const page = (await (await shop.request(`/v1/customer-offers?customerId=${other}&per_page=250`)).json()) as { data: ManualOffer[] };
    assert.equal(page.data.length, 4);
    for (const offer of made) assert.deepEqual(page.data.find((o) => o.id === offer.id), offer);
    assert.deepEqual(page.data.find((o) => o.id === uploaded.id)?.lines, []);
  });

  it('webhooks: offer-created, and offer-accepted after a PATCH, carry the resource with its lines', async () => {
    for (const type of ['offer-created', 'offer-accepted']) {
      const res = await shop.json('POST', '/v1/webhooks', { url: 'https://hooks.example.com/kp', type });
      assert.equal(res.status, 201, await res.clone().text());
    }
    const offer = await createManualOffer(shop, customerId, { offerNumber: 'HOOK-O-1' });
    const patched = await shop.json('PATCH', `/v1/customer-offers/${offer.id}`, { acceptedAt: '2025-04-20 10:00:00' });
    assert.equal(patched.status, 200);
    const accepted = (await patched.json()) as ManualOffer;
    assert.deepEqual(accepted.lines, offer.lines);
    const events = (await recordedEvents(server, shop.id)).filter((e) => e.data.id === offer.id);
    assert.deepEqual(events.map((e) => e.type), ['offer-created', 'offer-accepted']);
    assert.deepEqual(events[0]?.data, offer);
    assert.deepEqual(events[1]?.data, accepted);
  });

  it('the typed client: offers.createManual', async () => {
    const client = createClient({ baseUrl: server.url, apiKey: shop.apiKey });
    const offer = await client.offers.createManual({ customerId, offerNumber: 'CLIENT-O-1', issuedAt: '2025-04-14', expiresAt: '2025-05-14', lines: [{ description: 'Uur', quantity: '2', amountExclVat: '50.00', vatRate: 21 }] });
    assert.equal(offer.amount, '121.00');
    assert.equal(offer.lines[0]?.quantity, '2');
  });
});
