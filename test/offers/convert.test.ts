import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from '../../src/client/index.js';
import { manualClock } from '../helpers/clock.js';
import { pdfText, withInvoiceDetails, type ManualInvoice } from '../helpers/manual.js';
import { expectProblem, fieldMessage, type ProblemBody } from '../helpers/problem.js';
import { invoiceCount, startTestServer, storedFiles, type TestAccount, type TestServer } from '../helpers/server.js';
import { acceptOffer, convert, createManualOffer, postConversion, type ManualOffer } from './manual-offers.js';
import { createOffer, recordedEvents } from './offers.js';

describe('POST /v1/customer-offers/{id}/invoice: an accepted manual offer becomes an invoice', () => {
  // 23:30 UTC on 1 May 2025 is already 2 May in Amsterdam: the default issue date is the account's today.
  const clock = manualClock(Date.parse('2025-05-01T23:30:00Z'));
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;

  before(async () => {
    server = await startTestServer({}, { clock });
    shop = await server.account('Bakkerij de Vries');
    await withInvoiceDetails(shop);
    customerId = (await shop.createCustomer({ companyName: 'Jansen Installatietechniek', address: 'Oudegracht 1', zipCode: '3511 AB', city: 'Utrecht' })).id;
  });
  after(() => server.close());

  const LINES = [
    { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
    { description: 'Volkorenbrood', quantity: 12, amountExclVat: '3.45', vatRate: 9 },
  ];
  const accepted = async (overrides: Record<string, unknown> = {}): Promise<ManualOffer> => {
    const offer = await createManualOffer(shop, customerId, { lines: LINES, ...overrides });
    await acceptOffer(shop, offer.id);
    return offer;
  };
  const readOffer = async (id: string) => (await (await shop.request(`/v1/customer-offers/${id}`)).json()) as ManualOffer;

  it('201 + Location: a manual invoice of the same customer with the same lines and money; the offer names it', async () => {
    for (const type of ['invoice-created']) assert.equal((await shop.json('POST', '/v1/webhooks', { url: 'https://hooks.example.com/kp', type })).status, 201);
    const offer = await accepted({ offerNumber: 'CONV-OFF-1' });
    const res = await postConversion(shop, offer.id, { invoiceNumber: 'CONV-1' });
    assert.equal(res.status, 201, await res.clone().text());
    const invoice = (await res.json()) as ManualInvoice;
    assert.equal(res.headers.get('location'), `${server.url}/v1/customer-invoices/${invoice.id}`);
    assert.equal(invoice.customerId, customerId);
    assert.equal(invoice.invoiceNumber, 'CONV-1');
    assert.equal(invoice.issuedAt, '2025-05-02', 'today in Amsterdam by the injected clock');
    assert.equal(invoice.dueAt, '2025-05-16', 'issue date + the account’s 14 days');
    assert.equal(invoice.reference, 'CONV-1');
    assert.equal(invoice.amount, offer.amount);
    assert.equal(invoice.subtotalAmount, offer.subtotalAmount);
    assert.equal(invoice.vatAmount, offer.vatAmount);
    assert.deepEqual(invoice.lines, offer.lines);
    assert.equal(invoice.paidAt, null);
    // Read back the same, and the offer points at it.
    assert.deepEqual(await (await shop.request(`/v1/customer-invoices/${invoice.id}`)).json(), invoice);
    const after_ = await readOffer(offer.id);
    assert.equal(after_.invoiceId, invoice.id);
    assert.deepEqual(after_.links.invoice, { href: `${server.url}/v1/customer-invoices/${invoice.id}`, type: 'application/json' });
    // The invoice's PDF is a real invoice with the offer's lines.
    const text = await pdfText(new Uint8Array(await (await shop.downloadPdf(invoice.id)).arrayBuffer()));
    for (const expected of ['Factuur', 'Factuurnummer CONV-1', 'Taartworkshop (uren) 2,5 € 75,00 21% € 187,50', 'Volkorenbrood 12 € 3,45 9% € 41,40', 'Scan en betaal']) {
      assert.ok(text.includes(expected), `missing ${expected} in:\n${text}`);
    }
    const events = (await recordedEvents(server, shop.id)).filter((e) => e.type === 'invoice-created' && e.data.id === invoice.id);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]?.data, invoice);
  });

  it('takes issuedAt, dueAt, deliveredAt, reference and sendNotification', async () => {
    const offer = await accepted();
    const invoice = await convert(shop, offer.id, { invoiceNumber: 'CONV-2', issuedAt: '2025-05-05', dueAt: '2025-06-05', deliveredAt: '2025-05-03', reference: 'Offerte 2014-001', sendNotification: true });
    assert.equal(invoice.issuedAt, '2025-05-05');
    assert.equal(invoice.dueAt, '2025-06-05');
    assert.equal(invoice.deliveredAt, '2025-05-03');
    assert.equal(invoice.reference, 'Offerte 2014-001');
    assert.equal(invoice.notification?.status, 'queued');
  });

  it('409: not accepted, rejected, uploaded (no lines), already converted (naming the invoice); nothing is made', async () => {
    const open = await createManualOffer(shop, customerId);
    const rejected = await createManualOffer(shop, customerId);
    assert.equal((await shop.json('PATCH', `/v1/customer-offers/${rejected.id}`, { rejectedAt: '2025-04-20 10:00:00' })).status, 200);
    const uploaded = await createOffer(shop, customerId);
    await acceptOffer(shop, uploaded.id);
    const converted = await accepted();
    const first = await convert(shop, converted.id, { invoiceNumber: 'CONV-3' });

    const invoices = await invoiceCount(server);
    const files = await storedFiles(server);
    const problems = [
      await expectProblem(await postConversion(shop, open.id, { invoiceNumber: 'CONV-X1' }), 409),
      await expectProblem(await postConversion(shop, rejected.id, { invoiceNumber: 'CONV-X2' }), 409),
      await expectProblem(await postConversion(shop, uploaded.id, { invoiceNumber: 'CONV-X3' }), 409),
      await expectProblem(await postConversion(shop, converted.id, { invoiceNumber: 'CONV-X4' }), 409),
    ];
    assert.match(problems[0]?.detail ?? '', /not accepted/);
    assert.match(problems[1]?.detail ?? '', /rejected/);
    assert.match(problems[2]?.detail ?? '', /uploaded/);
    assert.ok(problems[3]?.detail.includes(first.id), problems[3]?.detail);
    assert.match(fieldMessage(problems[3] as ProblemBody, 'id'), new RegExp(first.id));
    assert.equal(await invoiceCount(server), invoices, 'no invoice was made');
    assert.deepEqual(await storedFiles(server), files, 'no PDF was kept');
    // A taken invoice number is the invoices' own 409.
    const other = await accepted();
    await expectProblem(await postConversion(shop, other.id, { invoiceNumber: 'CONV-3' }), 409, ['invoiceNumber']);
    assert.equal((await readOffer(other.id)).invoiceId, null);
  });

  it('404 for an unknown offer or another account’s; 422 for every bad field at once', async () => {
    await expectProblem(await postConversion(shop, 'off_doesnotexist00', { invoiceNumber: 'X' }), 404);
    const other = await server.account('Ander');
    await withInvoiceDetails(other);
    const theirs = await createManualOffer(other, (await other.createCustomer()).id);
    await acceptOffer(other, theirs.id);
    await expectProblem(await postConversion(shop, theirs.id, { invoiceNumber: 'X' }), 404);

    const offer = await accepted();
    const problem = await expectProblem(
      await postConversion(shop, offer.id, { invoiceNumber: '', issuedAt: '2025-02-30', dueAt: 5, deliveredAt: 'gisteren', reference: '', sendNotification: 'ja', lines: [] }),
      422,
      ['invoiceNumber', 'issuedAt', 'dueAt', 'deliveredAt', 'reference', 'sendNotification', 'lines'],
    );
    assert.match(fieldMessage(problem, 'lines'), /not a known field/);
    await expectProblem(await postConversion(shop, offer.id, {}), 422, ['invoiceNumber']);
    await expectProblem(await postConversion(shop, offer.id, { invoiceNumber: 'X', issuedAt: '2025-05-10', dueAt: '2025-05-09' }), 422, ['dueAt']);
    await expectProblem(await shop.request(`/v1/customer-offers/${offer.id}/invoice`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
    assert.equal((await readOffer(offer.id)).invoiceId, null);
  });

  it('two concurrent conversions make exactly one invoice; the other is 409', async () => {
    for (let round = 0; round < 3; round++) {
      const offer = await accepted();
      const before_ = await invoiceCount(server);
      const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => postConversion(shop, offer.id, { invoiceNumber: `RACE-${round}-${i}` })));
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409, 409, 409], `round ${round}`);
      const winner = (await answers.find((r) => r.status === 201)?.json()) as ManualInvoice;
      assert.equal(await invoiceCount(server), before_ + 1);
      assert.equal((await readOffer(offer.id)).invoiceId, winner.id);
      for (const r of answers) await r.arrayBuffer().catch(() => undefined);
    }
  });

  it('Idempotency-Key: a retry replays the same invoice; another body with the key is 422', async () => {
    const offer = await accepted();
    const key = `conv-${Math.random().toString(36).slice(2)}`;
    const first = await postConversion(shop, offer.id, { invoiceNumber: 'IDEM-C-1' }, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    const again = await postConversion(shop, offer.id, { invoiceNumber: 'IDEM-C-1' }, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal((await postConversion(shop, offer.id, { invoiceNumber: 'IDEM-C-2' }, { 'idempotency-key': key })).status, 422);
  });

  it('deleting the invoice frees the offer (invoiceId null again); the typed client: offers.toInvoice', async () => {
    const offer = await accepted();
    const client = createClient({ baseUrl: server.url, apiKey: shop.apiKey });
    const invoice = await client.offers.toInvoice(offer.id, { invoiceNumber: 'CLIENT-C-1' });
    assert.equal(invoice.amount, offer.amount);
    assert.equal((await client.offers.get(offer.id)).invoiceId, invoice.id);
    await client.invoices.delete(invoice.id);
    const freed = await readOffer(offer.id);
    assert.equal(freed.invoiceId, null);
    assert.equal(freed.links.invoice, undefined);
  });
});
