import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { Problem } from '../http/schemas.js';
import {
  CreateCustomerBody,
  CustomerIdParams,
  CustomerList,
  CustomerListQuery,
  CustomerResource,
  UpdateCustomerBody,
} from './customer.schemas.js';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, updateCustomer } from './customer.service.js';

const errors = { 401: Problem, 404: Problem, 409: Problem, 415: Problem, 422: Problem };

export function customerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/v1/customers', { schema: { tags: ['customers'], body: CreateCustomerBody, response: { 201: CustomerResource, ...errors } } }, async (request, reply) => {
      const customer = await createCustomer(ctx, callerOf(request), request.body);
      return reply.code(201).header('location', customer.links.self.href).send(customer);
    });

    app.get('/v1/customers', { schema: { tags: ['customers'], querystring: CustomerListQuery, response: { 200: CustomerList, ...errors } } }, async (request) =>
      listCustomers(ctx, callerOf(request), request.query),
    );

    app.get('/v1/customers/:id', { schema: { tags: ['customers'], params: CustomerIdParams, response: { 200: CustomerResource, ...errors } } }, async (request) =>
      getCustomer(ctx, callerOf(request), request.params.id),
    );

    app.patch(
      '/v1/customers/:id',
      { schema: { tags: ['customers'], params: CustomerIdParams, body: UpdateCustomerBody, response: { 200: CustomerResource, ...errors } } },
      async (request) => updateCustomer(ctx, callerOf(request), request.params.id, request.body),
    );

    app.delete('/v1/customers/:id', { schema: { tags: ['customers'], params: CustomerIdParams, response: { 204: { type: 'null' }, ...errors } } }, async (request, reply) => {
      await deleteCustomer(ctx, callerOf(request), request.params.id);
      return reply.code(204).send();
    });
  };
}
