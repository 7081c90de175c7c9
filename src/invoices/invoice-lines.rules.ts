import type { FieldError } from '../http/problems.js';
import { parseAmount } from '../lib/money.js';

/**
 * Manual invoice and offer lines (API.md "Other endpoints"): parsing every line at once, and the exact money.
 *
 * Rounding is commercial rounding, as Dutch bookkeeping does it: half a cent rounds away from zero, so -0.005
 * becomes -0.01, exactly the mirror of 0.005 → 0.01. A credit note with the same lines, negated, therefore has
 * exactly the negated totals. All arithmetic is on integers (BigInt for the products, which can pass 2^53);
 * no float ever holds an amount.
 *
 * - A line's total excl. VAT = quantity × unit price, rounded once to the cent.
 * - VAT is computed per rate over the sum of that rate's line totals, rounded once per rate. These per-rate
 *   amounts, `subtotalCents`, `vatCents` and `amountCents` are authoritative: they are what is owed.
 * - A line's own `vatCents` (its total × rate, rounded) is informational, for display next to the line. Summed
 *   over a rate it can differ by a few cents from that rate's VAT; the invoice shows and charges the per-rate
 *   figure, as the Belastingdienst asks ("het btw-bedrag per tarief").
 */

export const VAT_RATES = [0, 9, 21] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const LINE_LIMITS = {
  minLines: 1,
  maxLines: 100,
  maxDescriptionChars: 500,
  /** Quantities are kept in hundredths: 0.01 up to 99,999.99. */
  maxQuantityHundredths: 9_999_999,
  /** The money limit of lib/money.ts, 999999999999.99, in cents: every total must stay inside it too. */
  maxAbsCents: 99_999_999_999_999,
} as const;

const LINE_FIELDS = new Set(['description', 'quantity', 'amountExclVat', 'vatRate']);

export interface InvoiceLine {
  description: string;
  /** 150 = 1.5 pieces/hours. */
  quantityHundredths: number;
  /** The unit price excl. VAT as sent (`amountExclVat`), may be negative. */
  unitPriceCents: number;
  vatRate: VatRate;
}

export interface ComputedLine extends InvoiceLine {
  totalExclVatCents: number;
  /** Informational: this line's share of VAT, rounded on its own (see the note above). */
  vatCents: number;
  totalInclVatCents: number;
}

export interface VatGroup {
  rate: VatRate;
  /** Sum of this rate's line totals excl. VAT. */
  baseCents: number;
  /** VAT over that sum, rounded half away from zero once. */
  vatCents: number;
}

export interface InvoiceTotals {
  lines: ComputedLine[];
  /** One group per rate that occurs, in rising rate order (0, 9, 21). */
  vatByRate: VatGroup[];
  subtotalCents: number;
  vatCents: number;
  /** Subtotal + VAT: the amount of the invoice. Negative for a credit note. */
  amountCents: number;
}

/** `numerator / divisor` rounded half away from zero, for a positive divisor. */
export function divideRoundHalfAwayFromZero(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -rounded : rounded;
}

export function lineTotalCents(quantityHundredths: number, unitPriceCents: number): number {
  return Number(divideRoundHalfAwayFromZero(BigInt(quantityHundredths) * BigInt(unitPriceCents), 100n));
}

export function vatOfCents(baseCents: number, rate: VatRate): number {
  return Number(divideRoundHalfAwayFromZero(BigInt(baseCents) * BigInt(rate), 100n));
}

/** The totals of parsed lines. Amounts beyond the money limit are the parser's to refuse (see parseLines). */
export function computeTotals(lines: readonly InvoiceLine[]): InvoiceTotals {
  const computed = lines.map((line): ComputedLine => {
    const totalExclVatCents = lineTotalCents(line.quantityHundredths, line.unitPriceCents);
    const vatCents = vatOfCents(totalExclVatCents, line.vatRate);
    return { ...line, totalExclVatCents, vatCents, totalInclVatCents: totalExclVatCents + vatCents };
  });
  const vatByRate: VatGroup[] = [];
  for (const rate of VAT_RATES) {
    const ofRate = computed.filter((line) => line.vatRate === rate);
    if (ofRate.length === 0) continue;
    const baseCents = ofRate.reduce((sum, line) => sum + line.totalExclVatCents, 0);
    vatByRate.push({ rate, baseCents, vatCents: vatOfCents(baseCents, rate) });
  }
  const subtotalCents = vatByRate.reduce((sum, group) => sum + group.baseCents, 0);
  const vatCents = vatByRate.reduce((sum, group) => sum + group.vatCents, 0);
  return { lines: computed, vatByRate, subtotalCents, vatCents, amountCents: subtotalCents + vatCents };
}

const QUANTITY = /^(\d{1,5})(?:\.(\d{1,2}))?$/;

/** `"1.5"` → 150 hundredths. A JSON number is read through its shortest decimal text, which is what was written. */
export function parseQuantity(raw: unknown): { ok: true; hundredths: number } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, hundredths: 100 };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, message: 'must be a decimal number as a string, e.g. "1.5"' };
  const text = String(raw).trim();
  if (/^-/.test(text)) return { ok: false, message: 'must be more than 0 (make the amount negative for a discount or a credit)' };
  if (/^\d+,\d+$/.test(text)) return { ok: false, message: 'must use a dot as the decimal separator, e.g. "1.5"' };
  if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, message: 'must have at most two decimals' };
  if (/^\d{6,}(\.\d*)?$/.test(text)) return { ok: false, message: 'must be at most 99999.99' };
  const match = QUANTITY.exec(text);
  if (!match) return { ok: false, message: 'must be a decimal number with at most two decimals, e.g. "1" or "2.25"' };
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (hundredths === 0) return { ok: false, message: 'must be more than 0' };
  return { ok: true, hundredths };
}

/** 150 → `"1.5"`, 100 → `"1"`, 225 → `"2.25"`: the quantity as the resource shows it. */
export function formatQuantity(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

// Control characters other than the line feed (a description may have several lines).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * Checks a `lines` value from a JSON body and collects every problem (`lines[2].vatRate`), so one 422 names
 * them all. Returns null when anything is wrong.
 */
export function parseLines(raw: unknown, errors: FieldError[], field = 'lines'): InvoiceLine[] | null {
  const before = errors.length;
  if (raw === undefined || raw === null) {
    errors.push({ field, message: 'is required' });
    return null;
  }
  if (!Array.isArray(raw)) {
    errors.push({ field, message: 'must be an array of lines' });
    return null;
  }
  if (raw.length < LINE_LIMITS.minLines) errors.push({ field, message: 'must have at least one line' });
  if (raw.length > LINE_LIMITS.maxLines) {
    errors.push({ field, message: `must have at most ${LINE_LIMITS.maxLines} lines` });
    return null;
  }
  const lines: InvoiceLine[] = [];
  raw.forEach((item: unknown, index) => {
    const line = parseLine(item, `${field}[${index}]`, errors);
    if (line) lines.push(line);
  });
  if (errors.length > before) return null;

  const totals = computeTotals(lines);
  totals.lines.forEach((line, index) => {
    if (Math.abs(line.totalInclVatCents) > LINE_LIMITS.maxAbsCents) {
      errors.push({ field: `${field}[${index}].amountExclVat`, message: 'times the quantity (VAT included) must stay within 999999999999.99' });
    }
  });
  if (errors.length === before && (Math.abs(totals.subtotalCents) > LINE_LIMITS.maxAbsCents || Math.abs(totals.amountCents) > LINE_LIMITS.maxAbsCents)) {
    errors.push({ field, message: 'the total must stay within 999999999999.99' });
  }
  return errors.length > before ? null : lines;
}

function parseLine(item: unknown, at: string, errors: FieldError[]): InvoiceLine | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push({ field: at, message: 'must be an object with description, amountExclVat and vatRate' });
    return null;
  }
  const before = errors.length;
  const fields = item as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    if (!LINE_FIELDS.has(name)) errors.push({ field: `${at}.${name}`, message: 'is not a field of a line (description, quantity, amountExclVat, vatRate)' });
  }

  const description = typeof fields.description === 'string' ? fields.description.trim() : '';
  if (fields.description === undefined || fields.description === null) errors.push({ field: `${at}.description`, message: 'is required' });
  else if (typeof fields.description !== 'string') errors.push({ field: `${at}.description`, message: 'must be a string' });
  else if (description === '') errors.push({ field: `${at}.description`, message: 'must not be empty' });
  else if ([...description].length > LINE_LIMITS.maxDescriptionChars) errors.push({ field: `${at}.description`, message: `must be at most ${LINE_LIMITS.maxDescriptionChars} characters` });
  else if (CONTROL.test(description)) errors.push({ field: `${at}.description`, message: 'must not contain control characters' });

  const quantity = parseQuantity(fields.quantity);
  if (!quantity.ok) errors.push({ field: `${at}.quantity`, message: quantity.message });

  let unitPriceCents = 0;
  if (fields.amountExclVat === undefined || fields.amountExclVat === null) errors.push({ field: `${at}.amountExclVat`, message: 'is required' });
  else if (typeof fields.amountExclVat !== 'string') errors.push({ field: `${at}.amountExclVat`, message: 'must be a string with the amount, e.g. "12.95"' });
  else {
    const amount = parseAmount(fields.amountExclVat);
    if (amount.ok) unitPriceCents = amount.cents;
    else errors.push({ field: `${at}.amountExclVat`, message: amount.message });
  }

  const vatRate = fields.vatRate;
  if (vatRate === undefined || vatRate === null) errors.push({ field: `${at}.vatRate`, message: 'is required' });
  else if (!VAT_RATES.includes(vatRate as VatRate)) errors.push({ field: `${at}.vatRate`, message: 'must be 0, 9 or 21 (an integer)' });

  if (errors.length > before || !quantity.ok) return null;
  return { description, quantityHundredths: quantity.hundredths, unitPriceCents, vatRate: vatRate as VatRate };
}
