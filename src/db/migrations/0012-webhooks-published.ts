import type { Kysely, Migration } from 'kysely';
import { newId } from '../../lib/ids.js';

/** What the tables looked like before this migration (webhook_endpoints.type is added first). */
interface Before {
  webhook_endpoints: { id: string; account_id: string; url: string; events: string; type: string; secret: string; created_at: string };
  webhook_deliveries: { id: string; endpoint_id: string; event_type: string };
  webhook_events: { id: string; type: string; payload: string };
}

/** Our former event names → MijnKlantportaal's style (reference 2.10). */
export const RENAMED_EVENT_TYPES: Readonly<Record<string, string>> = {
  'customer-invoice.created': 'invoice-created',
  'customer-invoice.paid': 'invoice-paid',
  'customer-invoice.viewed': 'invoice-viewed',
  'notification.failed': 'notification-failed',
};
const renamed = (type: string) => RENAMED_EVENT_TYPES[type] ?? type;

const BATCH = 500;

/**
 * Webhooks as published (issue 14): a record is one URL for one event type. Each multi-event endpoint (`whe_`)
 * becomes one `wbh_` record per type it subscribed to, with the same URL, secret and createdAt; its deliveries
 * (pending ones and the log) move to the record of their type. Secrets stay: `whsec_…` keeps verifying at the
 * receivers, and it is what `X-Webhook-Signature` now carries for these records. The old ids have no route any
 * more (`/v1/webhook-endpoints` is gone), so they are not kept. Event names become MijnKlantportaal's, and stored
 * bodies lose their `data.object` wrapper, so a pending or redelivered event is sent in the new shape.
 * The table keeps its name and webhook_deliveries.endpoint_id its column (the delivery outbox's SQL is unchanged).
 */
export const webhooksPublished: Migration = {
  async up(raw: Kysely<unknown>) {
    const db = raw as unknown as Kysely<Before>;
    // NOT NULL needs a default to be added to a table with rows; every record gets its type below.
    await db.schema.alterTable('webhook_endpoints').addColumn('type', 'text', (c) => c.notNull().defaultTo('')).execute();

    for (;;) {
      // Each old endpoint is deleted once split, so the next batch is whatever is left.
      const endpoints = await db.selectFrom('webhook_endpoints').selectAll().where('type', '=', '').orderBy('id').limit(BATCH).execute();
      if (endpoints.length === 0) break;
      for (const endpoint of endpoints) {
        // The subscribed types, and (defensively) any type its deliveries carry: no delivery is left without a record.
        const logged = await db.selectFrom('webhook_deliveries').select('event_type').distinct().where('endpoint_id', '=', endpoint.id).execute();
        const types = [...new Set([...endpoint.events.split(',').filter(Boolean), ...logged.map((d) => d.event_type)])];
        for (const oldType of types) {
          const id = newId('wbh');
          const type = renamed(oldType);
          await db.insertInto('webhook_endpoints').values({ ...endpoint, id, type, events: type }).execute();
          await db.updateTable('webhook_deliveries').set({ endpoint_id: id }).where('endpoint_id', '=', endpoint.id).where('event_type', '=', oldType).execute();
        }
        // Nothing references it now (an endpoint without any type received nothing and has no log).
        await db.deleteFrom('webhook_endpoints').where('id', '=', endpoint.id).execute();
      }
    }
    await db.schema.alterTable('webhook_endpoints').dropColumn('events').execute();

    for (const [oldType, type] of Object.entries(RENAMED_EVENT_TYPES)) {
      await db.updateTable('webhook_deliveries').set({ event_type: type }).where('event_type', '=', oldType).execute();
      for (;;) {
        const events = await db.selectFrom('webhook_events').select(['id', 'payload']).where('type', '=', oldType).orderBy('id').limit(BATCH).execute();
        if (events.length === 0) break;
        for (const event of events) {
          const body = JSON.parse(event.payload) as { id: string; createdAt: string; data?: { object?: unknown } };
          const payload = JSON.stringify({ id: body.id, type, createdAt: body.createdAt, data: body.data?.object ?? body.data ?? null });
          await db.updateTable('webhook_events').set({ type, payload }).where('id', '=', event.id).execute();
        }
      }
    }
  },
};
