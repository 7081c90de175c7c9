import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { Problem } from '../http/schemas.js';
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointBody,
  DeliveryParams,
  EndpointIdParams,
  WebhookDeliveryList,
  WebhookDeliveryResource,
  WebhookEndpointList,
  WebhookEndpointResource,
  WebhookListQuery,
  type CreatedEndpoint,
  type WebhookDelivery,
} from './webhook.schemas.js';
import { checkEndpointInput, createEndpoint, deleteEndpoint, getEndpoint, listDeliveries, listEndpoints, redeliver } from './webhook.service.js';

const tags = ['webhooks'];
const created = (endpoint: CreatedEndpoint) => ({ status: 201, body: endpoint, location: endpoint.links.self.href });
const queued = (delivery: WebhookDelivery) => ({ status: 202, body: delivery, location: null });

export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/webhook-endpoints',
      // The schema's findings go to checkEndpointInput, which adds the URL's own rules: one 422 names every bad field.
      { config: { scope: 'webhooks.write' }, attachValidation: true, schema: { tags, operationId: 'createWebhookEndpoint', summary: 'Register a webhook endpoint (the signing secret is shown once)', body: CreateWebhookEndpointBody, response: { 201: CreatedWebhookEndpoint, 400: Problem, 401: Problem, 409: Problem, 415: Problem, 422: Problem } } },
      async (request, reply) => {
        // Before the key is looked at: a request rejected by validation is never remembered under it.
        const input = checkEndpointInput(ctx, request.body, schemaErrors(request));
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = fingerprint({ method: 'POST', path: '/v1/webhook-endpoints', accountId: caller.accountId, payload: input });
        const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createEndpoint(ctx, caller, input, onCommit));
        return sendIdempotent(reply, result);
      },
    );

    app.get(
      '/v1/webhook-endpoints',
      { config: { scope: 'webhooks.read' }, attachValidation: true, schema: { tags, operationId: 'listWebhookEndpoints', summary: 'List webhook endpoints, newest first', querystring: WebhookListQuery, response: { 200: WebhookEndpointList, 401: Problem, 422: Problem } } },
      async (request) => listEndpoints(ctx, callerOf(request), request.query, schemaErrors(request)),
    );

    app.get(
      '/v1/webhook-endpoints/:id',
      { config: { scope: 'webhooks.read' }, schema: { tags, operationId: 'getWebhookEndpoint', summary: 'Get a webhook endpoint', params: EndpointIdParams, response: { 200: WebhookEndpointResource, 401: Problem, 404: Problem } } },
      async (request) => getEndpoint(ctx, callerOf(request), request.params.id),
    );

    app.delete(
      '/v1/webhook-endpoints/:id',
      { config: { scope: 'webhooks.write' }, schema: { tags, operationId: 'deleteWebhookEndpoint', summary: 'Delete a webhook endpoint (and its delivery log)', params: EndpointIdParams, response: { 204: { type: 'null' }, 401: Problem, 404: Problem } } },
      async (request, reply) => {
        await deleteEndpoint(ctx, callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/v1/webhook-endpoints/:id/deliveries',
      { config: { scope: 'webhooks.read' }, attachValidation: true, schema: { tags, operationId: 'listWebhookDeliveries', summary: 'The delivery log of an endpoint, newest first', params: EndpointIdParams, querystring: WebhookListQuery, response: { 200: WebhookDeliveryList, 401: Problem, 404: Problem, 422: Problem } } },
      async (request) => listDeliveries(ctx, callerOf(request), request.params.id, request.query, schemaErrors(request)),
    );

    app.post(
      '/v1/webhook-endpoints/:id/deliveries/:deliveryId/redeliver',
      { config: { scope: 'webhooks.write' }, schema: { tags, operationId: 'redeliverWebhook', summary: 'Queue a delivery again (due now, with a fresh retry window)', params: DeliveryParams, response: { 202: WebhookDeliveryResource, 401: Problem, 404: Problem, 409: Problem, 422: Problem } } },
      async (request, reply) => {
        const caller = callerOf(request);
        const { id, deliveryId } = request.params;
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = fingerprint({ method: 'POST', path: `/v1/webhook-endpoints/${id}/deliveries/${deliveryId}/redeliver`, accountId: caller.accountId, payload: null });
        const result = await idempotent(ctx.db, caller, key, print, queued, (onCommit) => redeliver(ctx, caller, id, deliveryId, onCommit));
        return sendIdempotent(reply, result);
      },
    );
  };
}
