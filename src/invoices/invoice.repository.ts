import type { Executor } from '../db/database.js';
import type { CustomerInvoicesTable } from '../db/schema.js';

export type InvoiceRow = CustomerInvoicesTable;

export function insertInvoice(db: Executor, row: InvoiceRow): Promise<unknown> {
  return db.insertInto('customer_invoices').values(row).execute();
}

export async function findInvoice(db: Executor, accountId: string, id: string): Promise<InvoiceRow | undefined> {
  const row = await db.selectFrom('customer_invoices').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  // PostgreSQL returns bigint as a string; amounts stay far below 2^53, so Number is exact.
  return row && { ...row, amount_cents: Number(row.amount_cents), pdf_size: Number(row.pdf_size) };
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

export async function pdfReferenced(db: Executor, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('customer_invoices').select('id').where('pdf_sha256', '=', sha256).limit(1).executeTakeFirst();
  return row !== undefined;
}
