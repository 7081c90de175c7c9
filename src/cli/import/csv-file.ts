import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';

/** The fields an import row can fill, and the column names a bookkeeping export usually gives them. */
export const IMPORT_FIELDS = {
  // Matched against the customers' `integrationId` (among customers with no `integration`).
  customerReference: [
    'customerreference',
    'reference',
    'customerref',
    'customernumber',
    'integrationid',
    'customerintegrationid',
    'klantnummer',
    'debiteurnummer',
    'debiteur',
    'relatienummer',
  ],
  customerName: ['customername', 'name', 'companyname', 'klantnaam', 'naam', 'bedrijfsnaam', 'debiteurnaam', 'relatienaam'],
  customerEmail: ['customeremail', 'email', 'primaryemail', 'emailaddress', 'emailadres', 'mail'],
  customerAddress: ['customeraddress', 'address', 'street', 'adres', 'straat'],
  customerZipCode: ['customerzipcode', 'zipcode', 'zip', 'postalcode', 'postcode'],
  customerCity: ['customercity', 'city', 'plaats', 'woonplaats', 'stad'],
  customerCountryCode: ['customercountrycode', 'countrycode', 'country', 'land', 'landcode'],
  invoiceNumber: ['invoicenumber', 'number', 'invoice', 'factuurnummer', 'factuur', 'nummer'],
  issuedAt: ['issuedat', 'invoicedate', 'date', 'issuedate', 'factuurdatum', 'datum'],
  amount: ['amount', 'total', 'totalamount', 'bedrag', 'totaal', 'totaalbedrag'],
  paidAt: ['paidat', 'paiddate', 'paid', 'betaaldatum', 'betaaldop', 'betaald'],
  pdf: ['pdf', 'pdffile', 'pdffilename', 'file', 'filename', 'bestand', 'bestandsnaam'],
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
const REQUIRED: ImportField[] = ['customerReference', 'invoiceNumber', 'issuedAt', 'amount', 'pdf'];

export interface CsvFile {
  separator: string;
  header: string[];
  /** Data rows as cells, in file order. */
  rows: string[][];
  /** Which column (index) holds which field. */
  columns: Partial<Record<ImportField, number>>;
}

const normalise = (name: string) => name.toLowerCase().replace(/[\s_\-.]/g, '');

/** `;`, `,` or a tab: whichever the header line has most of (outside quotes). */
export function detectSeparator(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((sep) => [sep, firstLine.split(sep).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** `Debiteur=customerReference,Factuur=invoiceNumber` → column name → field. */
export function parseMapping(raw: string | undefined): Map<string, ImportField> {
  const mapping = new Map<string, ImportField>();
  for (const pair of (raw ?? '').split(',').filter((p) => p.trim())) {
    const [column, field] = pair.split('=').map((s) => s.trim());
    if (!column || !field || !(field in IMPORT_FIELDS)) {
      throw new UsageError(`--mapping "${pair}": use column=field with field one of ${Object.keys(IMPORT_FIELDS).join(', ')}`);
    }
    mapping.set(normalise(column), field as ImportField);
  }
  return mapping;
}

export function readCsv(text: string, mapping: Map<string, ImportField>): CsvFile {
  const separator = detectSeparator(text);
  const records = parse(text.replace(/^\uFEFF/, ''), { delimiter: separator, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header = [], ...rows] = records;
  const columns: Partial<Record<ImportField, number>> = {};
  header.forEach((name, index) => {
    const key = normalise(name);
    const field = mapping.get(key) ?? (Object.keys(IMPORT_FIELDS) as ImportField[]).find((f) => (IMPORT_FIELDS[f] as readonly string[]).includes(key));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (missing.length) {
    throw new UsageError(`the CSV has no column for ${missing.join(', ')} (header: ${header.join(separator)}); name it with --mapping column=field`);
  }
  return { separator, header, rows, columns };
}

/** One cell of the CSV format we read: quoted when it holds the separator, a quote or a line break. */
export function csvLine(cells: readonly string[], separator: string): string {
  return cells.map((cell) => (cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(separator);
}
