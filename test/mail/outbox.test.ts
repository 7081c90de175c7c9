import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { TEST_DIALECT } from '../helpers/database.js';
import { expectProblem } from '../helpers/problem.js';
import { invoiceCount, samplePdf, startTestServer, storedFiles, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

describe('the outbox: an email exactly when the invoice is stored', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account();
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  const outboxRows = async () => Number((await sql<{ n: number }>`select count(*) as n from notification_outbox`.execute(server.runtime.ctx.db)).rows[0]?.n);
  const tokenRows = async () => Number((await sql<{ n: number }>`select count(*) as n from invoice_access_tokens`.execute(server.runtime.ctx.db)).rows[0]?.n);

  /** Nothing else is on its way: a message queued after the checked ones arrives, and it went out alone. */
  async function sentinel(label: string): Promise<void> {
    const customer = await shop.createCustomer({ primaryEmail: `${label}@example.com` });
    assert.equal((await shop.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }))).status, 201);
    await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes(`${label}@example.com`)));
  }

  it('sends nothing when the invoice’s transaction fails after the outbox row was written', async () => {
    const customer = await shop.createCustomer({ primaryEmail: 'rolled-back@example.com' });
    // A real database failure inside the transaction, after the invoice row and the outbox insert were issued.
    const db = server.runtime.ctx.db;
    if (TEST_DIALECT === 'postgres') {
      await sql`create function fail_outbox() returns trigger language plpgsql as $$
        begin
          if (select invoice_number from customer_invoices where id = new.invoice_id) like 'BOOM-%' then raise exception 'injected failure'; end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger fail_outbox before insert on notification_outbox for each row execute function fail_outbox()`.execute(db);
    } else {
      await sql`create trigger fail_outbox before insert on notification_outbox
        when (select invoice_number from customer_invoices where id = new.invoice_id) like 'BOOM-%'
        begin select raise(abort, 'injected failure'); end`.execute(db);
    }
    try {
      const [invoicesBefore, outboxBefore, tokensBefore, filesBefore] = [await invoiceCount(server), await outboxRows(), await tokenRows(), await storedFiles(server)];
      const res = await shop.createInvoice(validInvoice(customer.id, { invoiceNumber: 'BOOM-1', sendNotification: 'true' }), samplePdf('boom'));
      await expectProblem(res, 500);
      assert.equal(await invoiceCount(server), invoicesBefore, 'no invoice');
      assert.equal(await outboxRows(), outboxBefore, 'no outbox row');
      assert.equal(await tokenRows(), tokensBefore, 'no access token');
      assert.deepEqual(await storedFiles(server), filesBefore, 'no PDF');
    } finally {
      if (TEST_DIALECT === 'postgres') await sql`drop function fail_outbox cascade`.execute(db);
      else await sql`drop trigger fail_outbox`.execute(db);
    }
    await sentinel('after-rollback');
    assert.equal(smtp.received.filter((m) => m.recipients.includes('rolled-back@example.com')).length, 0);
  });

  it('sends nothing for a refused create (422, 409) that asked for a notification', async () => {
    const customer = await shop.createCustomer({ primaryEmail: 'refused@example.com' });
    const outboxBefore = await outboxRows();
    await expectProblem(await shop.createInvoice(validInvoice(customer.id, { amount: '12,95', sendNotification: 'true' })), 422, ['amount']);
    assert.equal((await shop.createInvoice(validInvoice(customer.id, { invoiceNumber: 'ONCE' }))).status, 201);
    await expectProblem(await shop.createInvoice(validInvoice(customer.id, { invoiceNumber: 'ONCE', sendNotification: 'true' })), 409, ['invoiceNumber']);
    assert.equal(await outboxRows(), outboxBefore);
    await sentinel('after-refused');
    assert.equal(smtp.received.filter((m) => m.recipients.includes('refused@example.com')).length, 0);
  });

  it('sends one email for one invoice number raced by ten notified creates', async () => {
    const customer = await shop.createCustomer({ primaryEmail: 'raced@example.com' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => shop.createInvoice(validInvoice(customer.id, { invoiceNumber: 'RACE-MAIL', sendNotification: 'true' }), samplePdf(`race-${i}`))),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, ...Array<number>(9).fill(409)]);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    await sentinel('after-race');
    assert.equal(smtp.received.filter((m) => m.recipients.includes('raced@example.com')).length, 1);
  });

  it('replays an idempotent create without queueing a second email', async () => {
    const customer = await shop.createCustomer({ primaryEmail: 'replayed@example.com' });
    const fields = validInvoice(customer.id, { sendNotification: 'true' });
    const pdf = samplePdf('replayed');
    const send = () => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'invoice.pdf');
      return shop.request('/v1/customer-invoices', { method: 'POST', body: form, headers: { 'idempotency-key': 'mail-once' } });
    };
    const first = await send();
    const second = await send();
    assert.equal(first.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    await Promise.all([first.arrayBuffer(), second.arrayBuffer()]);
    await sentinel('after-replay');
    assert.equal(smtp.received.filter((m) => m.recipients.includes('replayed@example.com')).length, 1);
  });

  it('sends nothing for an invoice deleted before its email went out, and keeps no token for it', async () => {
    // No worker on this one, so the message is still queued when the invoice goes.
    const quiet = await startTestServer({ SMTP_URL: smtp.url });
    try {
      const owner = await quiet.account();
      const customer = await owner.createCustomer();
      const created = (await (await owner.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }))).json()) as { id: string };
      assert.equal((await owner.request(`/v1/customer-invoices/${created.id}`, { method: 'DELETE' })).status, 204);
      const db = quiet.runtime.ctx.db;
      assert.equal((await db.selectFrom('notification_outbox').select('id').execute()).length, 0);
      assert.equal((await db.selectFrom('invoice_access_tokens').select('token_hash').execute()).length, 0);
    } finally {
      await quiet.close();
    }
  });
});
