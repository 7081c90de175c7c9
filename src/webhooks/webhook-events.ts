import type { Executor } from '../db/database.js';
import { findAccount } from '../accounts/account.repository.js';
import { newId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import { insertDeliveries, type DeliveryRow } from './webhook-delivery.repository.js';
import { insertEvent, webhooksForType } from './webhook.repository.js';
import type { WebhookEventType } from './webhook.schemas.js';

/** The JSON every delivery of an event sends, byte for byte. `data` is the resource as its GET returns it. */
export interface WebhookEventBody<Data extends object = object> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: Data;
}

/**
 * Records an event and queues one delivery per webhook record of the account with that type, in the caller's
 * transaction: the event exists exactly when the change it describes commits (transactional outbox). `data` is
 * the resource as the API returns it at that moment (for a deletion: as it was); this module knows no section's
 * resources. When no record listens nothing is written. Returns the event id, or null.
 *
 * Callers: invoices (created, paid, deleted), customers (created, deleted), the mail worker
 * (notification-failed) and the portal when it records an invoice's first view (invoice-viewed).
 */
export async function recordWebhookEvent(trx: Executor, accountId: string, type: WebhookEventType, data: object): Promise<string | null> {
  const webhooks = await webhooksForType(trx, accountId, type);
  if (webhooks.length === 0) return null;
  const account = await findAccount(trx, accountId);
  if (!account) return null;
  const now = nowUtc();
  const id = newId('evt');
  const body: WebhookEventBody = { id, type, createdAt: toAtom(now, account.time_zone), data };
  await insertEvent(trx, { id, account_id: accountId, type, payload: JSON.stringify(body), created_at: now });
  const deliveries: DeliveryRow[] = webhooks.map((webhook) => ({
    id: newId('whd'),
    account_id: accountId,
    endpoint_id: webhook.id,
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
