import type { Kysely } from 'kysely';
import type { Executor } from '../db/database.js';
import type { DocumentLineColumns } from '../db/schema.js';
import type { ComputedLine } from './invoice-lines.rules.js';

/**
 * SQL for the lines of documents made from lines: invoices and offers. Each kind keeps them in a table of the
 * same shape (`DocumentLineColumns` plus its parent's id); `LinesTable` names the table and that column, so one set
 * of functions serves every kind.
 */
export interface LinesTable {
  table: string;
  parent: string;
}

export const INVOICE_LINES: LinesTable = { table: 'customer_invoice_lines', parent: 'invoice_id' };
export const OFFER_LINES: LinesTable = { table: 'customer_offer_lines', parent: 'offer_id' };

export type DocumentLineRow = DocumentLineColumns;

// The table is chosen at run time, so the query builder sees loose rows; the functions' own types stay exact.
type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Executor) => db as unknown as Loose;

/** Computed lines as the rows that store them, `position` from 0 (also what a create shows before reading back). */
export function toLineRows(lines: readonly ComputedLine[]): DocumentLineRow[] {
  return lines.map((line, position) => ({
    position,
    description: line.description,
    quantity_hundredths: line.quantityHundredths,
    unit_price_cents: line.unitPriceCents,
    vat_rate: line.vatRate,
    total_excl_vat_cents: line.totalExclVatCents,
    vat_cents: line.vatCents,
    total_incl_vat_cents: line.totalInclVatCents,
  }));
}

export async function insertLines(db: Executor, spec: LinesTable, parentId: string, lines: readonly DocumentLineRow[]): Promise<void> {
  if (lines.length === 0) return;
  await loose(db)
    .insertInto(spec.table)
    .values(lines.map((line) => ({ [spec.parent]: parentId, ...line })))
    .execute();
}

/** The lines of every document in `parentIds`, in their order: one query for a whole page of documents. */
export async function linesOf(db: Executor, spec: LinesTable, parentIds: readonly string[]): Promise<Map<string, DocumentLineRow[]>> {
  const found = new Map<string, DocumentLineRow[]>();
  if (parentIds.length === 0) return found;
  const rows = await loose(db)
    .selectFrom(spec.table)
    .selectAll()
    .where(spec.parent, 'in', [...parentIds])
    .orderBy(spec.parent)
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const id = String(row[spec.parent]);
    const list = found.get(id) ?? [];
    // PostgreSQL returns bigint as a string; amounts stay far below 2^53, so Number is exact.
    list.push({
      position: Number(row.position),
      description: String(row.description),
      quantity_hundredths: Number(row.quantity_hundredths),
      unit_price_cents: Number(row.unit_price_cents),
      vat_rate: Number(row.vat_rate),
      total_excl_vat_cents: Number(row.total_excl_vat_cents),
      vat_cents: Number(row.vat_cents),
      total_incl_vat_cents: Number(row.total_incl_vat_cents),
    });
    found.set(id, list);
  }
  return found;
}
