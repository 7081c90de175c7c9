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
import { subscribedEvents } from './webhook-events.js';
import { newSigningSecret } from './webhook-signature.js';
import { countEndpoints, deleteEndpoint as deleteRow, findEndpoint, insertEndpoint, listEndpoints as listRows, type EndpointRow } from './webhook.repository.js';
import type { CreatedEndpoint, CreateWebhookEndpointInput, WebhookDelivery, WebhookEndpoint, WebhookListQueryInput } from './webhook.schemas.js';

/** Each endpoint multiplies every event; a cap keeps one account from fanning out without bound (as Stripe's 16). */
export const MAX_ENDPOINTS_PER_ACCOUNT = 16;

const endpointUrl = (baseUrl: string, id: string) => `${baseUrl}/v1/webhook-endpoints/${id}`;

export function toEndpoint(row: EndpointRow, timeZone: string, baseUrl: string): WebhookEndpoint {
  const self = endpointUrl(baseUrl, row.id);
  return {
    id: row.id,
    url: row.url,
    events: subscribedEvents(row),
    createdAt: toAtom(row.created_at, timeZone),
    links: { self: { href: self, type: 'application/json' }, deliveries: { href: `${self}/deliveries`, type: 'application/json' } },
  };
}

function toDelivery(row: DeliveryRow, timeZone: string, baseUrl: string): WebhookDelivery {
  const at = (value: string | null) => (value ? toAtom(value, timeZone) : null);
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type as WebhookDelivery['eventType'],
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: at(row.last_attempt_at),
    // While leased, available_at is the end of the lease: the attempt is happening now, not then.
    nextAttemptAt: row.status === 'pending' && row.lease_id === null ? at(row.available_at) : null,
    deliveredAt: at(row.delivered_at),
    createdAt: toAtom(row.created_at, timeZone),
    links: { endpoint: { href: endpointUrl(baseUrl, row.endpoint_id), type: 'application/json' } },
  };
}

const missing = (id: string) => notFound(`Webhook endpoint ${id.slice(0, 64)}`);

async function requireEndpointRow(db: Executor, caller: Caller, id: string): Promise<EndpointRow> {
  const row = looksLikeId('whe', id) ? await findEndpoint(db, caller.accountId, id) : undefined;
  if (!row) throw missing(id);
  return row;
}

/**
 * Every problem with a registration at once: what the route's schema found and the URL's own rules (scheme,
 * credentials, a non-public address), so one 422 names every bad field. Returns the input once it is valid.
 */
export function checkEndpointInput(ctx: AppContext, body: unknown, schemaErrors: FieldError[]): CreateWebhookEndpointInput {
  const errors = [...schemaErrors];
  const url = (body as { url?: unknown } | null)?.url;
  if (typeof url === 'string' && !errors.some((e) => e.field === 'url')) {
    const problem = urlProblem(url.trim(), ctx.config.webhooks.allowPrivateNetworks);
    if (problem) errors.push({ field: 'url', message: problem });
  }
  throwIfInvalid(errors);
  return body as CreateWebhookEndpointInput;
}

/** Registers an endpoint; the signing secret is in this one response and nowhere else. */
export async function createEndpoint(ctx: AppContext, caller: Caller, input: CreateWebhookEndpointInput, onCommit?: OnCommit<CreatedEndpoint>): Promise<CreatedEndpoint> {
  const url = input.url.trim();
  const problem = urlProblem(url, ctx.config.webhooks.allowPrivateNetworks);
  if (problem) throw validationFailed([{ field: 'url', message: problem }]);
  const row: EndpointRow = {
    id: newId('whe'),
    account_id: caller.accountId,
    url: new URL(url).href,
    events: [...new Set(input.events)].join(','),
    secret: newSigningSecret(),
    created_at: nowUtc(),
  };
  const created: CreatedEndpoint = { ...toEndpoint(row, caller.timeZone, ctx.config.publicBaseUrl), secret: row.secret };
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countEndpoints(trx, caller.accountId)) >= MAX_ENDPOINTS_PER_ACCOUNT) {
      throw conflict(`This account already has ${MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints; delete one first.`);
    }
    await insertEndpoint(trx, row);
    await onCommit?.(trx, created);
  });
  return created;
}

export async function getEndpoint(ctx: AppContext, caller: Caller, id: string): Promise<WebhookEndpoint> {
  return toEndpoint(await requireEndpointRow(ctx.db, caller, id), caller.timeZone, ctx.config.publicBaseUrl);
}

/** Deletes the endpoint and, with it, its log and whatever was still queued for it. */
export async function deleteEndpoint(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  const row = await requireEndpointRow(ctx.db, caller, id);
  if (!(await deleteRow(ctx.db, caller.accountId, row.id))) throw missing(id);
}

export async function listEndpoints(ctx: AppContext, caller: Caller, query: WebhookListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  throwIfInvalid(errors);
  const rows = await listRows(ctx.db, caller.accountId, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: '/v1/webhook-endpoints', query: { ...query } };
  return toPage(rows, page, at, (row) => toEndpoint(row, caller.timeZone, ctx.config.publicBaseUrl));
}

export async function listDeliveries(ctx: AppContext, caller: Caller, id: string, query: WebhookListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  // An unknown endpoint is a 404 even when the query is bad too: the resource is what is wrong.
  const endpoint = await requireEndpointRow(ctx.db, caller, id);
  throwIfInvalid(errors);
  const rows = await listDeliveryRows(ctx.db, endpoint.id, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: `/v1/webhook-endpoints/${endpoint.id}/deliveries`, query: { ...query } };
  return toPage(rows, page, at, (row) => toDelivery(row, caller.timeZone, ctx.config.publicBaseUrl));
}

/** Queues a delivery again (whatever its state), due now, with a fresh retry window. */
export async function redeliver(ctx: AppContext, caller: Caller, id: string, deliveryId: string, onCommit?: OnCommit<WebhookDelivery>): Promise<WebhookDelivery> {
  return ctx.db.transaction().execute(async (trx) => {
    const endpoint = await requireEndpointRow(trx, caller, id);
    const row = looksLikeId('whd', deliveryId) ? await findDelivery(trx, caller.accountId, endpoint.id, deliveryId) : undefined;
    if (!row) throw notFound(`Webhook delivery ${deliveryId.slice(0, 64)}`);
    const now = nowUtc();
    if (!(await requeueDelivery(trx, row.id, now))) throw conflict('This delivery is being attempted right now; look at the log again in a moment.');
    const queued = toDelivery({ ...row, status: 'pending', available_at: now, lease_id: null, queued_at: now }, caller.timeZone, ctx.config.publicBaseUrl);
    await onCommit?.(trx, queued);
    return queued;
  });
}
