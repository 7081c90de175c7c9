import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../helpers/process.js';
import { createApiKey } from '../../src/accounts/account.service.js';
import { startWebhookWorker, TEST_MODE_RECORDED, type WebhookWorker } from '../../src/webhooks/webhook-worker.js';
import { accountClient, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from '../helpers/webhook-receiver.js';

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}
interface EventBody {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown> & { id: string; notification?: { status: string } | null };
}

/** What a receiver does, as the README shows it: node:crypto only, none of our code. */
function verify(secret: string, header: string, body: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const FAST = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_POLL_MS: '20', MAIL_POLL_MS: '20' };

async function register(account: TestAccount, url: string, type: string): Promise<{ id: string; secret: string }> {
  const res = await account.json('POST', '/v1/webhooks', { url, type });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: string; secret: string };
}

async function deliveries(account: TestAccount, webhookId: string): Promise<Delivery[]> {
  const res = await account.request(`/v1/webhooks/${webhookId}/deliveries`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { data: Delivery[] }).data;
}

async function waitForDeliveries(account: TestAccount, webhookId: string, predicate: (log: Delivery[]) => boolean): Promise<Delivery[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const log = await deliveries(account, webhookId);
    if (predicate(log)) return log;
    if (Date.now() > deadline) throw new Error(`delivery log never matched: ${JSON.stringify(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const parse = (hook: ReceivedWebhook) => JSON.parse(hook.body) as EventBody;

describe('webhook deliveries to a real receiver on loopback (private networks allowed)', () => {
  let server: TestServer;
  let receiver: TestReceiver;
  before(async () => {
    receiver = await startTestReceiver();
    // Email goes to a closed port and gets one attempt, so a notification fails quickly.
    server = await startTestServer({ ...FAST, SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, MAIL_MAX_ATTEMPTS: '1' }, { worker: true });
  });
  after(async () => {
    await server.close();
    await receiver.close();
  });

  /** Each test its own account and receiver path, so their events never mix. */
  async function setUp(type: string, label: string) {
    const shop = await server.account(`Zaak ${label}`);
    const endpoint = await register(shop, `${receiver.url}/${label}`, type);
    return { shop, endpoint };
  }

  it('test mode: a kp_test_ key’s events are recorded in the delivery log, never sent to the receiver', async () => {
    const live = await server.account('Zaak test-mode');
    const { apiKey } = await createApiKey(server.runtime.ctx.db, live.id, { test: true });
    const shop = accountClient(server.url, live.id, apiKey);
    const endpoint = await register(shop, `${receiver.url}/test-mode`, 'invoice-created');
    const customer = await shop.createCustomer();
    const res = await shop.createInvoice(validInvoice(customer.id));
    assert.equal(res.status, 201);
    const invoice = (await res.json()) as { id: string };
    const [logged] = await waitForDeliveries(shop, endpoint.id, (log) => log[0]?.status === 'delivered');
    assert.equal(logged?.lastError, TEST_MODE_RECORDED);
    assert.equal(logged?.lastStatusCode, null);
    assert.equal(receiver.received.filter((r) => r.body.includes(invoice.id)).length, 0, 'nothing reached the receiver');
  });

  it('sends invoice-created with both signatures: X-Webhook-Signature is the secret, the HMAC verifies over the raw body', async () => {
    const { shop, endpoint } = await setUp('invoice-created', 'signed');
    const customer = await shop.createCustomer();
    const res = await shop.createInvoice(validInvoice(customer.id));
    assert.equal(res.status, 201);
    const invoice = (await res.json()) as { id: string };
    const [hook] = (await receiver.waitFor((all) => all.some((r) => r.body.includes(invoice.id)))).filter((r) => r.body.includes(invoice.id));
    assert.ok(hook);
    // As MijnKlantportaal does: the record's secret itself.
    assert.equal(hook.headers['x-webhook-signature'], endpoint.secret);
    const header = String(hook.headers['klantportaal-signature']);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(verify(endpoint.secret, header, hook.body), true);
    assert.equal(verify(`${endpoint.secret}x`, header, hook.body), false, 'wrong secret');
    assert.equal(verify(endpoint.secret, header, hook.body.replace('"amount":"12.95"', '"amount":"1.95"')), false, 'tampered body');
    assert.equal(verify(endpoint.secret, header.replace(/t=\d+/, (t) => `t=${Number(t.slice(2)) - 1}`), hook.body), false, 'other timestamp');
    assert.match(String(hook.headers['content-type']), /^application\/json/);

    const event = parse(hook);
    assert.equal(hook.headers['klantportaal-event-id'], event.id);
    assert.match(event.id, /^evt_[0-9a-z]{14}$/);
    assert.equal(event.type, 'invoice-created');
    assert.match(event.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    // The invoice exactly as the API returns it, straight under `data`.
    assert.deepEqual(event.data, await (await shop.request(`/v1/customer-invoices/${invoice.id}`)).json());
    assert.deepEqual(Object.keys(event).sort(), ['createdAt', 'data', 'id', 'type']);

    const [logged] = await waitForDeliveries(shop, endpoint.id, (log) => log[0]?.status === 'delivered');
    assert.equal(logged?.eventId, event.id);
    assert.equal(logged?.attempts, 1);
    assert.equal(logged?.lastStatusCode, 200);
  });

  it('a record per type: invoice-created and invoice-paid records each get only their own type; paid once per payment', async () => {
    const shop = await server.account('Zaak paid');
    const createdHook = await register(shop, `${receiver.url}/paid-created`, 'invoice-created');
    const paidHook = await register(shop, `${receiver.url}/paid-paid`, 'invoice-paid');
    const customer = await shop.createCustomer();
    const open = (await (await shop.createInvoice(validInvoice(customer.id))).json()) as { id: string };
    const patched = await shop.json('PATCH', `/v1/customer-invoices/${open.id}`, { paidAt: '2024-05-11 12:59:00' });
    assert.equal(patched.status, 200);
    const paidInvoice = await patched.json();
    // Another date on a paid invoice is not another payment.
    assert.equal((await shop.json('PATCH', `/v1/customer-invoices/${open.id}`, { paidAt: '2024-05-12 09:00:00' })).status, 200);
    const already = (await (await shop.createInvoice(validInvoice(customer.id, { paidAt: '2024-05-01 10:00:00' }))).json()) as { id: string };

    await waitForDeliveries(shop, createdHook.id, (log) => log.length === 2 && log.every((d) => d.status === 'delivered'));
    await waitForDeliveries(shop, paidHook.id, (log) => log.length === 2 && log.every((d) => d.status === 'delivered'));
    const at = (path: string) => receiver.received.filter((r) => r.path === path);
    const summary = (path: string) => at(path).map(parse).map((e) => `${e.type} ${e.data.id}`).sort();
    assert.deepEqual(summary('/hooks/paid-created'), [`invoice-created ${already.id}`, `invoice-created ${open.id}`].sort());
    assert.deepEqual(summary('/hooks/paid-paid'), [`invoice-paid ${already.id}`, `invoice-paid ${open.id}`].sort());
    for (const hook of at('/hooks/paid-paid')) assert.equal(hook.headers['x-webhook-signature'], paidHook.secret);
    const paid = at('/hooks/paid-paid').map(parse).find((e) => e.data.id === open.id);
    assert.deepEqual(paid?.data, paidInvoice);
    assert.equal(paid?.data.paidAt, '2024-05-11T12:59:00+02:00');
  });

  it('sends customer-created, customer-deleted and invoice-deleted with the resource as its GET returned it', async () => {
    const shop = await server.account('Zaak lifecycle');
    const hooks = Object.fromEntries(
      await Promise.all(['customer-created', 'customer-deleted', 'invoice-deleted'].map(async (type) => [type, await register(shop, `${receiver.url}/life-${type}`, type)] as const)),
    );
    const customer = await shop.createCustomer();
    const customerAsCreated = await (await shop.request(`/v1/customers/${customer.id}`)).json();
    const invoice = (await (await shop.createInvoice(validInvoice(customer.id))).json()) as { id: string };
    const invoiceAsItWas = await (await shop.request(`/v1/customer-invoices/${invoice.id}`)).json();
    assert.equal((await shop.request(`/v1/customer-invoices/${invoice.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await shop.request(`/v1/customers/${customer.id}`, { method: 'DELETE' })).status, 204);

    const one = async (type: string) => {
      const [hook] = await receiver.waitFor((all) => all.some((r) => r.path === `/hooks/life-${type}`)).then((all) => all.filter((r) => r.path === `/hooks/life-${type}`));
      assert.ok(hook);
      assert.equal(hook.headers['x-webhook-signature'], hooks[type]?.secret);
      assert.equal(verify(hooks[type]?.secret ?? '', String(hook.headers['klantportaal-signature']), hook.body), true);
      const event = parse(hook);
      assert.equal(event.type, type);
      return event.data;
    };
    assert.deepEqual(await one('customer-created'), customerAsCreated);
    assert.deepEqual(await one('invoice-deleted'), invoiceAsItWas);
    assert.deepEqual(await one('customer-deleted'), customerAsCreated);
    for (const hook of Object.values(hooks)) await waitForDeliveries(shop, hook.id, (log) => log.length === 1 && log[0]?.status === 'delivered');
  });

  it('sends notification-failed with the invoice whose email was given up', async () => {
    const { shop, endpoint } = await setUp('notification-failed', 'mailfail');
    const customer = await shop.createCustomer();
    const invoice = (await (await shop.createInvoice(validInvoice(customer.id, { sendNotification: 'true' }))).json()) as { id: string };
    const [hook] = await receiver.waitFor((all) => all.some((r) => r.body.includes(invoice.id))).then((all) => all.filter((r) => r.body.includes(invoice.id)));
    const event = parse(hook as ReceivedWebhook);
    assert.equal(event.type, 'notification-failed');
    assert.equal(event.data.notification?.status, 'failed');
    assert.deepEqual(event.data, await (await shop.request(`/v1/customer-invoices/${invoice.id}`)).json());
    await waitForDeliveries(shop, endpoint.id, (log) => log.length === 1 && log[0]?.status === 'delivered');
  });

  it('retries a receiver that answers 500 twice: delivered once, attempts = 3, the same event each time; then redelivers on request', async () => {
    const { shop, endpoint } = await setUp('invoice-created', 'retry');
    const customer = await shop.createCustomer();
    receiver.script.push(500, 500);
    const invoice = (await (await shop.createInvoice(validInvoice(customer.id))).json()) as { id: string };
    const [delivery] = await waitForDeliveries(shop, endpoint.id, (log) => log[0]?.status === 'delivered');
    assert.ok(delivery);
    assert.equal(delivery.attempts, 3);
    assert.equal(delivery.lastStatusCode, 200);
    assert.match(delivery.lastError ?? '', /answered 500/);
    assert.equal(delivery.nextAttemptAt, null);
    const copies = receiver.received.filter((r) => r.body.includes(invoice.id));
    assert.deepEqual(copies.map((r) => r.status), [500, 500, 200]);
    assert.equal(new Set(copies.map((r) => r.body)).size, 1, 'the same bytes every time');
    assert.equal(new Set(copies.map((r) => r.headers['klantportaal-event-id'])).size, 1);

    const res = await shop.request(`/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, { method: 'POST', headers: { 'idempotency-key': 'again-1' } });
    assert.equal(res.status, 202);
    assert.equal(((await res.json()) as Delivery).status, 'pending');
    const [again] = await waitForDeliveries(shop, endpoint.id, (log) => log[0]?.status === 'delivered' && log[0].attempts === 4);
    assert.equal(again?.id, delivery.id);
    assert.equal(receiver.received.filter((r) => r.body.includes(invoice.id)).length, 4);
    // A retried redeliver request (same key) does not queue it a third time.
    const replay = await shop.request(`/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, { method: 'POST', headers: { 'idempotency-key': 'again-1' } });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    await replay.arrayBuffer();
  });

  it('stops after the retry window: failed, with the last status and error in the log; a hung receiver times out and is retried', async () => {
    const windowed = await startTestServer({ ...FAST, WEBHOOK_RETRY_WINDOW_MS: '1500', WEBHOOK_TIMEOUT_MS: '300' }, { worker: true });
    const refusing = await startTestReceiver();
    const hanging = await startTestReceiver();
    try {
      hanging.script.push(0);
      const patient = await windowed.account('Geduldig');
      const slow = await register(patient, hanging.url, 'invoice-created');
      assert.equal((await patient.createInvoice(validInvoice((await patient.createCustomer()).id))).status, 201);
      const [late] = await waitForDeliveries(patient, slow.id, (log) => log[0]?.status === 'delivered');
      assert.equal(late?.attempts, 2);
      assert.match(late?.lastError ?? '', /no answer within 300 ms/);

      refusing.script.push(...Array<number>(100).fill(503));
      const shop = await windowed.account();
      const endpoint = await register(shop, refusing.url, 'invoice-created');
      const customer = await shop.createCustomer();
      assert.equal((await shop.createInvoice(validInvoice(customer.id))).status, 201);
      const [failed] = await waitForDeliveries(shop, endpoint.id, (log) => log[0]?.status === 'failed');
      assert.ok(failed && failed.attempts >= 2, JSON.stringify(failed));
      assert.equal(failed.lastStatusCode, 503);
      assert.equal(failed.nextAttemptAt, null);
      assert.equal(refusing.received.length, failed.attempts);
    } finally {
      await windowed.close();
      await refusing.close();
      await hanging.close();
    }
  });
});

describe('webhook deliveries without the private-network allowance', () => {
  it('refuses at delivery time a name that resolves to loopback (localhost), and records why', async () => {
    const receiver = await startTestReceiver();
    const server = await startTestServer({ WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '100', WEBHOOK_POLL_MS: '20' }, { worker: true });
    try {
      const shop = await server.account();
      // A name is not resolved at registration; the address actually connected to is checked.
      const endpoint = await register(shop, receiver.url.replace('127.0.0.1', 'localhost'), 'invoice-created');
      const customer = await shop.createCustomer();
      assert.equal((await shop.createInvoice(validInvoice(customer.id))).status, 201);
      const [refused] = await waitForDeliveries(shop, endpoint.id, (log) => (log[0]?.attempts ?? 0) >= 2);
      assert.equal(refused?.status, 'pending');
      assert.equal(refused?.lastStatusCode, null);
      assert.match(refused?.lastError ?? '', /refused: localhost resolves to (127\.0\.0\.1|::1), which is not public \(loopback\)/);
      assert.equal(receiver.received.length, 0, 'nothing reached the receiver');
    } finally {
      await server.close();
      await receiver.close();
    }
  });
});

describe('deleting a webhook record stops its deliveries', () => {
  it('drops what was queued for it: the worker, started afterwards, delivers the kept record’s copy and never the deleted one’s', async () => {
    const receiver = await startTestReceiver();
    // No worker yet: the deliveries wait in the outbox until the record is gone.
    const server = await startTestServer(FAST);
    let worker: WebhookWorker | undefined;
    try {
      const shop = await server.account('Zaak delete');
      const kept = await register(shop, `${receiver.url}/kept`, 'invoice-created');
      const dropped = await register(shop, `${receiver.url}/dropped`, 'invoice-created');
      assert.equal((await shop.createInvoice(validInvoice((await shop.createCustomer()).id))).status, 201);
      assert.equal((await deliveries(shop, dropped.id)).length, 1, 'queued for both records');
      assert.equal((await shop.request(`/v1/webhooks/${dropped.id}`, { method: 'DELETE' })).status, 204);
      const left = await server.runtime.ctx.db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', dropped.id).execute();
      assert.equal(left.length, 0, 'its queued delivery went with it');

      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      worker = startWebhookWorker(server.runtime.ctx.db, server.runtime.ctx.config.webhooks, quiet);
      await waitForDeliveries(shop, kept.id, (log) => log[0]?.status === 'delivered');
      const pending = await server.runtime.ctx.db.selectFrom('webhook_deliveries').select('id').where('status', '=', 'pending').execute();
      assert.equal(pending.length, 0, 'nothing else is due');
      assert.deepEqual(receiver.received.map((r) => r.path), ['/hooks/kept']);
    } finally {
      await worker?.stop();
      await server.close();
      await receiver.close();
    }
  });
});
