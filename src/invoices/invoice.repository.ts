import type { Executor } from '../db/database.js';
import { keysetPage } from '../db/keyset-page.js';
import type { CustomerInvoicesTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';

export type InvoiceRow = CustomerInvoicesTable;

export function insertInvoice(db: Executor, row: InvoiceRow): Promise<unknown> {
  return db.insertInto('customer_invoices').values(row).execute();
}

// PostgreSQL returns bigint as a string; amounts stay far below 2^53, so Number is exact.
export function normaliseInvoiceRow(row: InvoiceRow): InvoiceRow {
  const orNull = (value: number | null) => (value === null ? null : Number(value));
  return {
    ...row,
    amount_cents: Number(row.amount_cents),
    pdf_size: Number(row.pdf_size),
    subtotal_cents: orNull(row.subtotal_cents),
    vat_cents: orNull(row.vat_cents),
  };
}
const normalise = normaliseInvoiceRow;

export async function findInvoice(db: Executor, accountId: string, id: string): Promise<InvoiceRow | undefined> {
  const row = await db.selectFrom('customer_invoices').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return row && normalise(row);
}

export async function invoiceNumberTaken(db: Executor, accountId: string, invoiceNumber: string): Promise<boolean> {
  const row = await db
    .selectFrom('customer_invoices')
    .select('id')
    .where('account_id', '=', accountId)
    .where('invoice_number', '=', invoiceNumber)
    .executeTakeFirst();
  return row !== undefined;
}

export interface InvoiceFilters {
  customerId?: string;
  paid?: boolean;
  issuedFrom?: string;
  issuedTo?: string;
  invoiceNumber?: string;
}

/**
 * One page, newest first, one extra row to know whether there is a next page. Each filter has an index in
 * (created_at, id) order (see migrations), so a page costs the same at any collection size; the issue-date
 * range is applied while walking that order.
 */
export async function listInvoices(db: Executor, accountId: string, filters: InvoiceFilters, page: PageRequest): Promise<InvoiceRow[]> {
  let query = db.selectFrom('customer_invoices').selectAll().where('account_id', '=', accountId);
  if (filters.customerId !== undefined) query = query.where('customer_id', '=', filters.customerId);
  if (filters.paid === true) query = query.where('paid_at', 'is not', null);
  if (filters.paid === false) query = query.where('paid_at', 'is', null);
  if (filters.issuedFrom !== undefined) query = query.where('issued_at', '>=', filters.issuedFrom);
  if (filters.issuedTo !== undefined) query = query.where('issued_at', '<=', filters.issuedTo);
  if (filters.invoiceNumber !== undefined) query = query.where('invoice_number', '=', filters.invoiceNumber);
  const rows = await keysetPage(query, page, 'created_at', 'id').execute();
  return rows.map(normalise);
}

export function setPaidAt(db: Executor, accountId: string, id: string, paidAt: string | null): Promise<unknown> {
  return db.updateTable('customer_invoices').set({ paid_at: paidAt }).where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function deleteInvoiceRow(db: Executor, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('customer_invoices').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
