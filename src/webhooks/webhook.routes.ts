import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { Problem } from '../http/schemas.js';
import {
  CreateWebhookBody,
  DeliveryParams,
  WebhookDeliveryList,
  WebhookDeliveryResource,
  WebhookIdParams,
  WebhookList,
  WebhookListQuery,
  WebhookResource,
  type Webhook,
  type WebhookDelivery,
} from './webhook.schemas.js';
import { checkWebhookInput, createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, redeliver } from './webhook.service.js';

const tags = ['webhooks'];
const read = { scope: 'webhooks.read' } as const;
const write = { scope: 'webhooks.write' } as const;
const created = (webhook: Webhook) => ({ status: 201, body: webhook, location: webhook.links.self.href });
const queued = (delivery: WebhookDelivery) => ({ status: 202, body: delivery, location: null });

/** The published Webhooks API (reference 3.13), plus delete, the delivery log and redeliver (ours). */
export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/webhooks',
      // The schema's findings go to checkWebhookInput, which adds the URL's own rules: one 422 names every bad field.
      { config: write, attachValidation: true, schema: { tags, operationId: 'createWebhook', summary: 'Create a webhook record: one URL for one event type', body: CreateWebhookBody, response: { 201: WebhookResource, 400: Problem, 401: Problem, 409: Problem, 415: Problem, 422: Problem } } },
      async (request, reply) => {
        // Before the key is looked at: a request rejected by validation is never remembered under it.
        const input = checkWebhookInput(ctx, request.body, schemaErrors(request));
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = fingerprint({ method: 'POST', path: '/v1/webhooks', accountId: caller.accountId, payload: input });
        const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createWebhook(ctx, caller, input, onCommit));
        return sendIdempotent(reply, result);
      },
    );

    app.get(
      '/v1/webhooks',
      { config: read, attachValidation: true, schema: { tags, operationId: 'listWebhooks', summary: 'List webhook records, newest first', querystring: WebhookListQuery, response: { 200: WebhookList, 401: Problem, 422: Problem } } },
      async (request) => listWebhooks(ctx, callerOf(request), request.query, schemaErrors(request)),
    );

    app.get(
      '/v1/webhooks/:id',
      { config: read, schema: { tags, operationId: 'getWebhook', summary: 'Get a webhook record', params: WebhookIdParams, response: { 200: WebhookResource, 401: Problem, 404: Problem } } },
      async (request) => getWebhook(ctx, callerOf(request), request.params.id),
    );

    app.delete(
      '/v1/webhooks/:id',
      { config: write, schema: { tags, operationId: 'deleteWebhook', summary: 'Delete a webhook record (its queued deliveries are dropped, its log goes)', params: WebhookIdParams, response: { 204: { type: 'null' }, 401: Problem, 404: Problem } } },
      async (request, reply) => {
        await deleteWebhook(ctx, callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/v1/webhooks/:id/deliveries',
      { config: read, attachValidation: true, schema: { tags, operationId: 'listWebhookDeliveries', summary: 'The delivery log of a webhook record, newest first', params: WebhookIdParams, querystring: WebhookListQuery, response: { 200: WebhookDeliveryList, 401: Problem, 404: Problem, 422: Problem } } },
      async (request) => listDeliveries(ctx, callerOf(request), request.params.id, request.query, schemaErrors(request)),
    );

    app.post(
      '/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
      { config: write, schema: { tags, operationId: 'redeliverWebhook', summary: 'Queue a delivery again (due now, with a fresh retry window)', params: DeliveryParams, response: { 202: WebhookDeliveryResource, 401: Problem, 404: Problem, 409: Problem, 422: Problem } } },
      async (request, reply) => {
        const caller = callerOf(request);
        const { id, deliveryId } = request.params;
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = fingerprint({ method: 'POST', path: `/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`, accountId: caller.accountId, payload: null });
        const result = await idempotent(ctx.db, caller, key, print, queued, (onCommit) => redeliver(ctx, caller, id, deliveryId, onCommit));
        return sendIdempotent(reply, result);
      },
    );
  };
}
