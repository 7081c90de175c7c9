import type { FieldError } from '../http/problems.js';
import { parseCalendarDate } from '../lib/time.js';

/**
 * The JSON bodies of documents made from lines (manual invoices, manual offers, an offer's conversion into an
 * invoice) read their fields the same way: this reader collects every problem (one per field), so one 422 names
 * them all. Each section's rules say which fields exist and what they mean; the reader knows only the shapes.
 */

/** The EPC QR code carries at most 140 characters of remittance text: a payment reference must fit in it. */
export const MAX_REFERENCE_CHARS = 140;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export interface BodyReader {
  fields: Record<string, unknown>;
  /** Records a problem of a field, once per field. */
  fail(field: string, message: string): void;
  /** A string field; undefined when absent or null (not a string: reported). */
  text(name: string): string | undefined;
  /** A `YYYY-MM-DD` date; null when absent (and reported as required when `required`). */
  date(name: string, required?: boolean): string | null;
  /** A boolean; `fallback` when absent or null. */
  flag(name: string, fallback: boolean): boolean;
  /** A payment reference: trimmed, 1–140 characters, no control characters; null when absent. */
  reference(name: string, whenEmpty: string): string | null;
  /** True when a problem was recorded since the reader was made. */
  failed(): boolean;
}

/**
 * Starts reading `body`: a non-object is only `(body)` (`expects` says what it should hold) and gives null; in an
 * object every field not in `known` is "not a known field" (catches typos like `issuedat`).
 */
export function readBody(body: unknown, known: ReadonlySet<string>, errors: FieldError[], expects: string): BodyReader | null {
  const before = errors.length;
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail('(body)', `must be a JSON object with ${expects}`);
    return null;
  }
  const fields = body as Record<string, unknown>;
  for (const name of Object.keys(fields)) if (!known.has(name)) fail(name, 'is not a known field');

  const text = (name: string): string | undefined => {
    const value = fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      fail(name, 'must be a string');
      return undefined;
    }
    return value;
  };
  const date = (name: string, required = false): string | null => {
    const raw = fields[name];
    if (raw === undefined || raw === null) {
      if (required) fail(name, 'is required');
      return null;
    }
    if (typeof raw !== 'string') {
      fail(name, 'must be a date in YYYY-MM-DD format, e.g. "2025-05-14"');
      return null;
    }
    const parsed = parseCalendarDate(raw);
    if (!parsed.ok) fail(name, parsed.message);
    return parsed.ok ? parsed.value : null;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = fields[name];
    if (raw === undefined || raw === null) return fallback;
    if (typeof raw === 'boolean') return raw;
    fail(name, 'must be true or false');
    return fallback;
  };
  const reference = (name: string, whenEmpty: string): string | null => {
    const raw = text(name);
    if (raw === undefined) return null;
    const value = raw.trim();
    if (value === '') fail(name, `must not be empty (${whenEmpty})`);
    else if ([...value].length > MAX_REFERENCE_CHARS) fail(name, `must be at most ${MAX_REFERENCE_CHARS} characters`);
    else if (CONTROL.test(value)) fail(name, 'must not contain control characters');
    else return value;
    return null;
  };
  return { fields, fail, text, date, flag, reference, failed: () => errors.length > before };
}

/** Fastify's schema findings (`lines.2.vatRate`) named the way the rules name fields (`lines[2].vatRate`). */
export const asRuleField = (field: string) => field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

/** The rules know every field; the schema's findings only speak when the rules found nothing (a safety net). */
export function withSchemaErrors(errors: FieldError[], schemaErrors: readonly FieldError[]): void {
  if (errors.length === 0) errors.push(...schemaErrors.map((e) => ({ ...e, field: asRuleField(e.field) })));
}
