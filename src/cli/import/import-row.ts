import { formatAmount, parseAmount } from '../../lib/money.js';
import type { CsvFile, ImportField } from './csv-file.js';

/** One CSV row, checked and in the API's formats. */
export interface ImportRow {
  /** 1-based data row number (the header is not counted). */
  row: number;
  /** The customer's number in the bookkeeping: matched against `integrationId`. */
  customerReference: string;
  customerName: string;
  customerEmail: string;
  /** What a customer that does not exist yet is created with (empty when the file has no such column). */
  customerAddress: string;
  customerZipCode: string;
  customerCity: string;
  customerCountryCode: string;
  invoiceNumber: string;
  issuedAt: string;
  /** Two decimals with a dot, as the API takes it. */
  amount: string;
  /** "YYYY-MM-DD HH:mm:ss" in the account's time zone, or null. */
  paidAt: string | null;
  pdf: string;
}

/**
 * Decimal comma or point for the whole file: a value with one or two digits after a comma says comma
 * (`1.234,50`, `12,95`), after a point says point; with neither (whole amounts only) a `;` file is taken to be
 * a Dutch-style export with decimal commas.
 */
export function detectDecimalComma(values: readonly string[], separator: string): boolean {
  if (values.some((v) => /,\d{1,2}$/.test(v.trim()))) return true;
  if (values.some((v) => /\.\d{1,2}$/.test(v.trim()))) return false;
  return separator === ';';
}

/** `€ 1.234,50` → `1234.50` (with decimalComma), `1,234.50` → `1234.50`; parsed by lib/money.ts. */
export function normaliseAmount(raw: string, decimalComma: boolean): { ok: true; amount: string } | { ok: false; message: string } {
  let value = raw.replace(/[€\s\u00a0]|EUR/g, '');
  // Thousands separators go; the decimal separator becomes the dot money.ts reads.
  value = decimalComma ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  const parsed = parseAmount(value);
  return parsed.ok ? { ok: true, amount: formatAmount(parsed.cents) } : { ok: false, message: `amount "${raw}" ${parsed.message}` };
}

/** `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` (also `D-M-YYYY`) → `YYYY-MM-DD`; the server checks the calendar. */
export function normaliseDate(raw: string): string | null {
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (dutch) return `${dutch[3]}-${dutch[2]?.padStart(2, '0')}-${dutch[1]?.padStart(2, '0')}`;
  return null;
}

/** A paid date becomes noon in the account's time zone: a date has no time, and noon is never skipped by DST. */
function normalisePaidAt(raw: string): string | null | undefined {
  const value = raw.trim();
  if (value === '') return null;
  const withTime = /^(\S+)[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value);
  const date = normaliseDate(withTime ? (withTime[1] ?? '') : value);
  if (!date) return undefined;
  const time = withTime?.[2] ?? '12:00:00';
  return `${date} ${time.length === 5 ? `${time}:00` : time}`;
}

/** The checked row, or every reason it cannot be imported. */
export function toImportRow(csv: CsvFile, cells: readonly string[], row: number, decimalComma: boolean): ImportRow | { row: number; errors: string[] } {
  const cell = (field: ImportField) => {
    const index = csv.columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const errors: string[] = [];
  for (const field of ['customerReference', 'invoiceNumber', 'pdf'] as const) if (!cell(field)) errors.push(`${field} is empty`);
  const issuedAt = normaliseDate(cell('issuedAt'));
  if (!issuedAt) errors.push(`issuedAt "${cell('issuedAt')}" is not YYYY-MM-DD or DD-MM-YYYY`);
  const amount = normaliseAmount(cell('amount'), decimalComma);
  if (!amount.ok) errors.push(amount.message);
  const paidAt = normalisePaidAt(cell('paidAt'));
  if (paidAt === undefined) errors.push(`paidAt "${cell('paidAt')}" is not a date (YYYY-MM-DD or DD-MM-YYYY)`);
  if (errors.length || !issuedAt || !amount.ok || paidAt === undefined) return { row, errors };
  return {
    row,
    customerReference: cell('customerReference'),
    customerName: cell('customerName'),
    customerEmail: cell('customerEmail'),
    customerAddress: cell('customerAddress'),
    customerZipCode: cell('customerZipCode'),
    customerCity: cell('customerCity'),
    customerCountryCode: cell('customerCountryCode').toUpperCase(),
    invoiceNumber: cell('invoiceNumber'),
    issuedAt,
    amount: amount.amount,
    paidAt,
    pdf: cell('pdf'),
  };
}
