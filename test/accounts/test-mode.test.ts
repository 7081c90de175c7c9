import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApiKey, AccountInputError } from '../../src/accounts/account.service.js';
import { isWellFormedApiKey } from '../../src/accounts/api-key.js';
import { runCli } from '../helpers/cli.js';
import { accountClient, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface InvoiceBody {
  id: string;
  notification: { status: string; sentAt: string | null; recordedEmail?: { to: string; subject: string; text: string } } | null;
}

async function settled(account: TestAccount, id: string): Promise<InvoiceBody> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const invoice = (await (await account.request(`/v1/customer-invoices/${id}`)).json()) as InvoiceBody;
    if (invoice.notification?.status !== 'queued' || Date.now() > deadline) return invoice;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('test mode (kp_test_ keys)', () => {
  let server: TestServer;
  let live: TestAccount;
  let test: TestAccount;
  let testAccountId: string;
  before(async () => {
    server = await startTestServer({ MAIL_POLL_MS: '50' }, { worker: true });
    live = await server.account('Bakkerij Test');
    const created = await createApiKey(server.runtime.ctx.db, live.id, { test: true });
    assert.match(created.apiKey, /^kp_test_[0-9A-Za-z]{46}$/);
    assert.ok(isWellFormedApiKey(created.apiKey));
    assert.equal(created.key.accountId, live.id);
    testAccountId = created.testAccountId ?? '';
    test = accountClient(server.url, testAccountId, created.apiKey);
  });
  after(() => server.close());

  it('security: live and test keys see separate data in the same account', async () => {
    const liveCustomer = await live.createCustomer({ integrationId: 'DEB-1' });
    // The same reference is free in test mode: it is another set of data.
    const testCustomer = await test.createCustomer({ integrationId: 'DEB-1' });
    assert.equal((await live.request(`/v1/customers/${testCustomer.id}`)).status, 404);
    assert.equal((await test.request(`/v1/customers/${liveCustomer.id}`)).status, 404);
    const liveList = (await (await live.request('/v1/customers')).json()) as { data: { id: string }[] };
    assert.deepEqual(liveList.data.map((c) => c.id), [liveCustomer.id]);
    const invoice = await test.createInvoice(validInvoice(testCustomer.id, { invoiceNumber: 'SAME-1' }));
    assert.equal(invoice.status, 201);
    // Invoice numbers are unique per mode too: the live account can use the number the test data took.
    assert.equal((await live.createInvoice(validInvoice(liveCustomer.id, { invoiceNumber: 'SAME-1' }))).status, 201);
    const { id } = (await invoice.json()) as { id: string };
    assert.equal((await live.request(`/v1/customer-invoices/${id}/pdf`)).status, 404);
  });

  it('happy: a test-mode email is recorded and shown on the invoice, and never leaves (no .eml, no SMTP)', async () => {
    const customer = await test.createCustomer({ primaryEmail: 'klant@jansen.example', locale: 'nl' });
    const res = await test.createInvoice(validInvoice(customer.id, { invoiceNumber: 'T-2024-1', sendNotification: 'true', amount: '1234.5' }));
    assert.equal(res.status, 201);
    const invoice = await settled(test, ((await res.json()) as InvoiceBody).id);
    assert.equal(invoice.notification?.status, 'sent');
    assert.ok(invoice.notification?.sentAt);
    const recorded = invoice.notification?.recordedEmail;
    assert.equal(recorded?.to, 'klant@jansen.example');
    assert.match(recorded?.subject ?? '', /T-2024-1/);
    assert.match(recorded?.text ?? '', /€\s1\.234,50/);
    const mailDir = path.join(server.dataDir, 'outbox-mail');
    const files = await fs.readdir(mailDir).catch(() => []);
    assert.equal(files.length, 0, `nothing written for the mail transport: ${files.join(', ')}`);

    // A live-mode email still goes out, and shows no recorded copy.
    const liveCustomer = await live.createCustomer();
    const liveRes = await live.createInvoice(validInvoice(liveCustomer.id, { sendNotification: 'true' }));
    const liveInvoice = await settled(live, ((await liveRes.json()) as InvoiceBody).id);
    assert.equal(liveInvoice.notification?.status, 'sent');
    assert.equal(liveInvoice.notification?.recordedEmail, undefined);
    assert.equal((await fs.readdir(mailDir)).length, 1);
  });

  it('security: a test twin cannot be given live keys; a test key is not a live key', async () => {
    await assert.rejects(createApiKey(server.runtime.ctx.db, testAccountId), AccountInputError);
    const again = await createApiKey(server.runtime.ctx.db, live.id, { test: true });
    assert.equal(again.testAccountId, testAccountId, 'one twin per account');
    // The live key's secret under the test prefix is another key (the stored hash covers the prefix): unknown, 401.
    const forged = live.apiKey.replace('kp_live_', 'kp_test_');
    assert.equal((await fetch(`${server.url}/v1/customers`, { headers: { authorization: `Bearer ${forged}` } })).status, 401);
  });

  it('CLI: api-keys create --test prints a kp_test_ key; api-keys list shows both kinds', async () => {
    const env = { ...server.dataEnv, LOG_LEVEL: 'silent' };
    const made = await runCli(['api-keys', 'create', '--account', live.id, '--test', '--json'], env);
    assert.equal(made.code, 0, made.stderr);
    const body = JSON.parse(made.stdout) as { apiKey: string; testAccountId: string };
    assert.match(body.apiKey, /^kp_test_/);
    assert.equal(body.testAccountId, testAccountId);
    const listed = await runCli(['api-keys', 'list', '--account', live.id], env);
    assert.match(listed.stdout, /kp_live_/);
    assert.match(listed.stdout, /kp_test_/);
    const human = await runCli(['api-keys', 'create', '--account', testAccountId, '--test'], env);
    assert.equal(human.code, 64);
    assert.match(human.stderr, /test twin/);
  });
});
