import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { createManual, manualBody, pdfText, withInvoiceDetails, type ManualInvoice } from '../helpers/manual.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

describe('POST /v1/customer-invoices/manual: happy paths', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Bakkerij de Vries');
    await withInvoiceDetails(shop);
    customerId = (await shop.createCustomer({ companyName: 'Jansen Installatietechniek', address: 'Oudegracht 1', zipCode: '3511 AB', city: 'Utrecht' })).id;
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  async function create(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<ManualInvoice> {
    const res = await createManual(shop, manualBody(customerId, overrides), headers);
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as ManualInvoice;
  }

  const pdfOf = async (id: string) => pdfText(new Uint8Array(await (await shop.downloadPdf(id)).arrayBuffer()));

  it('the published example: 201, Location, amount "15.67" (12.95 at 21 %), the lines and totals, read back the same', async () => {
    const res = await createManual(shop, { customerId, invoiceNumber: '2015-001', issuedAt: '2025-04-14', sendNotification: true, lines: [{ description: 'Website template', amountExclVat: '12.95', vatRate: 21 }] });
    assert.equal(res.status, 201, await res.clone().text());
    const body = (await res.json()) as ManualInvoice;
    assert.equal(res.headers.get('location'), `${server.url}/v1/customer-invoices/${body.id}`);
    assert.equal(body.amount, '15.67');
    assert.equal(body.currency, 'EUR');
    assert.equal(body.issuedAt, '2025-04-14');
    assert.equal(body.paidAt, null);
    assert.deepEqual(body.lines, [{ description: 'Website template', quantity: '1', amountExclVat: '12.95', vatRate: 21, totalExclVat: '12.95', vatAmount: '2.72', amountInclVat: '15.67' }]);
    assert.equal(body.subtotalAmount, '12.95');
    assert.equal(body.vatAmount, '2.72');
    assert.equal(body.dueAt, '2025-04-28', 'issuedAt + the account’s 14 days');
    assert.equal(body.deliveredAt, '2025-04-14', 'the issue date');
    assert.equal(body.reference, '2015-001', 'the invoice number');
    assert.equal(body.creditedInvoiceId, null);
    assert.equal(body.notification?.status, 'queued');
    // Read back the same (but the email's state, which the worker moves on meanwhile).
    const read = (await (await shop.request(`/v1/customer-invoices/${body.id}`)).json()) as ManualInvoice;
    assert.deepEqual({ ...read, notification: null }, { ...body, notification: null });

    // The notification goes out like an upload's: an email naming the number and the amount.
    const mails = await smtp.waitForDelivered((all) => all.some((m) => String(m.parsed.text).includes('2015-001')));
    const mail = mails.find((m) => String(m.parsed.text).includes('2015-001'));
    assert.match(String(mail?.parsed.text), /15,67/);
  });

  it('quantities (string or number, two decimals), several rates, VAT per rate rounded once', async () => {
    const invoice = await create({
      lines: [
        { description: 'Volkorenbrood, gesneden', quantity: 12, amountExclVat: '3.45', vatRate: 9 },
        { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
        { description: 'Bezorging', amountExclVat: '12.95', vatRate: 21 },
        { description: 'Statiegeld kratten', quantity: 1, amountExclVat: '5', vatRate: 0 },
        { description: 'Korting', quantity: '0.33', amountExclVat: '-0.05', vatRate: 21 },
      ],
    });
    assert.deepEqual(invoice.lines.map((l) => [l.quantity, l.amountExclVat, l.totalExclVat, l.vatAmount, l.amountInclVat]), [
      ['12', '3.45', '41.40', '3.73', '45.13'],
      ['2.5', '75.00', '187.50', '39.38', '226.88'],
      ['1', '12.95', '12.95', '2.72', '15.67'],
      ['1', '5.00', '5.00', '0.00', '5.00'],
      ['0.33', '-0.05', '-0.02', '0.00', '-0.02'],
    ]);
    // 21 %: 187.50 + 12.95 - 0.02 = 200.43 → 42.0903 → 42.09 (the lines' own VAT adds up to 42.10).
    assert.equal(invoice.subtotalAmount, '246.83');
    assert.equal(invoice.vatAmount, '45.82');
    assert.equal(invoice.amount, '292.65');
  });

  it('the PDF holds the lines, the VAT per rate, the totals, the dates and the reference as text (nl and en)', async () => {
    const invoice = await create({
      invoiceNumber: 'PDF-001',
      issuedAt: '2026-12-07',
      deliveredAt: '2026-12-04',
      dueAt: '2026-12-21',
      reference: 'Bestelling 981-A',
      lines: [
        { description: 'Volkorenbrood, gesneden', quantity: 12, amountExclVat: '3.45', vatRate: 9 },
        { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
      ],
    });
    assert.equal(invoice.dueAt, '2026-12-21');
    assert.equal(invoice.deliveredAt, '2026-12-04');
    assert.equal(invoice.reference, 'Bestelling 981-A');
    const text = await pdfOf(invoice.id);
    for (const expected of [
      'Factuur', 'Bakkerij de Vries', 'Prinsengracht 263', '1016 GV Amsterdam', 'KvK 12345678', 'Btw-id NL123456789B01', 'IBAN NL91ABNA0417164300',
      'Jansen Installatietechniek', 'Oudegracht 1', '3511 AB Utrecht',
      'Factuurnummer PDF-001', 'Factuurdatum 7 december 2026', 'Leveringsdatum 4 december 2026', 'Vervaldatum 21 december 2026', 'Betalingskenmerk Bestelling 981-A',
      'Volkorenbrood, gesneden 12 € 3,45 9% € 41,40', 'Taartworkshop (uren) 2,5 € 75,00 21% € 187,50',
      'Totaal excl. btw € 228,90', 'Btw 9% over € 41,40 € 3,73', 'Btw 21% over € 187,50 € 39,38', 'Totaal incl. btw € 272,01',
      'Scan en betaal',
    ]) assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in:\n${text}`);

    const english = (await shop.createCustomer({ companyName: 'Smith Ltd', locale: 'en', address: '1 High Street', zipCode: 'SW1A 1AA', city: 'London', countryCode: 'GB' })).id;
    const en = await create({ customerId: english, invoiceNumber: 'PDF-EN', issuedAt: '2026-12-07', lines: [{ description: 'Consulting', quantity: '1.5', amountExclVat: '100.00', vatRate: 21 }] });
    const enText = await pdfOf(en.id);
    for (const expected of ['Invoice', 'Smith Ltd', 'Consulting', '€150.00', '€31.50', '€181.50']) assert.ok(enText.includes(expected), `missing ${expected} in:\n${enText}`);
  });

  it('a paid invoice (paidAt as the upload takes it) is created paid and its PDF carries no QR code', async () => {
    const invoice = await create({ paidAt: '2025-04-20 12:59:00' });
    assert.equal(invoice.paidAt, '2025-04-20T12:59:00+02:00');
    const text = await pdfOf(invoice.id);
    assert.ok(!text.includes('Scan en betaal'), text);
  });

  it('a credit note of an invoice: negative total, creditedInvoiceId, the PDF is a creditfactuur naming that invoice; no due date by default', async () => {
    const original = await create({ invoiceNumber: 'ORIG-1' });
    const credit = await create({ invoiceNumber: 'CRED-1', creditedInvoiceId: original.id, lines: [{ description: 'Website template (retour)', amountExclVat: '-12.95', vatRate: 21 }] });
    assert.equal(credit.amount, '-15.67');
    assert.equal(credit.vatAmount, '-2.72');
    assert.equal(credit.creditedInvoiceId, original.id);
    assert.equal(credit.dueAt, null);
    const text = await pdfOf(credit.id);
    assert.match(text, /Creditfactuur/);
    assert.ok(text.includes('ORIG-1'), text);
    assert.ok(!text.includes('Scan en betaal'), 'nothing to pay');

    // Without creditedInvoiceId a negative total is still a credit note, naming no invoice.
    const loose = await create({ invoiceNumber: 'CRED-2', lines: [{ description: 'Tegoed', amountExclVat: '-10.00', vatRate: 21 }] });
    assert.equal(loose.amount, '-12.10');
    assert.equal(loose.creditedInvoiceId, null);
    assert.match(await pdfOf(loose.id), /Creditfactuur/);

    // Deleting the credited invoice leaves the credit note, pointing nowhere.
    assert.equal((await shop.request(`/v1/customer-invoices/${original.id}`, { method: 'DELETE' })).status, 204);
    const after_ = (await (await shop.request(`/v1/customer-invoices/${credit.id}`)).json()) as ManualInvoice;
    assert.equal(after_.creditedInvoiceId, null);
  });

  it('Idempotency-Key: the same request replays the same body, the same key with another body is 422, one invoice', async () => {
    const key = `manual-${Math.random().toString(36).slice(2)}`;
    const body = manualBody(customerId, { invoiceNumber: 'IDEM-1' });
    const first = await createManual(shop, body, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    const again = await createManual(shop, body, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    const other = await createManual(shop, { ...body, issuedAt: '2025-04-15' }, { 'idempotency-key': key });
    assert.equal(other.status, 422);
    const list = (await (await shop.request('/v1/customer-invoices?invoiceNumber=IDEM-1')).json()) as { data: unknown[] };
    assert.equal(list.data.length, 1);
  });

  it('lists show the lines (one page of many manual invoices), uploads show lines [] and null extensions', async () => {
    const other = (await shop.createCustomer()).id;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await create({ customerId: other, lines: [{ description: `Regel ${i}`, quantity: String(i + 1), amountExclVat: '1.00', vatRate: 9 }] }));
    const upload = await shop.createInvoice(validInvoice(other));
    assert.equal(upload.status, 201);
    const uploaded = (await upload.json()) as ManualInvoice;
    assert.deepEqual(uploaded.lines, []);
    for (const field of ['subtotalAmount', 'vatAmount', 'dueAt', 'deliveredAt', 'reference', 'creditedInvoiceId'] as const) assert.equal(uploaded[field], null, field);
    const page = (await (await shop.request(`/v1/customer-invoices?customerId=${other}&per_page=250`)).json()) as { data: ManualInvoice[] };
    assert.equal(page.data.length, 4);
    for (const invoice of made) assert.deepEqual(page.data.find((i) => i.id === invoice.id), invoice);
    assert.deepEqual(page.data.find((i) => i.id === uploaded.id)?.lines, []);
  });

  it('webhooks: invoice-created (and invoice-paid when created paid) carry the resource with its lines', async () => {
    for (const type of ['invoice-created', 'invoice-paid']) {
      const res = await shop.json('POST', '/v1/webhooks', { url: 'https://hooks.example.com/kp', type });
      assert.equal(res.status, 201, await res.clone().text());
    }
    const invoice = await create({ invoiceNumber: 'HOOK-1', paidAt: '2025-04-20T10:00:00Z' });
    const events = await server.runtime.ctx.db.selectFrom('webhook_events').select(['type', 'payload']).where('account_id', '=', shop.id).execute();
    const ofInvoice = events.map((e) => JSON.parse(e.payload) as { type: string; data: ManualInvoice }).filter((e) => e.data.id === invoice.id);
    assert.deepEqual(ofInvoice.map((e) => e.type).sort(), ['invoice-created', 'invoice-paid']);
    for (const event of ofInvoice) assert.deepEqual(event.data, invoice);
  });

  it('the typed client: invoices.createManual', async () => {
    const client = createClient({ baseUrl: server.url, apiKey: shop.apiKey });
    const invoice = await client.invoices.createManual({ customerId, invoiceNumber: 'CLIENT-1', issuedAt: '2025-04-14', lines: [{ description: 'Uur', quantity: '2', amountExclVat: '50.00', vatRate: 21 }] });
    assert.equal(invoice.amount, '121.00');
    assert.equal(invoice.lines[0]?.quantity, '2');
  });
});
