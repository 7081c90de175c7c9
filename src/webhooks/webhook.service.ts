import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { readPage, throwIfInvalid, toPage } from '../http/pagination.js';
import { conflict, notFound, validationFailed, type FieldError } from '../http/problems.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import { urlProblem } from './webhook-address.js';
import { findDelivery, listDeliveries as listDeliveryRows, requeueDelivery, type DeliveryRow } from './webhook-delivery.repository.js';
import { newSigningSecret } from './webhook-signature.js';
import { countWebhooks, deleteWebhook as deleteRow, findWebhook, insertWebhook, listWebhooks as listRows, type WebhookRow } from './webhook.repository.js';
import type { CreateWebhookInput, Webhook, WebhookDelivery, WebhookEventType, WebhookListQueryInput } from './webhook.schemas.js';

/**
 * Each record multiplies the events of its type; a cap keeps one account from fanning out without bound. With
 * one type per record, 100 leaves room for every one of the 25 types at four URLs (Stripe's 16 endpoints each
 * took any number of types; so did ours before records were per type).
 */
export const MAX_WEBHOOKS_PER_ACCOUNT = 100;

const webhookUrl = (baseUrl: string, id: string) => `${baseUrl}/v1/webhooks/${id}`;

export function toWebhook(row: WebhookRow, timeZone: string, baseUrl: string): Webhook {
  const self = webhookUrl(baseUrl, row.id);
  return {
    id: row.id,
    type: row.type as WebhookEventType,
    url: row.url,
    secret: row.secret,
    createdAt: toAtom(row.created_at, timeZone),
    links: { self: { href: self, type: 'application/json' }, deliveries: { href: `${self}/deliveries`, type: 'application/json' } },
  };
}

function toDelivery(row: DeliveryRow, timeZone: string, baseUrl: string): WebhookDelivery {
  const at = (value: string | null) => (value ? toAtom(value, timeZone) : null);
  return {
    id: row.id,
    webhookId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: at(row.last_attempt_at),
    // While leased, available_at is the end of the lease: the attempt is happening now, not then.
    nextAttemptAt: row.status === 'pending' && row.lease_id === null ? at(row.available_at) : null,
    deliveredAt: at(row.delivered_at),
    createdAt: toAtom(row.created_at, timeZone),
    links: { webhook: { href: webhookUrl(baseUrl, row.endpoint_id), type: 'application/json' } },
  };
}

const missing = (id: string) => notFound(`Webhook record ${id.slice(0, 64)}`);

async function requireWebhookRow(db: Executor, caller: Caller, id: string): Promise<WebhookRow> {
  const row = looksLikeId('wbh', id) ? await findWebhook(db, caller.accountId, id) : undefined;
  if (!row) throw missing(id);
  return row;
}

/**
 * Every problem with a registration at once: what the route's schema found and the URL's own rules (scheme,
 * credentials, a non-public address), so one 422 names every bad field. Returns the input once it is valid.
 */
export function checkWebhookInput(ctx: AppContext, body: unknown, schemaErrors: FieldError[]): CreateWebhookInput {
  const errors = [...schemaErrors];
  const url = (body as { url?: unknown } | null)?.url;
  if (typeof url === 'string' && !errors.some((e) => e.field === 'url')) {
    const problem = urlProblem(url.trim(), ctx.config.webhooks.allowPrivateNetworks);
    if (problem) errors.push({ field: 'url', message: problem });
  }
  throwIfInvalid(errors);
  return body as CreateWebhookInput;
}

/** Registers a record for one event type; its secret is returned here and by every read, as published. */
export async function createWebhook(ctx: AppContext, caller: Caller, input: CreateWebhookInput, onCommit?: OnCommit<Webhook>): Promise<Webhook> {
  const url = input.url.trim();
  const problem = urlProblem(url, ctx.config.webhooks.allowPrivateNetworks);
  if (problem) throw validationFailed([{ field: 'url', message: problem }]);
  const row: WebhookRow = {
    id: newId('wbh'),
    account_id: caller.accountId,
    url: new URL(url).href,
    type: input.type,
    secret: newSigningSecret(),
    created_at: nowUtc(),
  };
  const created = toWebhook(row, caller.timeZone, ctx.config.publicBaseUrl);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countWebhooks(trx, caller.accountId)) >= MAX_WEBHOOKS_PER_ACCOUNT) {
      throw conflict(`This account already has ${MAX_WEBHOOKS_PER_ACCOUNT} webhook records; delete one first.`);
    }
    await insertWebhook(trx, row);
    await onCommit?.(trx, created);
  });
  return created;
}

export async function getWebhook(ctx: AppContext, caller: Caller, id: string): Promise<Webhook> {
  return toWebhook(await requireWebhookRow(ctx.db, caller, id), caller.timeZone, ctx.config.publicBaseUrl);
}

/** Deletes the record and, with it, its log and whatever was still queued for it. */
export async function deleteWebhook(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  const row = await requireWebhookRow(ctx.db, caller, id);
  if (!(await deleteRow(ctx.db, caller.accountId, row.id))) throw missing(id);
}

export async function listWebhooks(ctx: AppContext, caller: Caller, query: WebhookListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  throwIfInvalid(errors);
  const rows = await listRows(ctx.db, caller.accountId, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: '/v1/webhooks', query: { ...query } };
  return toPage(rows, page, at, (row) => toWebhook(row, caller.timeZone, ctx.config.publicBaseUrl));
}

export async function listDeliveries(ctx: AppContext, caller: Caller, id: string, query: WebhookListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  // An unknown record is a 404 even when the query is bad too: the resource is what is wrong.
  const webhook = await requireWebhookRow(ctx.db, caller, id);
  throwIfInvalid(errors);
  const rows = await listDeliveryRows(ctx.db, webhook.id, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: `/v1/webhooks/${webhook.id}/deliveries`, query: { ...query } };
  return toPage(rows, page, at, (row) => toDelivery(row, caller.timeZone, ctx.config.publicBaseUrl));
}

/** Queues a delivery again (whatever its state), due now, with a fresh retry window. */
export async function redeliver(ctx: AppContext, caller: Caller, id: string, deliveryId: string, onCommit?: OnCommit<WebhookDelivery>): Promise<WebhookDelivery> {
  return ctx.db.transaction().execute(async (trx) => {
    const webhook = await requireWebhookRow(trx, caller, id);
    const row = looksLikeId('whd', deliveryId) ? await findDelivery(trx, caller.accountId, webhook.id, deliveryId) : undefined;
    if (!row) throw notFound(`Webhook delivery ${deliveryId.slice(0, 64)}`);
    const now = nowUtc();
    if (!(await requeueDelivery(trx, row.id, now))) throw conflict('This delivery is being attempted right now; look at the log again in a moment.');
    const queued = toDelivery({ ...row, status: 'pending', available_at: now, lease_id: null, queued_at: now }, caller.timeZone, ctx.config.publicBaseUrl);
    await onCommit?.(trx, queued);
    return queued;
  });
}
