import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, text } from '../helpers/portal.js';
import { samplePdf, startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';
import { createOffer } from './offers.js';

const offerLink = (mail: ReceivedMail): string => {
  const link = String(mail.parsed.text ?? '').match(/https?:\/\/\S+\/portal\/o\/[A-Za-z0-9_-]{43}/)?.[0];
  assert.ok(link, `no offer link in ${String(mail.parsed.text)}`);
  return link;
};

describe('offer email: sendNotification mails the customer a link that opens the offer without signing in', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Bakkerij <de Vries>');
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  async function mailFor(address: string): Promise<ReceivedMail> {
    const [mail] = await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes(address)));
    const mine = smtp.delivered().find((m) => m.recipients.includes(address));
    assert.ok(mail && mine);
    return mine;
  }

  it('Dutch: the email names the business, number, amount and dates; its link opens the page and the PDF', async () => {
    const customer = await shop.createCustomer({ companyName: 'Alice', primaryEmail: 'alice@example.com', locale: 'nl' });
    const bytes = samplePdf('mailed-offer');
    const offer = await createOffer(shop, customer.id, { offerNumber: 'OFF-<1>', amount: '1234.5', issuedAt: '2024-04-30', expiresAt: '2099-05-30', sendNotification: 'true' }, bytes);
    const mail = await mailFor('alice@example.com');
    assert.equal(mail.parsed.subject, 'Nieuwe offerte OFF-<1> van Bakkerij <de Vries>');
    const body = String(mail.parsed.text);
    assert.match(body, /Offertenummer: OFF-<1>/);
    assert.match(body, /Bedrag: €\s1\.234,50/);
    assert.match(body, /Offertedatum: 30 april 2024/);
    assert.match(body, /Geldig tot en met: 30 mei 2099/);
    assert.match(String(mail.parsed.html), /OFF-&lt;1&gt;/, 'the HTML part escapes');

    const link = offerLink(mail);
    const browser = new Browser(server.url);
    const page = await browser.page(new URL(link).pathname);
    assert.equal(page.status, 200);
    assert.match(page.html, /<html lang="nl">/);
    assert.match(page.html, /<h1>Offerte OFF-&lt;1&gt;<\/h1>/);
    assert.doesNotMatch(page.html, /OFF-<1>/, 'every value escaped');
    assert.match(page.html, /€\s1\.234,50/);
    assert.match(page.html, /30 april 2024/);
    assert.match(page.html, /30 mei 2099/);
    assert.match(page.html, /<span class="open">Openstaand<\/span>/);
    assert.match(page.html, /Bakkerij &lt;de Vries&gt;/);
    const pdfPath = page.html.match(/href="(\/portal\/o\/[^"?]+\/pdf)\?download=1"/)?.[1];
    assert.ok(pdfPath);
    const pdf = await browser.request(pdfPath);
    assert.equal(pdf.status, 200);
    assert.deepEqual(new Uint8Array(pdf.body), bytes);
    const saved = await browser.request(`${pdfPath}?download=1`);
    assert.match(String(saved.headers['content-disposition']), /^attachment/);

    // The page follows the offer: once accepted through the API it says so.
    assert.equal((await shop.json('PATCH', `/v1/customer-offers/${offer.id}`, { acceptedAt: '2024-05-04 20:51:50' })).status, 200);
    assert.match((await browser.page(new URL(link).pathname)).html, /Geaccepteerd op 4 mei 2024/);
  });

  it('English for an English-speaking customer; no email without sendNotification', async () => {
    const bob = await shop.createCustomer({ companyName: 'Bob', primaryEmail: 'bob@example.com', locale: 'en' });
    const quiet = await shop.createCustomer({ companyName: 'Quiet', primaryEmail: 'quiet@example.com', locale: 'en' });
    await createOffer(shop, quiet.id, { sendNotification: 'false' });
    await createOffer(shop, bob.id, { offerNumber: 'EN-1', amount: '12.95', issuedAt: '2024-04-01', expiresAt: '2024-04-02', sendNotification: '1' });
    const mail = await mailFor('bob@example.com');
    assert.equal(mail.parsed.subject, 'New offer EN-1 from Bakkerij <de Vries>');
    assert.match(String(mail.parsed.text), /Amount: €12\.95/);
    const page = await new Browser(server.url).page(new URL(offerLink(mail)).pathname);
    assert.match(page.html, /<html lang="en">/);
    assert.match(page.html, /<h1>Offer EN-1<\/h1>/);
    assert.match(page.html, /Expired/);
    assert.ok(!smtp.delivered().some((m) => m.recipients.includes('quiet@example.com')));
  });

  it('a wrong, overlong or deleted offer’s token is a 404 page', async () => {
    const browser = new Browser(server.url);
    for (const token of ['x'.repeat(43), 'x'.repeat(500)]) {
      const res = await browser.request(`/portal/o/${token}`);
      assert.equal(res.status, 404, text(res));
      assert.equal((await browser.request(`/portal/o/${token}/pdf`)).status, 404);
    }
    const carol = await shop.createCustomer({ companyName: 'Carol', primaryEmail: 'carol@example.com' });
    const offer = await createOffer(shop, carol.id, { sendNotification: 'true' });
    const link = offerLink(await mailFor('carol@example.com'));
    assert.equal((await browser.request(new URL(link).pathname)).status, 200);
    assert.equal((await shop.request(`/v1/customer-offers/${offer.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await browser.request(new URL(link).pathname)).status, 404);
  });
});
