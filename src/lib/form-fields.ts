import { parseInstant, type Parsed } from './time.js';

/**
 * Field rules shared by every create form (an invoice, an offer): text as a multipart form or JSON sends it,
 * judged the same way everywhere so one field means one thing in every section.
 */

// C0 and C1 control characters, DEL included.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Free text of at most `max` characters (by code point), trimmed, without control characters. */
export function parseText(raw: string | undefined, max: number, required = true): Parsed<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return required ? { ok: false, message: 'is required' } : { ok: true, value: null };
  if ([...value].length > max) return { ok: false, message: `must be at most ${max} characters` };
  if (CONTROL.test(value)) return { ok: false, message: 'must not contain control characters' };
  return { ok: true, value };
}

/** A document's number (invoice, offer): required, trimmed, 1–64 characters, no control characters. */
export function parseDocumentNumber(raw: string | undefined): Parsed<string> {
  const parsed = parseText(raw, 64);
  return parsed.ok ? { ok: true, value: parsed.value ?? '' } : parsed;
}

/** An optional instant as a form sends it (`paidAt`, `acceptedAt`): empty or absent means none (null). */
export function parseOptionalInstant(raw: string | undefined, timeZone: string): Parsed<string | null> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: null };
  return parseInstant(raw, timeZone);
}

/** A form's boolean (`sendNotification`): true/false/1/0, any case; absent is false. */
export function parseFormFlag(raw: string | undefined): Parsed<boolean> {
  if (raw === undefined) return { ok: true, value: false };
  const normalised = raw.trim().toLowerCase();
  if (normalised === 'true' || normalised === '1') return { ok: true, value: true };
  if (normalised === 'false' || normalised === '0') return { ok: true, value: false };
  return { ok: false, message: 'must be true, false, 1 or 0' };
}

/** `currency`: optional, and only EUR (reference 2.5: "Only Euro (EUR) is supported at the moment"). */
export function parseCurrency(raw: string | undefined): Parsed<'EUR'> {
  if (raw !== undefined && raw.trim() !== 'EUR') return { ok: false, message: 'only EUR is supported' };
  return { ok: true, value: 'EUR' };
}
