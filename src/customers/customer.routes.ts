import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { Problem } from '../http/schemas.js';
import {
  CreateCustomerBody,
  CustomerIdParams,
  CustomerList,
  CustomerListQuery,
  CustomerResource,
  UpdateCustomerBody,
  type Customer,
} from './customer.schemas.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customer.service.js';

const created = (customer: Customer) => ({ status: 201, body: customer, location: customer.links.self.href });

const errors = { 401: Problem };

export function customerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/v1/customers', { config: { scope: 'customers.write' }, schema: { tags: ['customers'], operationId: 'createCustomer', summary: 'Create a customer', body: CreateCustomerBody, response: { 201: CustomerResource, ...errors, 400: Problem, 409: Problem, 415: Problem, 422: Problem } } }, async (request, reply) => {
      const caller = callerOf(request);
      const key = readIdempotencyKey(request.headers['idempotency-key']);
      const print = fingerprint({ method: 'POST', path: '/v1/customers', accountId: caller.accountId, payload: request.body });
      const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createCustomer(ctx, caller, request.body, onCommit));
      return sendIdempotent(reply, result);
    });

    app.get('/v1/customers', { attachValidation: true, config: { scope: 'customers.read' }, schema: { tags: ['customers'], operationId: 'listCustomers', summary: 'List customers, newest first', querystring: CustomerListQuery, response: { 200: CustomerList, ...errors, 422: Problem } } }, async (request) =>
      listCustomers(ctx, callerOf(request), request.query, schemaErrors(request)),
    );

    app.get('/v1/customers/:id', { config: { scope: 'customers.read' }, schema: { tags: ['customers'], operationId: 'getCustomer', summary: 'Get a customer', params: CustomerIdParams, response: { 200: CustomerResource, ...errors, 404: Problem } } }, async (request) =>
      getCustomer(ctx, callerOf(request), request.params.id),
    );

    app.patch(
      '/v1/customers/:id',
      { config: { scope: 'customers.write' }, schema: { tags: ['customers'], operationId: 'updateCustomer', summary: 'Change a customer', params: CustomerIdParams, body: UpdateCustomerBody, response: { 200: CustomerResource, ...errors, 400: Problem, 404: Problem, 409: Problem, 415: Problem, 422: Problem } } },
      async (request) => updateCustomer(ctx, callerOf(request), request.params.id, request.body),
    );

    app.delete('/v1/customers/:id', { config: { scope: 'customers.write' }, schema: { tags: ['customers'], operationId: 'deleteCustomer', summary: 'Delete a customer without invoices', params: CustomerIdParams, response: { 204: { type: 'null' }, ...errors, 404: Problem, 409: Problem } } }, async (request, reply) => {
      await deleteCustomer(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    });
  };
}
