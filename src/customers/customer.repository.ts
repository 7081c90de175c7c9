import type { Executor } from '../db/database.js';
import type { CustomersTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';

export type CustomerRow = CustomersTable;

export function insertCustomer(db: Executor, row: CustomerRow): Promise<unknown> {
  return db.insertInto('customers').values(row).execute();
}

export function findCustomer(db: Executor, accountId: string, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export function updateCustomer(db: Executor, accountId: string, id: string, changes: Partial<Omit<CustomerRow, 'id' | 'account_id' | 'created_at'>>): Promise<unknown> {
  return db.updateTable('customers').set(changes).where('account_id', '=', accountId).where('id', '=', id).execute();
}

export function deleteCustomer(db: Executor, accountId: string, id: string): Promise<unknown> {
  return db.deleteFrom('customers').where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function customerHasInvoices(db: Executor, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('customer_invoices').select('id').where('customer_id', '=', customerId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** One page, newest first; fetches one extra row to know whether there is a next page. */
export function listCustomers(
  db: Executor,
  accountId: string,
  filters: { reference?: string; email?: string },
  page: PageRequest,
): Promise<CustomerRow[]> {
  let query = db.selectFrom('customers').selectAll().where('account_id', '=', accountId);
  if (filters.reference !== undefined) query = query.where('reference', '=', filters.reference);
  if (filters.email !== undefined) query = query.where('email', '=', filters.email);
  if (page.after) {
    const { createdAt, id } = page.after;
    // A row-value comparison, so the index seeks straight to the cursor (an OR of two conditions scans from the top).
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).offset(page.offset).execute();
}
