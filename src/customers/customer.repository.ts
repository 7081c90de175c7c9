import type { Executor } from '../db/database.js';
import { keysetPage } from '../db/keyset-page.js';
import type { CustomersTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';

export type CustomerRow = CustomersTable;

export interface CustomerFilters {
  email?: string;
  integration?: string;
  integrationId?: string;
  groupId?: string;
}

export function insertCustomer(db: Executor, row: CustomerRow): Promise<unknown> {
  return db.insertInto('customers').values(row).execute();
}

export function findCustomer(db: Executor, accountId: string, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export function updateCustomer(db: Executor, accountId: string, id: string, changes: Partial<Omit<CustomerRow, 'id' | 'account_id' | 'created_at'>>): Promise<unknown> {
  return db.updateTable('customers').set(changes).where('account_id', '=', accountId).where('id', '=', id).execute();
}

/** Deletes the customer; its group memberships go with it (the foreign key cascades). */
export function deleteCustomer(db: Executor, accountId: string, id: string): Promise<unknown> {
  return db.deleteFrom('customers').where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function customerHasInvoices(db: Executor, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('customer_invoices').select('id').where('customer_id', '=', customerId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function customerHasOffers(db: Executor, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('customer_offers').select('id').where('customer_id', '=', customerId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The group ids of each of `customerIds` (one query for a whole page), oldest membership first. */
export async function groupIdsOf(db: Executor, customerIds: string[]): Promise<Map<string, string[]>> {
  const groups = new Map<string, string[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return groups;
  const rows = await db
    .selectFrom('customer_group_members')
    .select(['customer_id', 'group_id'])
    .where('customer_id', 'in', customerIds)
    .orderBy('added_at')
    .orderBy('group_id')
    .execute();
  for (const row of rows) groups.get(row.customer_id)?.push(row.group_id);
  return groups;
}

/** One page, newest first; fetches one extra row to know whether there is a next page. */
export function listCustomers(db: Executor, accountId: string, filters: CustomerFilters, page: PageRequest): Promise<CustomerRow[]> {
  if (filters.groupId !== undefined) return listGroupCustomers(db, accountId, filters.groupId, filters, page);
  let query = db.selectFrom('customers').selectAll().where('account_id', '=', accountId);
  if (filters.integrationId !== undefined) query = query.where('integration_id', '=', filters.integrationId);
  if (filters.integration !== undefined) query = query.where('integration', '=', filters.integration);
  if (filters.email !== undefined) query = query.where('email', '=', filters.email);
  return keysetPage(query, page, 'created_at', 'id').execute();
}

/** The customers of one group, walked on the membership index (group, customer created_at, customer id). */
function listGroupCustomers(db: Executor, accountId: string, groupId: string, filters: CustomerFilters, page: PageRequest): Promise<CustomerRow[]> {
  let query = db
    .selectFrom('customer_group_members as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .selectAll('c')
    .where('m.group_id', '=', groupId)
    .where('m.account_id', '=', accountId);
  if (filters.integrationId !== undefined) query = query.where('c.integration_id', '=', filters.integrationId);
  if (filters.integration !== undefined) query = query.where('c.integration', '=', filters.integration);
  if (filters.email !== undefined) query = query.where('c.email', '=', filters.email);
  return keysetPage(query, page, 'm.customer_created_at', 'm.customer_id').execute();
}
