import type { Executor } from '../db/database.js';
import { keysetPage } from '../db/keyset-page.js';
import type { CustomerGroupsTable } from '../db/schema.js';
import type { CustomerRow } from '../customers/customer.repository.js';
import type { PageRequest } from '../http/pagination.js';

export type GroupRow = CustomerGroupsTable;

export function insertGroup(db: Executor, row: GroupRow): Promise<unknown> {
  return db.insertInto('customer_groups').values(row).execute();
}

export function findGroup(db: Executor, accountId: string, id: string): Promise<GroupRow | undefined> {
  return db.selectFrom('customer_groups').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export function renameGroup(db: Executor, accountId: string, id: string, name: string): Promise<unknown> {
  return db.updateTable('customer_groups').set({ name }).where('account_id', '=', accountId).where('id', '=', id).execute();
}

/** Deletes the group; its memberships go with it (the foreign key cascades). */
export async function deleteGroup(db: Executor, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('customer_groups').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** One page, newest first; fetches one extra row to know whether there is a next page. */
export function listGroups(db: Executor, accountId: string, page: PageRequest): Promise<GroupRow[]> {
  let query = db.selectFrom('customer_groups').selectAll().where('account_id', '=', accountId);
  return keysetPage(query, page, 'created_at', 'id').execute();
}

/** Which of `ids` are customers of the account, with their creation times (what a membership copies). */
export function findAccountCustomers(db: Executor, accountId: string, ids: string[]): Promise<{ id: string; created_at: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('customers').select(['id', 'created_at']).where('account_id', '=', accountId).where('id', 'in', ids).execute();
}

/** Adds memberships; one that exists already stays as it is. */
export function addMembers(db: Executor, accountId: string, groupId: string, customers: { id: string; created_at: string }[], addedAt: string): Promise<unknown> {
  if (customers.length === 0) return Promise.resolve();
  const rows = customers.map((c) => ({ group_id: groupId, customer_id: c.id, account_id: accountId, customer_created_at: c.created_at, added_at: addedAt }));
  return db
    .insertInto('customer_group_members')
    .values(rows)
    .onConflict((oc) => oc.columns(['group_id', 'customer_id']).doNothing())
    .execute();
}

export async function removeMember(db: Executor, accountId: string, groupId: string, customerId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('customer_group_members')
    .where('account_id', '=', accountId)
    .where('group_id', '=', groupId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The group's first `max` customers, newest first, from the membership index. */
export function groupCustomers(db: Executor, accountId: string, groupId: string, max: number): Promise<CustomerRow[]> {
  return db
    .selectFrom('customer_group_members as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .selectAll('c')
    .where('m.group_id', '=', groupId)
    .where('m.account_id', '=', accountId)
    .orderBy('m.customer_created_at', 'desc')
    .orderBy('m.customer_id', 'desc')
    .limit(max)
    .execute();
}
