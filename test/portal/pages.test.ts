import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, csrfOf, signIn, text } from '../helpers/portal.js';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { unzip } from '../helpers/zip.js';

const HOSTILE = '<script>alert("x")</script>&\'';

describe('portal pages: list, invoice, PDF, ZIP, email link, isolation, escaping, viewedAt', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  let alice: Browser;
  const ids: Record<string, string> = {};
  const pdfs: Record<string, Uint8Array> = {};

  async function invoice(account: TestAccount, customerId: string, key: string, fields: Record<string, string>): Promise<string> {
    pdfs[key] = samplePdf(key);
    const res = await account.createInvoice(validInvoice(customerId, fields), pdfs[key]);
    assert.equal(res.status, 201, await res.clone().text());
    const id = ((await res.json()) as { id: string }).id;
    ids[key] = id;
    return id;
  }

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Kapper Jansen');
    const a = await shop.createCustomer({ companyName: 'Alice', primaryEmail: 'alice@example.com', locale: 'nl' });
    const b = await shop.createCustomer({ companyName: 'Bob', primaryEmail: 'bob@example.com', locale: 'en' });
    // The same person is also a customer of another business.
    const c = await other.createCustomer({ companyName: 'Alice', primaryEmail: 'alice@example.com' });
    for (let i = 1; i <= 22; i += 1) {
      const day = String(i).padStart(2, '0');
      await invoice(shop, a.id, `a${i}`, { invoiceNumber: `A-${day}`, issuedAt: `2024-03-${day}`, amount: `${1000 + i}.50`, ...(i % 2 ? { paidAt: '2024-05-11 12:59:00' } : {}) });
    }
    await invoice(shop, a.id, 'hostile', { invoiceNumber: HOSTILE, issuedAt: '2023-12-31', amount: '1.00', sendNotification: 'true' });
    await invoice(shop, b.id, 'bob', { invoiceNumber: 'B-1', issuedAt: '2024-03-05', amount: '1234.50' });
    await invoice(other, c.id, 'other', { invoiceNumber: 'A-01', issuedAt: '2024-03-05' });
    alice = new Browser(server.url);
    await signIn(alice, smtp, shop.id, 'alice@example.com');
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  it('lists the customer’s invoices newest first, paged, with Dutch amounts and paid dates, and filters', async () => {
    const page1 = await alice.page('/portal/invoices');
    assert.equal(page1.status, 200);
    const numbers = [...page1.html.matchAll(/<a href="\/portal\/invoices\/inv_\w+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => `A-${String(22 - i).padStart(2, '0')}`));
    assert.match(page1.html, /<h1>Facturen<\/h1>/);
    assert.match(page1.html, /€\s1\.022,50/);
    assert.match(page1.html, /Betaald op 11 mei 2024/);
    assert.match(page1.html, /<span class="open">Open<\/span>/);
    assert.match(page1.html, /22 maart 2024/);
    assert.doesNotMatch(page1.html, /B-1|Kapper/, 'nothing of another customer or business');
    assert.match(page1.html, /href="\/portal\/invoices\?page=2" rel="next"/);
    const page2 = await alice.page('/portal/invoices?page=2');
    assert.match(page2.html, /A-02[\s\S]*A-01[\s\S]*&lt;script&gt;/);
    assert.match(page2.html, /rel="prev"/);

    const open = await alice.page('/portal/invoices?status=open');
    assert.doesNotMatch(open.html, /Betaald op/);
    assert.match(open.html, /A-22/);
    assert.doesNotMatch(open.html, />A-21</);
    assert.match(open.html, /href="\/portal\/invoices\?status=open" aria-current="page"/);
    const paid = await alice.page('/portal/invoices?status=paid');
    assert.match(paid.html, />A-21</);
    assert.doesNotMatch(paid.html, />A-22</);
  });

  it('renders a hostile invoice number as inert text everywhere', async () => {
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;';
    const pages = [(await alice.page('/portal/invoices?page=2')).html, (await alice.page(`/portal/invoices/${ids.hostile}`)).html];
    const mail = smtp.delivered().find((m) => m.recipients.includes('alice@example.com') && String(m.parsed.subject).startsWith('Nieuwe factuur'));
    const link = String(mail?.parsed.text).match(/http\S+\/portal\/i\/\S+/)?.[0];
    assert(link);
    pages.push((await new Browser(server.url).page(new URL(link).pathname)).html);
    for (const html of pages) {
      assert(html.includes(escaped), 'escaped');
      assert(!html.includes('<script>'), 'no live script tag');
    }
  });

  it('shows one invoice with its PDF inline and downloadable, and the PDF is served with safe headers', async () => {
    const page = await alice.page(`/portal/invoices/${ids.a1}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Factuur A-01<\/h1>/);
    assert.match(page.html, new RegExp(`<iframe class="pdf" src="/portal/invoices/${ids.a1}/pdf" title="PDF van factuur A-01">`));
    const csp = String(page.res.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    // Scripts (the signature field's) only from our origin, never inline.
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(page.res.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.res.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.res.headers['cache-control'], 'no-store');

    const inline = await alice.request(`/portal/invoices/${ids.a1}/pdf`);
    assert.equal(inline.status, 200);
    assert.equal(inline.headers['content-type'], 'application/pdf');
    assert.equal(inline.headers['content-disposition'], `inline; filename="A-01.pdf"; filename*=UTF-8''A-01.pdf`);
    assert.equal(inline.headers['x-content-type-options'], 'nosniff');
    assert.equal(inline.headers['content-security-policy'], "frame-ancestors 'self'");
    assert.deepEqual(new Uint8Array(inline.body), pdfs.a1);
    const download = await alice.request(`/portal/invoices/${ids.a1}/pdf?download=1`);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="A-01.pdf"/);
  });

  it('answers 404 for another customer’s or another business’s invoice, page and PDF alike', async () => {
    for (const id of [ids.bob, ids.other, 'inv_zzzzzzzzzzzzzz', 'nonsense']) {
      for (const suffix of ['', '/pdf', '/pdf?download=1']) {
        const res = await alice.request(`/portal/invoices/${id}${suffix}`);
        assert.equal(res.status, 404, `${id}${suffix}`);
        assert.doesNotMatch(text(res), /B-1|%PDF/);
      }
    }
  });

  it('streams a ZIP of the customer’s invoices in a period, and refuses a reversed period', async () => {
    const csrf = csrfOf((await alice.page('/portal/invoices')).html, '/portal/invoices.zip');
    const res = await alice.request('/portal/invoices.zip', { form: { csrf, from: '2024-03-01', to: '2024-03-05' } });
    assert.equal(res.status, 200, text(res));
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="Bakkerij_de_Vries_2024-03-01_2024-03-05.zip"/);
    const entries = await unzip(res.body);
    assert.deepEqual([...entries.keys()], ['A-01.pdf', 'A-02.pdf', 'A-03.pdf', 'A-04.pdf', 'A-05.pdf'], 'only hers, only that period');
    assert.deepEqual(new Uint8Array(entries.get('A-03.pdf') ?? []), pdfs.a3);

    const hostile = await unzip((await alice.request('/portal/invoices.zip', { form: { csrf, from: '2023-12-31', to: '2023-12-31' } })).body);
    assert.deepEqual([...hostile.keys()], ['_script_alert_x_script_.pdf']);

    const reversed = await alice.request('/portal/invoices.zip', { form: { csrf, from: '2024-03-05', to: '2024-03-01' } });
    assert.equal(reversed.status, 422);
    assert.match(text(reversed), /geldige periode/);
  });

  it('opens the notification email’s invoice without signing in, and only that invoice', async () => {
    const mail = smtp.delivered().find((m) => m.recipients.includes('alice@example.com') && String(m.parsed.subject).startsWith('Nieuwe factuur'));
    const link = new URL(String(mail?.parsed.text).match(/http\S+\/portal\/i\/\S+/)?.[0] ?? '');
    assert.equal(link.origin, server.url);
    const stranger = new Browser(server.url);
    const page = await stranger.page(link.pathname);
    assert.equal(page.status, 200);
    assert.equal(page.res.headers['referrer-policy'], 'no-referrer');
    assert.match(page.html, new RegExp(`href="/portal/sign-in/${shop.id}">Log in om al uw facturen te zien`));
    const pdf = await stranger.request(`${link.pathname}/pdf`);
    assert.equal(pdf.status, 200);
    assert.deepEqual(new Uint8Array(pdf.body), pdfs.hostile);
    assert.equal((await stranger.request('/portal/invoices')).status, 401, 'the rest needs a sign-in');
    assert.equal((await stranger.request(`/portal/invoices/${ids.hostile}`)).status, 401);
    assert.equal((await stranger.request(`${link.pathname}x`)).status, 404);
  });

  it('records viewedAt on the first real view only: not the API, not HEAD, not a prefetch; invoice-viewed fires once', async () => {
    const id = ids.a2;
    const hook = (await (await shop.json('POST', '/v1/webhooks', { url: 'https://example.com/viewed', type: 'invoice-viewed' })).json()) as { id: string };
    const viewedEvents = async () => ((await (await shop.request(`/v1/webhooks/${hook.id}/deliveries`)).json()) as { data: { eventId: string; eventType: string }[] }).data;
    const viewedAt = async () => ((await (await shop.request(`/v1/customer-invoices/${id}`)).json()) as { viewedAt: string | null }).viewedAt;
    assert.equal(await viewedAt(), null);
    assert.equal((await shop.downloadPdf(id ?? '')).status, 200);
    assert.equal(await viewedAt(), null, 'the business’s own download');
    assert.equal((await alice.request(`/portal/invoices/${id}`, { method: 'HEAD' })).status, 200);
    await alice.page(`/portal/invoices/${id}`, { 'sec-purpose': 'prefetch' });
    await alice.page(`/portal/invoices/${id}`, { purpose: 'prefetch' });
    await alice.page(`/portal/invoices/${id}/pdf`, { 'sec-purpose': 'prefetch;prerender' });
    assert.equal(await viewedAt(), null);
    await alice.page(`/portal/invoices/${id}`);
    const first = await viewedAt();
    assert.match(first ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    const [event] = await viewedEvents();
    assert.equal(event?.eventType, 'invoice-viewed');
    const stored = await server.runtime.ctx.db.selectFrom('webhook_events').select('payload').where('id', '=', event?.eventId ?? '').executeTakeFirstOrThrow();
    // The invoice as its GET returns it, viewedAt included.
    assert.deepEqual((JSON.parse(stored.payload) as { data: unknown }).data, await (await shop.request(`/v1/customer-invoices/${id}`)).json());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await alice.page(`/portal/invoices/${id}`);
    assert.equal(await viewedAt(), first, 'the first view stays');
    assert.equal((await viewedEvents()).length, 1, 'one invoice-viewed');
  });

  it('speaks English to an English customer', async () => {
    const bob = new Browser(server.url);
    await signIn(bob, smtp, shop.id, 'bob@example.com');
    const page = await bob.page('/portal/invoices');
    assert.match(page.html, /<html lang="en">/);
    assert.match(page.html, /<h1>Invoices<\/h1>/);
    assert.match(page.html, /€1,234\.50/);
    assert.match(page.html, /5 March 2024/);
  });
});
