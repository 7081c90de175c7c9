import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { retryDelayMs } from '../../src/outbox/retry.js';
import { smtpFailure } from '../../src/mail/smtp-transport.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, until, type TestSmtp } from '../helpers/smtp.js';

interface NotificationState {
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

describe('retry schedule and failure classes (plain functions)', () => {
  it('doubles from the base, never passes the cap, and jitters within the upper half of each step', () => {
    const base = 30_000;
    const max = 3_600_000;
    const steps = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [retryDelayMs(n, base, max, () => 0), retryDelayMs(n, base, max, () => 1)]);
    assert.deepEqual(steps, [
      [15_000, 30_000],
      [30_000, 60_000],
      [60_000, 120_000],
      [120_000, 240_000],
      [240_000, 480_000],
      [480_000, 960_000],
      [960_000, 1_920_000],
      [1_800_000, 3_600_000],
      [1_800_000, 3_600_000],
    ]);
  });

  it('takes 4xx, 503, dropped connections and authentication failures as temporary, other 5xx as permanent', () => {
    const temporary = (error: object) => smtpFailure(error).temporary;
    assert.equal(temporary({ code: 'EMESSAGE', responseCode: 451, permanent: false, response: '451 Try later' }), true);
    assert.equal(temporary({ code: 'EENVELOPE', responseCode: 550, permanent: true, response: '550 No such user' }), false);
    assert.equal(temporary({ code: 'EPROTOCOL', responseCode: 503, permanent: false, response: '503 Bad sequence' }), true);
    assert.equal(temporary({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1' }), true);
    assert.equal(temporary({ code: 'ETIMEDOUT', message: 'Greeting never received' }), true);
    assert.equal(temporary({ code: 'EAUTH', responseCode: 535, permanent: true, response: '535 Invalid login' }), true);
    assert.equal(smtpFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1' }).message, 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1');
  });
});

describe('delivery through a real SMTP server that refuses, fails and comes back', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;

  before(async () => {
    smtp = await startTestSmtp();
    // Small steps so retries take milliseconds; the schedule's shape is the one production uses.
    server = await startTestServer(
      { SMTP_URL: smtp.url, MAIL_POLL_MS: '20', MAIL_RETRY_BASE_MS: '20', MAIL_RETRY_MAX_MS: '100', MAIL_MAX_ATTEMPTS: '30' },
      { worker: true },
    );
    shop = await server.account();
  });
  after(async () => {
    await server.close();
    await smtp.stop();
    smtp.decide = () => ({ accept: true });
  });

  async function notified(email: string): Promise<string> {
    const customer = await shop.createCustomer({ primaryEmail: email });
    const res = await shop.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }));
    assert.equal(res.status, 201);
    return ((await res.json()) as { id: string }).id;
  }

  async function notificationOf(id: string): Promise<NotificationState> {
    const body = (await (await shop.request(`/v1/customer-invoices/${id}`)).json()) as { notification: NotificationState };
    return body.notification;
  }

  const settled = (id: string) =>
    until(async () => {
      const state = await notificationOf(id);
      return state.status === 'queued' ? null : state;
    });

  it('451 twice, then accepted: delivered exactly once after 3 attempts', async () => {
    smtp.decide = (mail, transfers) =>
      mail.recipients.includes('greylisted@example.com') && transfers <= 2 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : { accept: true };
    const id = await notified('greylisted@example.com');
    const state = await settled(id);
    assert.equal(state.status, 'sent');
    assert.equal(state.attempts, 3);
    assert.match(state.lastError ?? '', /451.*Greylisted/, 'the last failure stays on record');
    const transfers = smtp.received.filter((m) => m.recipients.includes('greylisted@example.com'));
    assert.deepEqual(transfers.map((m) => m.accepted), [false, false, true]);
    assert.equal(new Set(transfers.map((m) => m.messageId)).size, 1, 'every attempt carries the same Message-ID');
  });

  it('550: failed at once with the server’s reason, never tried again', async () => {
    smtp.decide = (mail) => (mail.recipients.includes('gone@example.com') ? { code: 550, message: '5.1.1 Mailbox unavailable' } : { accept: true });
    const id = await notified('gone@example.com');
    const state = await settled(id);
    assert.equal(state.status, 'failed');
    assert.equal(state.attempts, 1);
    assert.equal(state.sentAt, null);
    assert.match(state.lastError ?? '', /^550 .*Mailbox unavailable/);
    // A later message goes through, and the refused one was not offered again meanwhile.
    await notified('after-550@example.com');
    await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes('after-550@example.com')));
    assert.equal(smtp.received.filter((m) => m.recipients.includes('gone@example.com')).length, 1);
    assert.deepEqual(await notificationOf(id), state);
  });

  it('SMTP server down: retried with backoff, delivered once it is back', async () => {
    smtp.decide = () => ({ accept: true });
    await smtp.stop();
    const id = await notified('patient@example.com');
    const failing = await until(async () => {
      const state = await notificationOf(id);
      return state.attempts >= 2 ? state : null;
    });
    assert.equal(failing.status, 'queued');
    assert.match(failing.lastError ?? '', /ECONNREFUSED/);
    await smtp.start();
    const state = await settled(id);
    assert.equal(state.status, 'sent');
    assert.equal(smtp.delivered().filter((m) => m.recipients.includes('patient@example.com')).length, 1);
  });

  it('no attempts left: a temporary failure becomes final, with the reason', async () => {
    const limited = await startTestServer(
      { SMTP_URL: smtp.url, MAIL_POLL_MS: '20', MAIL_RETRY_BASE_MS: '10', MAIL_RETRY_MAX_MS: '20', MAIL_MAX_ATTEMPTS: '3' },
      { worker: true },
    );
    try {
      smtp.decide = (mail) => (mail.recipients.includes('full@example.com') ? { code: 452, message: '4.2.2 Mailbox full' } : { accept: true });
      const owner = await limited.account();
      const customer = await owner.createCustomer({ primaryEmail: 'full@example.com' });
      const id = ((await (await owner.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }))).json()) as { id: string }).id;
      const state = await until(async () => {
        const body = (await (await owner.request(`/v1/customer-invoices/${id}`)).json()) as { notification: NotificationState };
        return body.notification.status === 'queued' ? null : body.notification;
      });
      assert.equal(state.status, 'failed');
      assert.equal(state.attempts, 3);
      assert.match(state.lastError ?? '', /452.*Mailbox full/);
      assert.equal(smtp.received.filter((m) => m.recipients.includes('full@example.com')).length, 3);
    } finally {
      await limited.close();
    }
  });
});
