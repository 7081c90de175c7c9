import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { callerOf } from '../http/auth.js';
import { schemaErrors } from '../http/error-handler.js';
import { fingerprint, idempotent, readIdempotencyKey, sendIdempotent } from '../http/idempotency.js';
import { Problem } from '../http/schemas.js';
import {
  AddCustomersBody,
  CreateGroupBody,
  GroupCustomerParams,
  GroupCustomers,
  GroupIdParams,
  GroupList,
  GroupListQuery,
  GroupResource,
  UpdateGroupBody,
  type Group,
  type GroupCustomersAnswer,
} from './group.schemas.js';
import { addGroupCustomers, createGroup, deleteGroup, getGroup, listGroups, removeGroupCustomer, updateGroup } from './group.service.js';

const tags = ['customer groups'];
const errors = { 401: Problem };
const created = (group: Group) => ({ status: 201, body: group, location: group.links.self.href });
const answered = (answer: GroupCustomersAnswer) => ({ status: 200, body: answer, location: null });

/** Customer groups as published (reference 3.3), plus delete and remove-a-customer (ours). */
export function groupRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/customer-groups',
      { config: { scope: 'customers.write' }, schema: { tags, operationId: 'createCustomerGroup', summary: 'Create a customer group', body: CreateGroupBody, response: { 201: GroupResource, ...errors, 400: Problem, 409: Problem, 415: Problem, 422: Problem } } },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const print = fingerprint({ method: 'POST', path: '/v1/customer-groups', accountId: caller.accountId, payload: request.body });
        const result = await idempotent(ctx.db, caller, key, print, created, (onCommit) => createGroup(ctx, caller, request.body, onCommit));
        return sendIdempotent(reply, result);
      },
    );

    app.get(
      '/v1/customer-groups',
      { attachValidation: true, config: { scope: 'customers.read' }, schema: { tags, operationId: 'listCustomerGroups', summary: 'List customer groups, newest first', querystring: GroupListQuery, response: { 200: GroupList, ...errors, 422: Problem } } },
      async (request) => listGroups(ctx, callerOf(request), request.query, schemaErrors(request)),
    );

    app.get(
      '/v1/customer-groups/:id',
      { config: { scope: 'customers.read' }, schema: { tags, operationId: 'getCustomerGroup', summary: 'Get a customer group', params: GroupIdParams, response: { 200: GroupResource, ...errors, 404: Problem } } },
      async (request) => getGroup(ctx, callerOf(request), request.params.id),
    );

    app.patch(
      '/v1/customer-groups/:id',
      { config: { scope: 'customers.write' }, schema: { tags, operationId: 'updateCustomerGroup', summary: 'Rename a customer group', params: GroupIdParams, body: UpdateGroupBody, response: { 200: GroupResource, ...errors, 400: Problem, 404: Problem, 415: Problem, 422: Problem } } },
      async (request) => updateGroup(ctx, callerOf(request), request.params.id, request.body),
    );

    app.delete(
      '/v1/customer-groups/:id',
      { config: { scope: 'customers.write' }, schema: { tags, operationId: 'deleteCustomerGroup', summary: 'Delete a customer group (its customers stay)', params: GroupIdParams, response: { 204: { type: 'null' }, ...errors, 404: Problem } } },
      async (request, reply) => {
        await deleteGroup(ctx, callerOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/v1/customer-groups/:id/customers',
      {
        config: { scope: 'customers.write' },
        schema: {
          tags,
          operationId: 'addCustomersToGroup',
          summary: "Add customers to a group; answers the group's customers",
          params: GroupIdParams,
          body: AddCustomersBody,
          response: { 200: GroupCustomers, ...errors, 400: Problem, 404: Problem, 409: Problem, 415: Problem, 422: Problem },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = readIdempotencyKey(request.headers['idempotency-key']);
        const path = `/v1/customer-groups/${request.params.id}/customers`;
        const print = fingerprint({ method: 'POST', path, accountId: caller.accountId, payload: request.body });
        const result = await idempotent(ctx.db, caller, key, print, answered, (onCommit) => addGroupCustomers(ctx, caller, request.params.id, request.body, onCommit));
        return sendIdempotent(reply, result);
      },
    );

    app.delete(
      '/v1/customer-groups/:id/customers/:customerId',
      { config: { scope: 'customers.write' }, schema: { tags, operationId: 'removeCustomerFromGroup', summary: 'Remove a customer from a group', params: GroupCustomerParams, response: { 204: { type: 'null' }, ...errors, 404: Problem } } },
      async (request, reply) => {
        await removeGroupCustomer(ctx, callerOf(request), request.params.id, request.params.customerId);
        return reply.code(204).send();
      },
    );
  };
}
