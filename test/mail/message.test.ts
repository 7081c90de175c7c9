import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { hashAccessToken } from '../../src/invoices/invoice-access.js';
import { findValidAccessToken } from '../../src/invoices/invoice-access.repository.js';
import { nowUtc } from '../../src/lib/time.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, until, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

interface InvoiceBody {
  id: string;
  notification: { status: string; attempts: number; sentAt: string | null; lastError: string | null } | null;
}

const LINK = /(http:\/\/127\.0\.0\.1:\d+\/portal\/i\/([A-Za-z0-9_-]{43}))/;

describe('the notification email, as a real SMTP server receives it', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'facturen@klantportaal.test', MAIL_POLL_MS: '20' }, { worker: true });
    // A business name and customer names with markup: the HTML part must show them, never run them.
    shop = await server.account('Bakkerij <De Vries> & Zn');
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  async function notify(locale: 'nl' | 'en', name: string) {
    const customer = await shop.createCustomer({ locale, companyName: name, primaryEmail: `${locale}-klant@example.com` });
    const res = await shop.createInvoice(
      validInvoice(customer.id, { invoiceNumber: `2024-${locale}-001`, amount: '1234.50', issuedAt: '2024-04-30', sendNotification: 'true' }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    const invoice = (await res.json()) as InvoiceBody;
    assert.deepEqual(invoice.notification, { status: 'queued', attempts: 0, sentAt: null, lastError: null });
    const [mail] = (await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes(`${locale}-klant@example.com`)))).filter((m) =>
      m.recipients.includes(`${locale}-klant@example.com`),
    );
    assert.ok(mail);
    return { invoice, mail };
  }

  /** The link is in both parts, opens this invoice by its token's hash, and the raw token is no longer stored. */
  async function checkLink(mail: ReceivedMail, invoiceId: string) {
    const match = LINK.exec(mail.parsed.text ?? '');
    assert.ok(match, `no portal link in: ${mail.parsed.text}`);
    const [, link, token] = match as unknown as [string, string, string];
    assert.ok(link.startsWith(`${server.url}/portal/i/`), 'links are built from PUBLIC_BASE_URL');
    assert.ok(String(mail.parsed.html).includes(`href="${link}"`), 'the HTML part links to the same page');
    assert.equal(Buffer.from(token, 'base64url').length, 32, '256-bit token');
    const db = server.runtime.ctx.db;
    const row = await findValidAccessToken(db, hashAccessToken(token), nowUtc());
    assert.equal(row?.invoice_id, invoiceId, 'the token opens exactly this invoice');
    const days = Temporal.Instant.from(row.expires_at).since(Temporal.Now.instant()).total('hours') / 24;
    assert.ok(days >= 90, `valid for at least 90 days, got ${days}`);
    // The SMTP server has the message; the worker records `sent` (and drops the raw token) right after.
    const outbox = await until(async () => {
      const row = await db.selectFrom('notification_outbox').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow();
      return row.status === 'sent' ? row : null;
    });
    assert.equal(outbox.access_token, null, 'the raw token is dropped once sent');
    assert.equal(mail.messageId, outbox.message_id);
    const stored = JSON.stringify(await db.selectFrom('invoice_access_tokens').selectAll().execute());
    assert.ok(!stored.includes(token), 'only the hash is at rest');
  }

  it('in Dutch: recipient, subject, both parts, € 1.234,50, 30 april 2024 and the link', async () => {
    const { invoice, mail } = await notify('nl', 'Jansen <script>alert(1)</script>');
    assert.deepEqual(mail.recipients, ['nl-klant@example.com']);
    assert.equal(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0]?.address : null, 'nl-klant@example.com');
    assert.equal(mail.parsed.subject, 'Nieuwe factuur 2024-nl-001 van Bakkerij <De Vries> & Zn');
    assert.equal(mail.parsed.from?.value[0]?.address, 'facturen@klantportaal.test');
    assert.equal(mail.parsed.from?.value[0]?.name, 'Bakkerij <De Vries> & Zn', 'without a name in MAIL_FROM the business is the sender name');
    assert.match(mail.messageId, /^<ntf_[0-9a-z]{14}@klantportaal\.test>$/);
    const text = mail.parsed.text ?? '';
    const html = String(mail.parsed.html);
    for (const part of [text, html]) {
      assert.match(part, /€\u00a01\.234,50/, 'amount as Dutch writes it');
      assert.match(part, /30 april 2024/);
      assert.match(part, /2024-nl-001/);
    }
    assert.match(text, /Bakkerij <De Vries> & Zn heeft een nieuwe factuur/);
    assert.match(text, /Beste Jansen <script>alert\(1\)<\/script>,/);
    assert.match(html, /Bakkerij &lt;De Vries&gt; &amp; Zn heeft een nieuwe factuur/);
    assert.match(html, /Beste Jansen &lt;script&gt;alert\(1\)&lt;\/script&gt;,/);
    assert.doesNotMatch(html, /<script>|<De Vries>/, 'every value is escaped in the HTML part');
    await checkLink(mail, invoice.id);
  });

  it('in English: € 1,234.50 and 30 April 2024', async () => {
    const { invoice, mail } = await notify('en', 'Smith & Sons');
    assert.equal(mail.parsed.subject, 'New invoice 2024-en-001 from Bakkerij <De Vries> & Zn');
    for (const part of [mail.parsed.text ?? '', String(mail.parsed.html)]) {
      assert.match(part, /€1,234\.50/);
      assert.match(part, /30 April 2024/);
    }
    assert.match(mail.parsed.text ?? '', /Dear Smith & Sons,/);
    assert.match(String(mail.parsed.html), /Dear Smith &amp; Sons,/);
    await checkLink(mail, invoice.id);
  });

  it('shows the delivery on the invoice: GET and the list say sent, with attempts and sentAt', async () => {
    const customer = await shop.createCustomer({ primaryEmail: 'state@example.com' });
    const created = (await (await shop.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }))).json()) as InvoiceBody;
    const read = await until(async () => {
      const body = (await (await shop.request(`/v1/customer-invoices/${created.id}`)).json()) as InvoiceBody;
      return body.notification?.status === 'sent' ? body : null;
    });
    assert.equal(read.notification?.attempts, 1);
    assert.equal(read.notification?.lastError, null);
    assert.match(read.notification?.sentAt ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const list = (await (await shop.request(`/v1/customer-invoices?customerId=${customer.id}`)).json()) as { data: InvoiceBody[] };
    assert.deepEqual(list.data[0]?.notification, read.notification);
  });

  it('is not sent without sendNotification: the invoice says notification null', async () => {
    const customer = await shop.createCustomer({ primaryEmail: 'quiet@example.com' });
    for (const flag of [undefined, 'false', '0']) {
      const res = await shop.createInvoice(validInvoice(customer.id, flag === undefined ? {} : { sendNotification: flag }));
      assert.equal(res.status, 201);
      assert.equal(((await res.json()) as InvoiceBody).notification, null);
    }
    // A later notified invoice arrives: had the quiet ones been queued, they would have gone first.
    const loud = await shop.createCustomer({ primaryEmail: 'loud@example.com' });
    await shop.createInvoice(validInvoice(loud.id, { sendNotification: 'true' }));
    await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes('loud@example.com')));
    assert.equal(smtp.received.filter((m) => m.recipients.includes('quiet@example.com')).length, 0);
    const rows = await server.runtime.ctx.db
      .selectFrom('notification_outbox as n')
      .innerJoin('customer_invoices as i', 'i.id', 'n.invoice_id')
      .select('n.id')
      .where('i.customer_id', '=', customer.id)
      .execute();
    assert.equal(rows.length, 0, 'no outbox row either');
  });
});
