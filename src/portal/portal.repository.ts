import type { Executor } from '../db/database.js';
import { normaliseInvoiceRow, type InvoiceRow } from '../invoices/invoice.repository.js';

/** SQL for what the portal shows: always scoped to one customer of one business. */

export interface Scope {
  accountId: string;
  customerId: string;
}

export interface PortalParties {
  account_name: string;
  time_zone: string;
  customer_name: string;
  customer_locale: string;
}

// PostgreSQL returns bigint as a string; amounts stay far below 2^53.
const normalise = normaliseInvoiceRow;

export function findAccountName(db: Executor, accountId: string): Promise<{ name: string } | undefined> {
  return db.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst();
}

export function findParties(db: Executor, scope: Scope): Promise<PortalParties | undefined> {
  return db
    .selectFrom('customers as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['a.name as account_name', 'a.time_zone', 'c.name as customer_name', 'c.locale as customer_locale'])
    .where('c.id', '=', scope.customerId)
    .where('c.account_id', '=', scope.accountId)
    .executeTakeFirst();
}

/**
 * One page of the customer's invoices, newest issue date first, one extra row to know whether there is more.
 * Offset paging: one customer's invoices of one business are few (they walk the customer index), and people
 * page by number here, not through millions of rows as an API client might.
 */
export async function listCustomerInvoices(db: Executor, scope: Scope, paid: boolean | null, offset: number, limit: number): Promise<InvoiceRow[]> {
  let query = db.selectFrom('customer_invoices').selectAll().where('customer_id', '=', scope.customerId).where('account_id', '=', scope.accountId);
  if (paid === true) query = query.where('paid_at', 'is not', null);
  if (paid === false) query = query.where('paid_at', 'is', null);
  const rows = await query.orderBy('issued_at', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit + 1).execute();
  return rows.map(normalise);
}

export async function findCustomerInvoice(db: Executor, scope: Scope, id: string): Promise<InvoiceRow | undefined> {
  const row = await db
    .selectFrom('customer_invoices')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', '=', scope.customerId)
    .where('account_id', '=', scope.accountId)
    .executeTakeFirst();
  return row && normalise(row);
}

/** The invoices issued in [from, to], oldest first, for the ZIP. */
export async function invoicesIssuedBetween(db: Executor, scope: Scope, from: string, to: string): Promise<InvoiceRow[]> {
  const rows = await db
    .selectFrom('customer_invoices')
    .selectAll()
    .where('customer_id', '=', scope.customerId)
    .where('account_id', '=', scope.accountId)
    .where('issued_at', '>=', from)
    .where('issued_at', '<=', to)
    .orderBy('issued_at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(normalise);
}

/** Records the first view only: a later view never moves it. True when this call was the first view. */
export async function markViewed(db: Executor, invoiceId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('customer_invoices').set({ viewed_at: now }).where('id', '=', invoiceId).where('viewed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
