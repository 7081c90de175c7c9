import type { Executor } from '../db/database.js';
import { findAccount } from '../accounts/account.repository.js';
import { newId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import type { Invoice } from '../invoices/invoice.schemas.js';
import { insertDeliveries, type DeliveryRow } from './webhook-delivery.repository.js';
import { endpointsOfAccount, insertEvent } from './webhook.repository.js';
import type { WebhookEventType } from './webhook.schemas.js';

/** The JSON every delivery of an event sends, byte for byte. */
export interface WebhookEventBody {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: { object: Invoice };
}

export function subscribedEvents(row: { events: string }): WebhookEventType[] {
  return row.events.split(',').filter(Boolean) as WebhookEventType[];
}

/**
 * Records an event and queues one delivery per endpoint of the account that subscribes to its type, in the
 * caller's transaction: the event exists exactly when the change it describes commits (transactional outbox).
 * `object` is the resource as the API returns it at that moment. When no endpoint listens nothing is written.
 * Returns the event id, or null.
 *
 * Callers: invoice creation and PATCH (created, paid), the mail worker (notification.failed) and the portal
 * when it records an invoice's first view (`customer-invoice.viewed`; see invoices/invoice-events.ts).
 */
export async function recordWebhookEvent(trx: Executor, accountId: string, type: WebhookEventType, object: Invoice): Promise<string | null> {
  const endpoints = (await endpointsOfAccount(trx, accountId)).filter((e) => subscribedEvents(e).includes(type));
  if (endpoints.length === 0) return null;
  const account = await findAccount(trx, accountId);
  if (!account) return null;
  const now = nowUtc();
  const id = newId('evt');
  const body: WebhookEventBody = { id, type, createdAt: toAtom(now, account.time_zone), data: { object } };
  await insertEvent(trx, { id, account_id: accountId, type, payload: JSON.stringify(body), created_at: now });
  const deliveries: DeliveryRow[] = endpoints.map((endpoint) => ({
    id: newId('whd'),
    account_id: accountId,
    endpoint_id: endpoint.id,
    event_id: id,
    event_type: type,
    status: 'pending',
    attempts: 0,
    available_at: now,
    lease_id: null,
    queued_at: now,
    last_status_code: null,
    last_error: null,
    last_attempt_at: null,
    delivered_at: null,
    created_at: now,
  }));
  await insertDeliveries(trx, deliveries);
  return id;
}
