import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApiKey } from '../../src/accounts/account.service.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest, migrateTo } from '../../src/db/migrate.js';
import { accountClient, createTestData, startTestServer, type TestData } from '../helpers/server.js';
import { startTestReceiver, type TestReceiver } from '../helpers/webhook-receiver.js';

const FAST = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_POLL_MS: '20' };
const OLD_SECRET = `whsec_${'A1b2-C3d4_'.repeat(4)}xyz`;
const AT = '2026-11-02T09:00:00.000Z';

interface Row {
  [column: string]: unknown;
}

/**
 * Migration 0012-webhooks-published on a database that holds rows of the former shape: an endpoint subscribed to
 * three event types becomes three records, its deliveries (pending and logged) follow their type, the secret keeps
 * working in both headers, and what was pending is delivered afterwards in the new body shape.
 */
describe('migration 0012: webhook endpoints become one record per event type', () => {
  let data: TestData;
  let receiver: TestReceiver;
  const ids = { account: 'acc_migrationtest01', multi: 'whe_multi000000001', viewed: 'whe_viewed00000001' };

  before(async () => {
    data = await createTestData('kp-webhooks-0012-');
    receiver = await startTestReceiver();
    const database: DatabaseHandle = openDatabase(loadConfig(data.env).database);
    try {
      await migrateTo(database, '0009-mail-caps');
      const db = database.db;
      await sql`insert into accounts (id, name, time_zone, created_at, mode, live_account_id) values (${ids.account}, ${'Oude Haken B.V.'}, ${'Europe/Amsterdam'}, ${AT}, ${'live'}, ${null})`.execute(db);
      const endpoint = (id: string, url: string, events: string) =>
        sql`insert into webhook_endpoints (id, account_id, url, events, secret, created_at) values (${id}, ${ids.account}, ${url}, ${events}, ${OLD_SECRET}, ${AT})`.execute(db);
      await endpoint(ids.multi, `${receiver.url}/old`, 'customer-invoice.created,customer-invoice.paid,notification.failed');
      await endpoint(ids.viewed, 'https://example.com/viewed', 'customer-invoice.viewed');
      const event = (id: string, type: string) =>
        sql`insert into webhook_events (id, account_id, type, payload, created_at) values (${id}, ${ids.account}, ${type}, ${JSON.stringify({ id, type, createdAt: '2026-11-02T10:00:00+01:00', data: { object: { id: 'inv_abc12345def678', amount: '12.95' } } })}, ${AT})`.execute(db);
      await event('evt_created0000001', 'customer-invoice.created');
      await event('evt_paid0000000001', 'customer-invoice.paid');
      await event('evt_paid0000000002', 'customer-invoice.paid');
      const delivery = (id: string, eventId: string, type: string, status: string, deliveredAt: string | null) =>
        sql`insert into webhook_deliveries (id, account_id, endpoint_id, event_id, event_type, status, attempts, available_at, lease_id, queued_at, last_status_code, last_error, last_attempt_at, delivered_at, created_at)
            values (${id}, ${ids.account}, ${ids.multi}, ${eventId}, ${type}, ${status}, ${deliveredAt ? 1 : 0}, ${AT}, ${null}, ${AT}, ${deliveredAt ? 200 : null}, ${null}, ${deliveredAt}, ${deliveredAt}, ${AT})`.execute(db);
      // Pending ones are due long ago; with a queued_at that old they would fail at once, so they are fresh.
      await delivery('whd_created0000001', 'evt_created0000001', 'customer-invoice.created', 'pending', null);
      await delivery('whd_paid0000000001', 'evt_paid0000000001', 'customer-invoice.paid', 'delivered', AT);
      await delivery('whd_paid0000000002', 'evt_paid0000000002', 'customer-invoice.paid', 'pending', null);
      await sql`update webhook_deliveries set queued_at = ${new Date().toISOString()} where status = 'pending'`.execute(db);

      assert.ok((await migrateToLatest(database)).includes('0012-webhooks-published'));
    } finally {
      await database.close();
    }
  });
  after(async () => {
    await receiver.close();
    await data.cleanup();
  });

  it('splits the rows: one wbh_ record per type with the URL, secret and createdAt; deliveries follow their type; names and bodies renamed', async () => {
    const database = openDatabase(loadConfig(data.env).database);
    try {
      const db = database.db;
      const records = await db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', ids.account).execute();
      assert.deepEqual(records.map((r) => r.type).sort(), ['invoice-created', 'invoice-paid', 'invoice-viewed', 'notification-failed']);
      for (const record of records) {
        assert.match(record.id, /^wbh_[0-9a-z]{14}$/);
        assert.equal(record.secret, OLD_SECRET);
        assert.equal(record.created_at, AT);
      }
      const byType = new Map(records.map((r) => [r.type, r] as const));
      assert.equal(byType.get('invoice-viewed')?.url, 'https://example.com/viewed');
      assert.equal(byType.get('invoice-paid')?.url, `${receiver.url}/old`);
      assert.equal('events' in (records[0] as Row), false, 'the events column is gone');

      const deliveries = await db.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute();
      assert.deepEqual(
        deliveries.map((d) => [d.id, d.endpoint_id, d.event_type, d.status]),
        [
          ['whd_created0000001', byType.get('invoice-created')?.id, 'invoice-created', 'pending'],
          ['whd_paid0000000001', byType.get('invoice-paid')?.id, 'invoice-paid', 'delivered'],
          ['whd_paid0000000002', byType.get('invoice-paid')?.id, 'invoice-paid', 'pending'],
        ],
      );
      const event = await db.selectFrom('webhook_events').selectAll().where('id', '=', 'evt_paid0000000001').executeTakeFirstOrThrow();
      assert.equal(event.type, 'invoice-paid');
      assert.equal(event.payload, JSON.stringify({ id: 'evt_paid0000000001', type: 'invoice-paid', createdAt: '2026-11-02T10:00:00+01:00', data: { id: 'inv_abc12345def678', amount: '12.95' } }));
    } finally {
      await database.close();
    }
  });

  it('serves the carried-over records through /v1/webhooks and delivers what was pending, signed with the old secret in both headers', async () => {
    const server = await startTestServer({ ...data.env, ...FAST }, { worker: true });
    try {
      const { apiKey } = await createApiKey(server.runtime.ctx.db, ids.account);
      const shop = accountClient(server.url, ids.account, apiKey);
      const listed = (await (await shop.request('/v1/webhooks')).json()) as { data: { id: string; type: string; secret: string; createdAt: string }[] };
      assert.equal(listed.data.length, 4);
      assert.ok(listed.data.every((w) => w.secret === OLD_SECRET && w.createdAt === '2026-11-02T10:00:00+01:00'));
      const paid = listed.data.find((w) => w.type === 'invoice-paid');
      const log = (await (await shop.request(`/v1/webhooks/${paid?.id}/deliveries`)).json()) as { data: { id: string; webhookId: string; eventType: string }[] };
      assert.deepEqual(log.data.map((d) => d.id).sort(), ['whd_paid0000000001', 'whd_paid0000000002']);
      assert.ok(log.data.every((d) => d.webhookId === paid?.id && d.eventType === 'invoice-paid'));

      const got = await receiver.waitFor((all) => all.length >= 2);
      assert.deepEqual(got.map((r) => JSON.parse(r.body).id).sort(), ['evt_created0000001', 'evt_paid0000000002']);
      for (const hook of got) {
        assert.equal(hook.headers['x-webhook-signature'], OLD_SECRET);
        const [t, v1] = String(hook.headers['klantportaal-signature']).replace(/^t=/, '').split(',v1=');
        assert.equal(v1, createHmac('sha256', OLD_SECRET).update(`${t}.${hook.body}`).digest('hex'));
        assert.deepEqual(JSON.parse(hook.body).data, { id: 'inv_abc12345def678', amount: '12.95' });
      }
    } finally {
      await server.close();
    }
  });
});
