import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiKey } from '../../src/accounts/account.service.js';
import { size, report } from '../helpers/hostile.js';
import { Browser, csrfOf, signInLinks, text } from '../helpers/portal.js';
import { startWorkerProcess, type CliProcess } from '../helpers/process.js';
import { accountClient, createTestData, samplePdf, startTestServer, validInvoice, type TestAccount, type TestData, type TestServer } from '../helpers/server.js';
import { startTestSmtp, until, type TestSmtp } from '../helpers/smtp.js';

// RELIABILITY.md S4 "emails are capped per account" (OWASP API4: third-party spend).

interface Notification {
  status: string;
  attempts: number;
  lastError: string | null;
  recordedEmail?: unknown;
}

const ACCOUNT_CAP = 'account email cap reached';
const ADDRESS_CAP = 'email cap for this address reached';

async function notified(shop: TestAccount, customerId: string): Promise<string> {
  const res = await shop.createInvoice(validInvoice(customerId, { sendNotification: 'true' }), samplePdf());
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { id: string }).id;
}

/** The notifications of these invoices, in their order, from one list request (polling must not load the server). */
async function notificationsOf(shop: TestAccount, ids: string[]): Promise<Notification[]> {
  const res = await shop.request('/v1/customer-invoices?per_page=250');
  assert.equal(res.status, 200);
  const { data } = (await res.json()) as { data: { id: string; notification: Notification | null }[] };
  return ids.map((id) => {
    const notification = data.find((invoice) => invoice.id === id)?.notification;
    assert(notification, `invoice ${id} with a notification`);
    return notification;
  });
}

/** Waits until no notification of these invoices is queued without a recorded reason (i.e. each was sent, or held back). */
async function settled(shop: TestAccount, ids: string[], describe = () => ''): Promise<Notification[]> {
  let last: Notification[] = [];
  return until(
    async () => {
      last = await notificationsOf(shop, ids);
      return last.every((n) => n.status !== 'queued' || n.lastError !== null) ? last : null;
    },
    60_000,
    () => `${JSON.stringify(last)}\n${describe()}`,
  );
}

const to = (smtp: TestSmtp, address: string) => smtp.delivered().filter((m) => m.recipients.includes(address)).length;

/**
 * The window is an hour here (the default). A test that started in its last minute could see the cap reset
 * halfway; start it in the next hour instead.
 */
async function clearOfWindowEnd(windowSeconds: number, marginMs: number): Promise<void> {
  const length = windowSeconds * 1000;
  const left = length - (Date.now() % length);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe('email caps per account and per address, across worker processes', () => {
  let smtp: TestSmtp;
  let data: TestData;
  let server: TestServer;
  const workers: CliProcess[] = [];

  before(async () => {
    await clearOfWindowEnd(3600, 45_000);
    smtp = await startTestSmtp();
    data = await createTestData('kp-caps-');
    const env = { ...data.env, SMTP_URL: smtp.url, LOG_LEVEL: 'warn', MAIL_CAP_PER_ACCOUNT_PER_HOUR: '3', MAIL_CAP_PER_ADDRESS_PER_HOUR: '2' };
    // The API in this process, without a worker; two `klantportaal worker` processes send. Each migrates first,
    // one at a time under the migration lock.
    const started = await Promise.all([
      startTestServer(env),
      startWorkerProcess({ ...env, MAIL_POLL_MS: '10' }),
      startWorkerProcess({ ...env, MAIL_POLL_MS: '10' }),
    ]);
    [server] = started;
    workers.push(started[1], started[2]);
  });
  const workerLog = () => workers.map((w, i) => `worker ${i} (exit ${w.child.exitCode}):\n${w.output().slice(-3000)}`).join('\n');
  after(async () => {
    for (const worker of workers) await worker.stop();
    await server?.close();
    await smtp?.stop();
    await data?.cleanup();
  });

  it('two workers together send exactly the account cap; the rest stays queued (201 all the same) with the reason', async () => {
    const accounts = size('MAIL_CAP_ACCOUNTS', 1, 10);
    const perAccount = size('MAIL_CAP_EMAILS', 6, 20);
    const round = async (n: number) => {
      const shop = await server.account(`Bakkerij Capped ${n}`);
      const customers = await Promise.all(Array.from({ length: perAccount }, (_, i) => shop.createCustomer({ primaryEmail: `capped-${n}-${i}@example.com` })));
      // Created at once while both workers poll, so their claims race for the last of the three sends.
      const ids = await Promise.all(customers.map((c) => notified(shop, c.id)));
      const states = await settled(shop, ids, workerLog);
      const held = states.filter((s) => s.status === 'queued');
      assert.equal(states.filter((s) => s.status === 'sent').length, 3, JSON.stringify(states));
      assert.equal(held.length, perAccount - 3);
      for (const s of held) {
        assert.deepEqual([s.status, s.attempts, s.lastError], ['queued', 0, ACCOUNT_CAP], 'held back is neither an attempt nor a failure');
      }
      const delivered = smtp.delivered().filter((m) => m.recipients.some((r) => r.startsWith(`capped-${n}-`)));
      assert.equal(delivered.length, 3, `account ${n}: exactly three emails reached the SMTP server`);
      return held.length;
    };
    const held = await Promise.all(Array.from({ length: accounts }, (_, n) => round(n)));
    const log = workers.map((w) => w.output()).join('');
    assert.match(log, /"msg":"notification deferred: email cap reached"/);
    // No claim failed on the way (a deadlock between the workers' cap counts, a busy database).
    assert.doesNotMatch(log, /outbox worker step failed/, workerLog());
    report('mail-caps', { workers: workers.length, accounts, emailsPerAccount: perAccount, cap: 3, delivered: accounts * 3, heldBack: held.reduce((a, b) => a + b, 0) });
  });

  it('per address: the third email to one customer waits, while the account still sends to others', async () => {
    const shop = await server.account('Bakkerij Adres');
    const regular = await shop.createCustomer({ primaryEmail: 'Vaste.Klant@example.com' });
    const other = await shop.createCustomer({ primaryEmail: 'other-address@example.com' });
    const ids = [await notified(shop, regular.id), await notified(shop, regular.id), await notified(shop, regular.id)];
    const states = await settled(shop, ids);
    assert.deepEqual(
      states.map((n) => [n.status, n.lastError]),
      [
        ['sent', null],
        ['sent', null],
        ['queued', ADDRESS_CAP],
      ],
    );
    // The account has one of its three left: another address gets its email.
    const [otherState] = await settled(shop, [await notified(shop, other.id)]);
    assert.equal(otherState?.status, 'sent');
    assert.equal(to(smtp, 'vaste.klant@example.com') + to(smtp, 'Vaste.Klant@example.com'), 2);
    assert.equal(to(smtp, 'other-address@example.com'), 1);
  });

  it('test mode is not capped: a capped account’s kp_test_ key still gets its emails recorded, and sends none', async () => {
    const shop = await server.account('Bakkerij Proef');
    const customers = await Promise.all([0, 1, 2].map((i) => shop.createCustomer({ primaryEmail: `proef-live-${i}@example.com` })));
    const liveStates = await settled(shop, await Promise.all(customers.map((c) => notified(shop, c.id))));
    assert.ok(liveStates.every((n) => n.status === 'sent'));
    const created = await createApiKey(server.runtime.ctx.db, shop.id, { test: true });
    const test = accountClient(server.url, created.testAccountId ?? '', created.apiKey);
    const testCustomer = await test.createCustomer({ primaryEmail: 'proef-test@example.com' });
    const states = await settled(test, [await notified(test, testCustomer.id), await notified(test, testCustomer.id), await notified(test, testCustomer.id)]);
    assert.ok(
      states.every((n) => n.status === 'sent' && n.lastError === null && n.recordedEmail !== undefined),
      JSON.stringify(states),
    );
    assert.equal(to(smtp, 'proef-test@example.com'), 0);
    // And the live account's cap is as it was: full, whatever test mode did.
    const [more] = await settled(shop, [await notified(shop, customers[0]?.id ?? '')]);
    assert.equal(more?.lastError, ACCOUNT_CAP);
  });

  it('sign-in emails count toward the account cap; over it the page is identical, no email goes, and it is logged', async () => {
    const shop = await server.account('Bakkerij Portaal');
    const email = 'portaal-klant@example.com';
    const customer = await shop.createCustomer({ primaryEmail: email });
    const browser = new Browser(server.url);
    const signInPath = `/portal/sign-in/${shop.id}`;
    const csrf = csrfOf((await browser.page(signInPath)).html);
    const ask = async () => {
      const res = await browser.request(signInPath, { form: { csrf, email } });
      const { date: _date, 'x-request-id': _id, ...headers } = res.headers;
      return { status: res.status, headers, body: text(res) };
    };
    const signInMails = () => smtp.delivered().filter((m) => m.recipients.includes(email) && signInLinks(m).length > 0).length;

    const first = await ask();
    assert.equal(first.status, 200);
    await until(() => (signInMails() === 1 ? true : null));
    // Two invoice emails use up the rest of the three.
    const states = await settled(shop, [await notified(shop, customer.id), await notified(shop, customer.id)]);
    assert.ok(states.every((n) => n.status === 'sent'), JSON.stringify(states));

    const second = await ask();
    assert.deepEqual(second, first, 'the same answer below and over the cap');
    await until(() => (/"msg":"sign-in email not sent: email cap reached"/.test(workers.map((w) => w.output()).join('')) ? true : null));
    // The worker has decided (and logged it); nothing more was sent to the customer.
    assert.equal(signInMails(), 1);
    assert.equal(to(smtp, email), 3);
  });
});

describe('email caps: held-back notifications go in a later window', () => {
  it('five notifications at two per one-second window all arrive once, none failed, none charged an attempt for waiting', async () => {
    const smtp = await startTestSmtp();
    const data = await createTestData('kp-caps-window-');
    const env = { ...data.env, SMTP_URL: smtp.url, MAIL_POLL_MS: '20', MAIL_CAP_PER_ACCOUNT_PER_HOUR: '2', MAIL_CAP_WINDOW_SECONDS: '1' };
    // The emails are queued before any worker runs (a server without one), so the worker finds all five due at once.
    const queueing = await startTestServer(env);
    let sending: TestServer | null = null;
    let queued = false;
    try {
      const queuer = await queueing.account();
      const customers = await Promise.all([0, 1, 2, 3, 4].map((i) => queuer.createCustomer({ primaryEmail: `window-${i}@example.com` })));
      const ids = await Promise.all(customers.map((c) => notified(queuer, c.id)));
      await queueing.close();
      queued = true;
      sending = await startTestServer(env, { worker: true });
      const shop = accountClient(sending.url, queuer.id, queuer.apiKey);
      await smtp.waitForDelivered((all) => customers.every((c) => all.some((m) => m.recipients.includes(String(c.primaryEmail)))));
      const states = await until(async () => {
        const all = await notificationsOf(shop, ids);
        return all.every((n) => n.status === 'sent') ? all : null;
      });
      assert.ok(states.every((n) => n.attempts === 1), JSON.stringify(states));
      // At two a window, five emails due at once cannot all go in the first window: some waited, then went.
      assert.ok(states.some((n) => n.lastError === ACCOUNT_CAP), JSON.stringify(states));
      for (const c of customers) assert.equal(to(smtp, String(c.primaryEmail)), 1);
    } finally {
      if (!queued) await queueing.close();
      await sending?.close();
      await smtp.stop();
      await data.cleanup();
    }
  });
});
