import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * Every column that holds the hash of a stored PDF. A section that keeps PDFs in the store adds its column
 * here (one line), so the removal after a failed create or a delete, and the sweep after a crash, see its
 * references: a PDF is removed only when no row of any of these tables names it.
 */
export const PDF_REFERENCES: readonly { table: string; column: string }[] = [
  { table: 'customer_invoices', column: 'pdf_sha256' },
  { table: 'customer_offers', column: 'pdf_sha256' },
];

/** Which of `hashes` at least one row references. */
export async function referencedPdfs(db: Executor, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (hashes.length === 0) return found;
  for (const { table, column } of PDF_REFERENCES) {
    const rows = await sql<{ hash: string }>`select distinct ${sql.ref(column)} as hash from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(hashes)})`.execute(db);
    for (const row of rows.rows) found.add(row.hash);
  }
  return found;
}

export async function pdfReferenced(db: Executor, sha256: string): Promise<boolean> {
  for (const { table, column } of PDF_REFERENCES) {
    const rows = await sql`select 1 as one from ${sql.table(table)} where ${sql.ref(column)} = ${sha256} limit 1`.execute(db);
    if (rows.rows.length > 0) return true;
  }
  return false;
}
