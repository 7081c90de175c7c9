import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { startMailWorker, type Workers } from '../../src/workers.js';
import { manualClock, type ManualClock } from '../helpers/clock.js';
import { Browser, csrfOf, signIn, text } from '../helpers/portal.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { INVOICE_DETAILS, withInvoiceDetails } from '../helpers/manual.js';
import { createOffer, type OfferBody } from '../offers/offers.js';
import { drawnSignature, eventCount, offerLinkPath, outboxCount, subscribeToDecisions } from './offer-helpers.js';

/**
 * Offers in the portal over HTTP: the signed-in list and page, the email link's page, accepting by a drawn or typed
 * signature, rejecting with a reason, the races, the offer's last day (by the injected clock, in the account's time
 * zone), and the business's email. The drawing in real Chromium is in offers-browser.test.ts.
 */
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
type Offer = OfferBody;

describe('portal offers: list, page, accept by signature, reject with a reason', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let workers: Workers;
  let clock: ManualClock;
  let shop: TestAccount;
  let alice: { id: string };
  let bob: { id: string };
  const browser = () => new Browser(server.url);
  let aliceBrowser: Browser;

  before(async () => {
    smtp = await startTestSmtp();
    clock = manualClock(Date.parse('2024-06-01T10:00:00Z'));
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { clock });
    // The mail worker only: webhook records point at example.com and stay pending.
    workers = startMailWorker(server.runtime.ctx.db, server.runtime.ctx.config, quiet);
    shop = await server.account('Bakkerij <de Vries>');
    assert.equal((await shop.json('PATCH', '/v1/account', { email: 'owner@bakkerij.example' })).status, 200);
    await subscribeToDecisions(shop);
    alice = await shop.createCustomer({ companyName: 'Alice & Co', primaryEmail: 'alice@example.com', locale: 'nl' });
    bob = await shop.createCustomer({ companyName: 'Bob', primaryEmail: 'bob@example.com', locale: 'en' });
    aliceBrowser = browser();
    await signIn(aliceBrowser, smtp, shop.id, 'alice@example.com');
  });
  after(async () => {
    await workers?.stop();
    await server?.close();
    await smtp?.stop();
  });

  const get = async (id: string) => (await (await shop.request(`/v1/customer-offers/${id}`)).json()) as Offer;
  const businessMails = (number: string) => smtp.delivered().filter((m) => m.recipients.includes('owner@bakkerij.example') && String(m.parsed.subject).includes(number));
  const waitForBusinessMail = async (number: string): Promise<ReceivedMail> => {
    await smtp.waitForDelivered(() => businessMails(number).length > 0);
    const [mail] = businessMails(number);
    assert.ok(mail);
    return mail;
  };
  /** Posts one of an offer page's forms with the page's CSRF token. */
  const post = async (who: Browser, pagePath: string, kind: 'accept' | 'reject', fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const page = await who.page(pagePath);
    assert.equal(page.status, 200, page.html);
    const action = `${pagePath}/${kind}`;
    return who.request(action, { form: { csrf: csrfOf(page.html, action), ...fields }, headers });
  };

  it('lists her offers of this business only, with number, dates, amount, status, and filters by status', async () => {
    const open = await createOffer(shop, alice.id, { offerNumber: 'A-open', amount: '1234.5', issuedAt: '2024-05-01', expiresAt: '2024-07-01' });
    const accepted = await createOffer(shop, alice.id, { offerNumber: 'A-accepted' });
    const rejected = await createOffer(shop, alice.id, { offerNumber: 'A-rejected' });
    await createOffer(shop, alice.id, { offerNumber: 'A-expired', issuedAt: '2024-04-01', expiresAt: '2024-05-31' });
    await createOffer(shop, bob.id, { offerNumber: 'B-open' });
    assert.equal((await shop.json('PATCH', `/v1/customer-offers/${accepted.id}`, { acceptedAt: '2024-05-04 20:51:50' })).status, 200);
    assert.equal((await shop.json('PATCH', `/v1/customer-offers/${rejected.id}`, { rejectedAt: '2024-05-05 10:00:00' })).status, 200);

    const list = await aliceBrowser.page('/portal/offers');
    assert.equal(list.status, 200, list.html);
    assert.match(list.html, /<a href="\/portal\/offers" aria-current="page">Offertes<\/a>/);
    assert.match(list.html, /<a href="\/portal\/invoices">Facturen<\/a>/);
    const numbers = [...list.html.matchAll(/<a href="\/portal\/offers\/off_\w+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(numbers.sort(), ['A-accepted', 'A-expired', 'A-open', 'A-rejected']);
    assert.match(list.html, /€\s1\.234,50/);
    assert.match(list.html, /1 mei 2024/);
    assert.match(list.html, /1 juli 2024/);
    assert.match(list.html, /Geaccepteerd op 4 mei 2024/);
    assert.match(list.html, /Afgewezen op 5 mei 2024/);
    assert.match(list.html, /Verlopen/);
    for (const [status, number] of [['open', 'A-open'], ['accepted', 'A-accepted'], ['rejected', 'A-rejected'], ['expired', 'A-expired']]) {
      const filtered = await aliceBrowser.page(`/portal/offers?status=${status}`);
      assert.deepEqual([...filtered.html.matchAll(/<a href="\/portal\/offers\/off_\w+">([^<]+)<\/a>/g)].map((m) => m[1]), [number], status);
    }
    // The invoices page has the same navigation.
    assert.match((await aliceBrowser.page('/portal/invoices')).html, /<a href="\/portal\/invoices" aria-current="page">Facturen<\/a>/);

    const page = await aliceBrowser.page(`/portal/offers/${open.id}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Offerte A-open<\/h1>/);
    assert.match(page.html, /<span class="open">Openstaand<\/span>/);
    assert.match(page.html, new RegExp(`<iframe class="pdf" src="/portal/offers/${open.id}/pdf"`));
    assert.match(page.html, /data-signature-field/);
    assert.match(page.html, /name="reason"/);
    const pdf = await aliceBrowser.request(`/portal/offers/${open.id}/pdf?download=1`);
    assert.equal(pdf.status, 200);
    assert.match(String(pdf.headers['content-disposition']), /^attachment/);
    assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
    // Decided and expired offers have no forms.
    assert.doesNotMatch((await aliceBrowser.page(`/portal/offers/${accepted.id}`)).html, /data-signature-field/);
  });

  it('another customer’s offer, and a signed-out visitor, get nothing; nothing changes', async () => {
    const bobs = await createOffer(shop, bob.id, { offerNumber: 'B-private' });
    for (const path of [`/portal/offers/${bobs.id}`, `/portal/offers/${bobs.id}/pdf`]) assert.equal((await aliceBrowser.request(path)).status, 404, path);
    const csrf = csrfOf((await aliceBrowser.page('/portal/offers')).html, '/portal/sign-out');
    for (const kind of ['accept', 'reject']) {
      const res = await aliceBrowser.request(`/portal/offers/${bobs.id}/${kind}`, { form: { csrf, signatureName: 'Alice Smit', reason: 'no' } });
      assert.equal(res.status, 404, text(res));
    }
    assert.equal((await browser().request('/portal/offers')).status, 401);
    assert.equal((await browser().request(`/portal/offers/${bobs.id}/accept`, { form: { signatureName: 'Eve Evil' } })).status, 401);
    assert.equal((await get(bobs.id)).status, 'open');
  });

  it('rejects with a reason: 303 to the page, the API shows it, one webhook event, and the business is emailed', async () => {
    const offer = await createOffer(shop, alice.id, { offerNumber: 'R-1', amount: '99.5' });
    const path = `/portal/offers/${offer.id}`;
    const [rejections, acceptances] = [await eventCount(server, shop.id, 'offer-rejected'), await eventCount(server, shop.id, 'offer-accepted')];
    const res = await post(aliceBrowser, path, 'reject', { reason: 'Te duur <voor ons>' });
    assert.equal(res.status, 303, text(res));
    assert.equal(res.headers.location, `${path}?done=rejected`);
    const after_ = await aliceBrowser.page(`${path}?done=rejected`);
    assert.match(after_.html, /U heeft deze offerte afgewezen\./);
    assert.match(after_.html, /Afgewezen op 1 juni 2024/);
    assert.match(after_.html, /Reden: Te duur &lt;voor ons&gt;/);
    assert.doesNotMatch(after_.html, /data-signature-field/);
    const api = await get(offer.id);
    assert.equal(api.status, 'rejected');
    assert.equal(api.rejectedAt, '2024-06-01T12:00:00+02:00', 'now by the injected clock, in the account’s zone');
    assert.equal(api.rejectionReason, 'Te duur <voor ons>');
    assert.equal(api.acceptedAt, null);
    assert.equal(await eventCount(server, shop.id, 'offer-rejected'), rejections + 1);
    const mail = await waitForBusinessMail('R-1');
    assert.equal(mail.parsed.subject, 'Offerte R-1 afgewezen door Alice & Co');
    assert.match(String(mail.parsed.text), /Reden: Te duur <voor ons>/);
    assert.match(String(mail.parsed.text), /Bedrag: €\s99,50/);
    assert.match(String(mail.parsed.html), /Te duur &lt;voor ons&gt;/);

    // Decided once: accepting now (or rejecting again) is a 409 page that says so, and nothing changes.
    const again = await aliceBrowser.request(`${path}/accept`, { form: { csrf: csrfOf(after_.html, '/portal/sign-out'), signatureName: 'Alice Smit' } });
    assert.equal(again.status, 409, text(again));
    assert.match(text(again), /Deze offerte was al afgewezen op 1 juni 2024\. Er is niets veranderd\./);
    assert.deepEqual(await get(offer.id), api);
    assert.equal(await eventCount(server, shop.id, 'offer-accepted'), acceptances);
    assert.equal((await shop.json('PATCH', `/v1/customer-offers/${offer.id}`, { acceptedAt: '2024-06-02 10:00:00' })).status, 409);
  });

  it('a manual offer: its page lists the lines; accepted with a drawing, it becomes an invoice with the same lines', async () => {
    await withInvoiceDetails(shop, { ...INVOICE_DETAILS, email: 'owner@bakkerij.example' });
    const lines = [
      { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
      { description: 'Volkorenbrood, gesneden', quantity: '12', amountExclVat: '3.45', vatRate: 9 },
    ];
    const created = await shop.json('POST', '/v1/customer-offers/manual', { customerId: alice.id, offerNumber: 'L-1', issuedAt: '2024-06-01', expiresAt: '2024-06-30', lines });
    assert.equal(created.status, 201, await created.clone().text());
    const offer = (await created.json()) as Offer & { amount: string };
    assert.equal(offer.amount, '272.01', '187.50 + 41.40 = 228.90; VAT 39.38 (21 %) + 3.73 (9 %)');
    const pagePath = `/portal/offers/${offer.id}`;
    const page = await aliceBrowser.page(pagePath);
    assert.equal(page.status, 200, page.html);
    const rows = [...page.html.matchAll(/<tr>\s*<td data-label="[^"]*">([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g)].map((m) => m.slice(1).map((cell) => cell.replace(/\s+/g, ' ')).join(' | '));
    assert.deepEqual(rows, ['Taartworkshop (uren) | 2,5 | € 75,00 | 21% | € 187,50', 'Volkorenbrood, gesneden | 12 | € 3,45 | 9% | € 41,40']);

    const accepted = await post(aliceBrowser, pagePath, 'accept', { signature: drawnSignature(7), signatureName: '' });
    assert.equal(accepted.status, 303, text(accepted));
    const converted = await shop.json('POST', `/v1/customer-offers/${offer.id}/invoice`, { invoiceNumber: 'F-L-1' });
    assert.equal(converted.status, 201, await converted.clone().text());
    const invoice = (await converted.json()) as { id: string; amount: string; lines: { description: string; quantity: string; amountExclVat: string }[] };
    assert.equal(invoice.amount, '272.01');
    assert.deepEqual(invoice.lines.map((l) => [l.description, l.quantity, l.amountExclVat]), [['Taartworkshop (uren)', '2.5', '75.00'], ['Volkorenbrood, gesneden', '12', '3.45']]);
    const after = (await get(offer.id)) as Offer & { invoiceId: string | null };
    assert.equal(after.invoiceId, invoice.id);
    assert.equal(after.acceptanceSignatureType, 'drawn');
  });

  it('accepts by a typed name on the email link without signing in: IP, User-Agent, name, no drawing', async () => {
    const offer = await createOffer(shop, bob.id, { offerNumber: 'T-1' });
    const link = await offerLinkPath(server, shop, offer.id);
    const visitor = browser();
    const page = await visitor.page(link);
    assert.match(page.html, /<html lang="en">/);
    assert.match(page.html, /Accept offer/);
    // The form needs the cookie the page set (signed double-submit): without it, 403 and nothing changes.
    const action = `${link}/accept`;
    const forged = await browser().request(action, { form: { csrf: csrfOf(page.html, action), signatureName: 'Bob Jansen' } });
    assert.equal(forged.status, 403);
    assert.equal((await get(offer.id)).status, 'open');

    const res = await post(visitor, link, 'accept', { signature: '', signatureName: '  Bob   Jansen ' }, { 'user-agent': 'Mozilla/5.0 (KlantportaalTest)' });
    assert.equal(res.status, 303, text(res));
    assert.equal(res.headers.location, `${link}?done=accepted`);
    const shown = await visitor.page(`${link}?done=accepted`);
    assert.match(shown.html, /Thank you: you have accepted this offer\./);
    assert.match(shown.html, /Signed with the typed name Bob Jansen/);
    const api = await get(offer.id);
    assert.equal(api.status, 'accepted');
    assert.equal(api.acceptedAt, '2024-06-01T12:00:00+02:00');
    assert.equal(api.acceptedViaIp, '127.0.0.1');
    assert.equal(api.acceptedViaUserAgent, 'Mozilla/5.0 (KlantportaalTest)');
    assert.equal(api.acceptanceSignature, null);
    assert.equal(api.acceptanceSignatureType, 'typed');
    assert.equal(api.acceptedByName, 'Bob Jansen');
    const mail = await waitForBusinessMail('T-1');
    assert.equal(mail.parsed.subject, 'Offerte T-1 geaccepteerd door Bob', 'the business’s email is Dutch');
    assert.match(String(mail.parsed.text), /Ondertekend: met de getypte naam/);
    assert.match(String(mail.parsed.text), /IP-adres: 127\.0\.0\.1/);
  });

  it('accepts a drawing: the PNG is stored as its data URL; a blank, broken or missing one is a 422 with the page, nothing changed', async () => {
    const offer = await createOffer(shop, alice.id, { offerNumber: 'D-1' });
    const path = `/portal/offers/${offer.id}`;
    const blank = `data:image/png;base64,${PNG.sync.write(new PNG({ width: 600, height: 200 })).toString('base64')}`;
    for (const [fields, message] of [
      [{ signature: blank, signatureName: '' }, /De handtekening is leeg/],
      [{ signature: 'data:image/png;base64,AAAA', signatureName: '' }, /De handtekening kwam niet goed door/],
      [{ signature: '', signatureName: '' }, /Teken uw handtekening of typ uw volledige naam/],
      [{ signature: '', signatureName: '1234' }, /Typ uw naam in letters/],
    ] as const) {
      const res = await post(aliceBrowser, path, 'accept', fields);
      assert.equal(res.status, 422, text(res));
      assert.match(text(res), message);
      assert.match(text(res), /role="alert"/);
    }
    const tooLong = await post(aliceBrowser, path, 'reject', { reason: 'x'.repeat(2001) });
    assert.equal(tooLong.status, 422);
    assert.match(text(tooLong), /ten hoogste 2000 tekens/);
    assert.equal((await get(offer.id)).status, 'open');

    const signature = drawnSignature(7);
    const res = await post(aliceBrowser, path, 'accept', { signature, signatureName: 'Alice Smit' });
    assert.equal(res.status, 303, text(res));
    const api = await get(offer.id);
    assert.equal(api.acceptanceSignature, signature);
    assert.equal(api.acceptanceSignatureType, 'drawn');
    assert.equal(api.acceptedByName, 'Alice Smit');
    assert.match((await aliceBrowser.page(path)).html, /Ondertekend met een getekende handtekening door Alice Smit/);
  });

  it('two tabs accept at the same moment: exactly one wins, one signature, one webhook event, one email', async () => {
    for (let round = 0; round < 4; round += 1) {
      const number = `C-${round}`;
      const offer = await createOffer(shop, alice.id, { offerNumber: number });
      const path = `/portal/offers/${offer.id}`;
      const html = (await aliceBrowser.page(path)).html;
      const csrf = csrfOf(html, `${path}/accept`);
      const events = await eventCount(server, shop.id, 'offer-accepted');
      const mails = await outboxCount(server, shop.id, 'offer-decided');
      const signatures = [drawnSignature(1), drawnSignature(2), drawnSignature(3)];
      const answers = await Promise.all(signatures.map((signature) => aliceBrowser.request(`${path}/accept`, { form: { csrf, signature } })));
      assert.deepEqual(answers.map((a) => a.status).sort(), [303, 409, 409], number);
      const winner = signatures[answers.findIndex((a) => a.status === 303)];
      for (const loser of answers.filter((a) => a.status === 409)) assert.match(text(loser), /Deze offerte was al geaccepteerd op 1 juni 2024/);
      const api = await get(offer.id);
      assert.equal(api.acceptanceSignature, winner, 'the winner’s drawing is the one stored');
      assert.equal(await eventCount(server, shop.id, 'offer-accepted'), events + 1);
      assert.equal(await outboxCount(server, shop.id, 'offer-decided'), mails + 1);
      await waitForBusinessMail(number);
    }
    // Every email has gone out by now: still one per offer.
    for (let round = 0; round < 4; round += 1) assert.equal(businessMails(`C-${round} `).length, 1);
  });

  it('the offer’s last day is counted in the account’s time zone: after it, nothing can be decided', async () => {
    const offer = await createOffer(shop, alice.id, { offerNumber: 'E-1', issuedAt: '2024-06-01', expiresAt: '2024-06-30' });
    const path = `/portal/offers/${offer.id}`;
    // 23:30 on its last day in Amsterdam (21:30 UTC): still open.
    clock.set(Date.parse('2024-06-30T21:30:00Z'));
    const html = (await aliceBrowser.page(path)).html;
    assert.match(html, /data-signature-field/);
    const csrf = csrfOf(html, `${path}/accept`);
    // 00:30 the next day in Amsterdam, still June 30 in UTC: expired.
    clock.set(Date.parse('2024-06-30T22:30:00Z'));
    try {
      for (const [kind, fields] of [['accept', { signatureName: 'Alice Smit' }], ['reject', { reason: '' }]] as const) {
        const res = await aliceBrowser.request(`${path}/${kind}`, { form: { csrf, ...fields } });
        assert.equal(res.status, 409, text(res));
        assert.match(text(res), /Deze offerte was geldig tot en met 30 juni 2024 en is verlopen/);
      }
      const api = await get(offer.id);
      assert.equal(api.status, 'expired');
      assert.equal(api.acceptedAt, null);
      assert.equal(api.rejectedAt, null);
      assert.doesNotMatch((await aliceBrowser.page(path)).html, /data-signature-field/);
    } finally {
      clock.set(Date.parse('2024-06-01T10:00:00Z'));
    }
  });

  it('forms need the session’s CSRF token', async () => {
    const offer = await createOffer(shop, alice.id, { offerNumber: 'X-1' });
    for (const csrf of ['', 'not-the-token']) {
      const res = await aliceBrowser.request(`/portal/offers/${offer.id}/accept`, { form: { csrf, signatureName: 'Alice Smit' } });
      assert.equal(res.status, 403);
    }
    assert.equal((await get(offer.id)).status, 'open');
  });

  it('no email when the account has no email address; the decision and its webhook event still happen', async () => {
    const other = await server.account('Zonder E-mail');
    await subscribeToDecisions(other);
    const carol = await other.createCustomer({ companyName: 'Carol', primaryEmail: 'carol@example.com' });
    const offer = await createOffer(other, carol.id, { offerNumber: 'N-1' });
    const link = await offerLinkPath(server, other, offer.id);
    const res = await post(browser(), link, 'accept', { signatureName: 'Carol Klein' });
    assert.equal(res.status, 303, text(res));
    assert.equal(await eventCount(server, other.id, 'offer-accepted'), 1);
    assert.equal(await outboxCount(server, other.id, 'offer-decided'), 0);
  });
});
