import type { Executor } from '../db/database.js';
import { keysetPage } from '../db/keyset-page.js';
import type { WebhookDeliveriesTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import { claimDue, type JobQueue } from '../outbox/queue.js';

/** All SQL of the delivery outbox and log. */
export type DeliveryRow = WebhookDeliveriesTable;

function normalise(row: DeliveryRow): DeliveryRow {
  return { ...row, attempts: Number(row.attempts), last_status_code: row.last_status_code === null ? null : Number(row.last_status_code) };
}

export function insertDeliveries(db: Executor, rows: DeliveryRow[]): Promise<unknown> {
  return db.insertInto('webhook_deliveries').values(rows).execute();
}

export async function findDelivery(db: Executor, accountId: string, endpointId: string, id: string): Promise<DeliveryRow | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && normalise(row);
}

/** An endpoint's log, newest first, keyset-paged. */
export async function listDeliveries(db: Executor, endpointId: string, page: PageRequest): Promise<DeliveryRow[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  const rows = await keysetPage(query, page, 'created_at', 'id').execute();
  return rows.map(normalise);
}

/** The delivery queue: `pending` rows; a claim also records when the attempt started. */
export const WEBHOOK_DELIVERIES: JobQueue<'webhook_deliveries'> = {
  table: 'webhook_deliveries',
  statusColumn: 'status',
  dueStatus: 'pending',
  claimSets: (now) => ({ last_attempt_at: now }),
};

/** Claims the oldest due delivery with the outbox's one claim (`claimDue`: lease, SKIP LOCKED on PostgreSQL). */
export async function claimDueDelivery(db: Executor, now: string, leaseUntil: string, leaseId: string): Promise<DeliveryRow | undefined> {
  const row = await claimDue(db, WEBHOOK_DELIVERIES, now, leaseUntil, leaseId);
  return row && normalise(row);
}

/** The endpoint and the body a claimed delivery needs; undefined when the endpoint was deleted meanwhile. */
export function findDeliveryTarget(
  db: Executor,
  delivery: DeliveryRow,
): Promise<{ url: string; secret: string; payload: string; account_mode: string } | undefined> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .innerJoin('webhook_events as v', 'v.id', 'd.event_id')
    .innerJoin('accounts as a', 'a.id', 'd.account_id')
    .select(['e.url', 'e.secret', 'v.payload', 'a.mode as account_mode'])
    .where('d.id', '=', delivery.id)
    .executeTakeFirst();
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
}

/** Delivered: recorded even if the lease ran out meanwhile, because the receiver did get it. */
export async function markDelivered(db: Executor, id: string, at: string, outcome: AttemptOutcome): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'delivered', delivered_at: at, lease_id: null, last_status_code: outcome.statusCode, ...(outcome.error ? { last_error: outcome.error } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt: due again at `retryAt`, or `failed` when `retryAt` is null. Only the lease holder records it. */
export async function markAttemptFailed(db: Executor, id: string, leaseId: string, retryAt: string | null, outcome: AttemptOutcome): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      ...(retryAt === null ? { status: 'failed' as const } : { available_at: retryAt }),
      lease_id: null,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
    })
    .where('id', '=', id)
    .where('lease_id', '=', leaseId)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Manual redeliver: pending again, due now, with a fresh retry window. Refused (false) while a worker holds a
 * live lease on it, so one delivery is never sent by two workers at once.
 */
export async function requeueDelivery(db: Executor, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', available_at: now, lease_id: null, queued_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_id', 'is', null), eb('available_at', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
