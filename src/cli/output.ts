import type { Customer, Invoice } from '../client/types.js';
import { UsageError } from './errors.js';

/** `--json`: the API's own objects, pretty-printed; otherwise the human line. */
export function emit(json: boolean, value: unknown, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human}\n`);
}

export function customerLine(c: Customer): string {
  return [c.id, c.integrationId ?? '-', c.companyName, `<${c.primaryEmail}>`, `${c.city} ${c.countryCode}`, c.locale].join('  ');
}

export function invoiceLine(i: Invoice): string {
  const paid = i.paidAt ? `paid ${i.paidAt}` : 'open';
  const mail = i.notification ? `  email ${i.notification.status}` : '';
  return [i.id, i.invoiceNumber, i.issuedAt, `EUR ${i.amount}`, paid, i.customerId].join('  ') + mail;
}

/** `--page`, `--per-page` and `--all` of the list commands. */
export const PAGE_OPTIONS = { page: { type: 'string' }, 'per-page': { type: 'string' }, all: { type: 'boolean' } } as const;

/** `--page` (1-based) and `--per-page` (1–250) as the API's `page` and `per_page`; absent ones are left to the server's defaults. */
export function pageOf(values: { page?: string; 'per-page'?: string }): { page?: number; per_page?: number } {
  const out: { page?: number; per_page?: number } = {};
  if (values.page !== undefined) {
    if (!/^\d{1,9}$/.test(values.page) || Number(values.page) < 1) throw new UsageError(`--page must be a whole number from 1, got "${values.page}"`);
    out.page = Number(values.page);
  }
  if (values['per-page'] !== undefined) {
    const raw = values['per-page'];
    if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 250) throw new UsageError(`--per-page must be a whole number from 1 to 250, got "${raw}"`);
    out.per_page = Number(raw);
  }
  return out;
}

/** A list page for people: its lines, and where the next one is when there is one. */
export function pageText<T>(page: { data: T[]; current_page: number; from: number | null; to: number | null; next_page_url: string | null }, line: (item: T) => string, none: string): string {
  if (page.data.length === 0) return page.current_page > 1 ? `No items on page ${page.current_page}.` : none;
  const more = page.next_page_url ? `\nItems ${page.from}–${page.to}; more with --page ${page.current_page + 1} (or --all).` : '';
  return page.data.map(line).join('\n') + more;
}

/** Every item of an async iteration (`--all`). */
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
