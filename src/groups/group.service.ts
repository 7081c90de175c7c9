import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { toCustomers } from '../customers/customer.service.js';
import { isForeignKeyViolation, type Executor } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { readPage, throwIfInvalid, toPage } from '../http/pagination.js';
import { conflict, notFound, type FieldError } from '../http/problems.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import {
  addMembers,
  deleteGroup as deleteRow,
  findAccountCustomers,
  findGroup,
  groupCustomers,
  insertGroup,
  listGroups as listRows,
  removeMember,
  renameGroup,
  type GroupRow,
} from './group.repository.js';
import {
  MAX_GROUP_CUSTOMERS_ANSWERED,
  type AddCustomersInput,
  type CreateGroupInput,
  type Group,
  type GroupCustomersAnswer,
  type GroupListQueryInput,
  type UpdateGroupInput,
} from './group.schemas.js';

export function groupUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/v1/customer-groups/${id}`;
}

function toGroup(row: GroupRow, caller: Caller, baseUrl: string): Group {
  return {
    id: row.id,
    name: row.name,
    createdAt: toAtom(row.created_at, caller.timeZone),
    links: {
      self: { href: groupUrl(baseUrl, row.id), type: 'application/json' },
      customers: { href: `${baseUrl}/v1/customers?customerGroupId=${row.id}`, type: 'application/json' },
    },
  };
}

const missingGroup = (id: string) => notFound(`Customer group ${id.slice(0, 64)}`);

async function requireGroupRow(db: Executor, caller: Caller, id: string): Promise<GroupRow> {
  const row = looksLikeId('cug', id) ? await findGroup(db, caller.accountId, id) : undefined;
  if (!row) throw missingGroup(id);
  return row;
}

/**
 * Adds the account's customers among `ids` to the group. As published, ids that are unknown, malformed or
 * another account's are ignored without an error (and so are repeats).
 */
async function addCustomers(trx: Executor, caller: Caller, groupId: string, ids: readonly string[]): Promise<void> {
  const candidates = [...new Set(ids)].filter((id) => looksLikeId('cst', id));
  const customers = await findAccountCustomers(trx, caller.accountId, candidates);
  await addMembers(trx, caller.accountId, groupId, customers, nowUtc());
}

/** A customer or the group deleted between our read and our insert: nothing was added, so retrying is safe. */
function changedMeanwhile(error: unknown): unknown {
  return isForeignKeyViolation(error) ? conflict('A customer or the group was deleted while adding; retry the request.') : error;
}

export async function createGroup(ctx: AppContext, caller: Caller, input: CreateGroupInput, onCommit?: OnCommit<Group>): Promise<Group> {
  const row: GroupRow = { id: newId('cug'), account_id: caller.accountId, name: input.name.trim(), created_at: nowUtc() };
  const group = toGroup(row, caller, ctx.config.publicBaseUrl);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertGroup(trx, row);
      await addCustomers(trx, caller, row.id, input.customers ?? []);
      await onCommit?.(trx, group);
    });
  } catch (error) {
    throw changedMeanwhile(error);
  }
  return group;
}

export async function getGroup(ctx: AppContext, caller: Caller, id: string): Promise<Group> {
  return toGroup(await requireGroupRow(ctx.db, caller, id), caller, ctx.config.publicBaseUrl);
}

export async function updateGroup(ctx: AppContext, caller: Caller, id: string, input: UpdateGroupInput): Promise<Group> {
  const row = await requireGroupRow(ctx.db, caller, id);
  const name = input.name.trim();
  await renameGroup(ctx.db, caller.accountId, row.id, name);
  return toGroup({ ...row, name }, caller, ctx.config.publicBaseUrl);
}

export async function deleteGroup(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  if (!(looksLikeId('cug', id) && (await deleteRow(ctx.db, caller.accountId, id)))) throw missingGroup(id);
}

export async function listGroups(ctx: AppContext, caller: Caller, query: GroupListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  throwIfInvalid(errors);
  const rows = await listRows(ctx.db, caller.accountId, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: '/v1/customer-groups', query: { ...query } };
  return toPage(rows, page, at, (row) => toGroup(row, caller, ctx.config.publicBaseUrl));
}

/** `POST …/{id}/customers`: adds, then answers the group's customers (newest first, at most MAX_GROUP_CUSTOMERS_ANSWERED). */
export async function addGroupCustomers(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: AddCustomersInput,
  onCommit?: OnCommit<GroupCustomersAnswer>,
): Promise<GroupCustomersAnswer> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const group = await requireGroupRow(trx, caller, id);
      await addCustomers(trx, caller, group.id, input.customers);
      const rows = await groupCustomers(trx, caller.accountId, group.id, MAX_GROUP_CUSTOMERS_ANSWERED);
      const answer = { data: await toCustomers(trx, caller, ctx.config.publicBaseUrl, rows) };
      await onCommit?.(trx, answer);
      return answer;
    });
  } catch (error) {
    throw changedMeanwhile(error);
  }
}

/** Removes one customer from the group; a customer who is not in it (or not the account's) is a 404. */
export async function removeGroupCustomer(ctx: AppContext, caller: Caller, id: string, customerId: string): Promise<void> {
  const group = await requireGroupRow(ctx.db, caller, id);
  const removed = looksLikeId('cst', customerId) && (await removeMember(ctx.db, caller.accountId, group.id, customerId));
  if (!removed) throw notFound(`Customer ${customerId.slice(0, 64)} in customer group ${group.id}`);
}
