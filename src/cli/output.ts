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

/** `--limit`: a whole number from 1 up; lists print at most this many (walking pages as needed). */
export function limitOf(raw: string | undefined, fallback = 50): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) throw new UsageError(`--limit must be a whole number from 1, got "${raw}"`);
  return n;
}

/** Up to `limit` items of an async iteration. */
export async function take<T>(items: AsyncIterable<T>, limit: number): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
