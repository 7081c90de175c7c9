import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { startServeProcess, startWorkerProcess, type CliProcess } from '../helpers/process.js';
import { accountClient, createTestData, samplePdf, validInvoice, type TestAccount, type TestData } from '../helpers/server.js';
import { startTestSmtp, until, type TestSmtp } from '../helpers/smtp.js';

/** The demo account `serve` creates on an empty database: its id and key, from the banner. */
function demoAccount(url: string, banner: string): TestAccount {
  const key = /API key \(shown once, only its hash is stored\): (kp_live_\S+)/.exec(banner)?.[1];
  const id = /\((acc_[0-9a-z]+)\)/.exec(banner)?.[1];
  assert.ok(key && id, banner);
  return accountClient(url, id, key);
}

async function notify(shop: TestAccount, email: string): Promise<void> {
  const customer = await shop.createCustomer({ primaryEmail: email });
  const res = await shop.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }), samplePdf(email));
  assert.equal(res.status, 201, await res.clone().text());
  await res.arrayBuffer();
}

describe('worker processes: killed mid-send, restarted, stopped', () => {
  let smtp: TestSmtp;
  let data: TestData;
  const started: CliProcess[] = [];

  before(async () => {
    smtp = await startTestSmtp();
    data = await createTestData('kp-worker-');
  });
  after(async () => {
    for (const child of started) await child.stop();
    await smtp.stop();
    await data.cleanup();
  });

  it('SIGKILL while the SMTP server holds a message, twice: every queued email arrives, duplicates share a Message-ID', async () => {
    // The lease is what a killed worker leaves behind; short here so the restarted worker takes over soon. The
    // send timeout is half of it: 2.5 s leaves room for a slow "250 OK" on a loaded machine (at 1.5 s one came
    // late once, and the at-least-once resend made a seventh acceptance).
    const env = {
      ...data.env,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      MAIL_POLL_MS: '20',
      MAIL_LEASE_MS: '5000',
      MAIL_RETRY_BASE_MS: '20',
      MAIL_RETRY_MAX_MS: '100',
    };
    let holdNext = true;
    const held: string[] = [];
    // The message arrives in full, but the "250 OK" never comes: the worker is mid-send when it dies.
    smtp.decide = (mail) => {
      if (!holdNext) return { accept: true };
      holdNext = false;
      held.push(mail.messageId);
      return { hold: true };
    };

    const serve = await startServeProcess(env);
    started.push(serve);
    const shop = demoAccount(serve.url, await serve.waitFor('Demo customer:'));
    const recipients = Array.from({ length: 6 }, (_, i) => `crash-${i}@example.com`);
    for (const email of recipients) await notify(shop, email);

    await until(() => (held.length === 1 ? true : null));
    serve.child.kill('SIGKILL');
    await serve.stop();

    holdNext = true;
    const second = await startWorkerProcess(env);
    started.push(second);
    await until(() => (held.length === 2 ? true : null));
    second.child.kill('SIGKILL');
    await second.stop();

    const third = await startWorkerProcess(env);
    started.push(third);
    const delivered = await smtp.waitForDelivered((all) => recipients.every((r) => all.some((m) => m.recipients.includes(r))), 30_000);
    assert.equal(await third.stop(), 0, 'SIGTERM stops the worker cleanly');

    const database = openDatabase(loadConfig(data.env).database);
    try {
      const rows = await database.db.selectFrom('notification_outbox').select(['message_id', 'status', 'access_token']).execute();
      assert.equal(rows.length, recipients.length);
      assert.ok(rows.every((r) => r.status === 'sent' && r.access_token === null), JSON.stringify(rows));
      const ids = new Set(rows.map((r) => r.message_id));
      for (const email of recipients) {
        const transfers = smtp.received.filter((m) => m.recipients.includes(email));
        assert.equal(new Set(transfers.map((m) => m.messageId)).size, 1, `${email}: one Message-ID across every transfer`);
        assert.ok(ids.has(transfers[0]?.messageId ?? ''));
      }
      assert.equal(delivered.length, recipients.length, 'each accepted exactly once after the crashes');
      assert.ok(smtp.received.length - recipients.length <= 2, 'no more extra transfers than kills');
    } finally {
      await database.close();
    }
  });

  it('without SMTP_URL, npm start writes each email as an .eml file under the data directory', async () => {
    const bare = await createTestData('kp-eml-');
    const bareDir = bare.dir;
    const serve = await startServeProcess({ ...bare.env, LOG_LEVEL: 'warn', MAIL_POLL_MS: '20' });
    started.push(serve);
    try {
      assert.match(await serve.waitFor('Notification emails go to'), /Notification emails go to \.eml files in .*outbox-mail/);
      const shop = demoAccount(serve.url, await serve.waitFor('Demo customer:'));
      await notify(shop, 'eml@example.com');
      const dir = path.join(bareDir, 'outbox-mail');
      const [file] = await until(async () => {
        const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
        return files.length > 0 ? files : null;
      });
      assert.match(file ?? '', /^ntf_[0-9a-z]{14}\.eml$/);
      const parsed = await simpleParser(await fs.readFile(path.join(dir, file ?? '')));
      assert.equal(parsed.messageId, `<${file?.replace('.eml', '')}@localhost>`);
      assert.equal(parsed.subject, `Nieuwe factuur ${/F-\w+/.exec(parsed.text ?? '')?.[0]} van Demo Bakkerij B.V.`);
      assert.match(parsed.text ?? '', /\/portal\/i\/[A-Za-z0-9_-]{43}/);
      assert.equal(await serve.stop(), 0);
    } finally {
      await bare.cleanup();
    }
  });

  it('two worker processes beside a serve process send every email exactly once', async () => {
    const pair = await createTestData('kp-two-workers-');
    const counting = await startTestSmtp();
    const env = { ...pair.env, SMTP_URL: counting.url, LOG_LEVEL: 'warn', MAIL_POLL_MS: '10' };
    // The serve process takes no part in sending here: its worker polls too rarely to compete.
    const serve = await startServeProcess({ ...env, MAIL_POLL_MS: '3600000' });
    started.push(serve);
    try {
      const shop = demoAccount(serve.url, await serve.waitFor('Demo customer:'));
      const workers = [await startWorkerProcess(env), await startWorkerProcess(env)];
      started.push(...workers);
      const recipients = Array.from({ length: 30 }, (_, i) => `pair-${i}@example.com`);
      await Promise.all(recipients.map((email) => notify(shop, email)));
      await counting.waitForDelivered((all) => recipients.every((r) => all.some((m) => m.recipients.includes(r))), 30_000);
      for (const worker of workers) assert.equal(await worker.stop(), 0);
      for (const email of recipients) assert.equal(counting.received.filter((m) => m.recipients.includes(email)).length, 1, email);
      assert.equal(counting.received.length, recipients.length);
    } finally {
      await serve.stop();
      await counting.stop();
      await pair.cleanup();
    }
  });
});
