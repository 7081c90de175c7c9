import type { FieldError } from '../http/problems.js';
import { COUNTRY_CODE_TITLE, COUNTRY_CODES } from '../http/schemas.js';
import { isValidTimeZone } from '../lib/time.js';
import type { AccountChanges } from './account.repository.js';

/**
 * The rules for the business's details, as plain functions: PATCH /v1/account and `klantportaal accounts update`
 * both go through checkAccountChanges, so both refuse the same values with the same words, every field at once.
 * The route's TypeBox schema says the same for the OpenAPI document; checksums and zones only live here.
 */

/** Where `paymentTermDays` starts: the Dutch statutory term when nothing is agreed (BW 6:119a). */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;
export const MAX_PAYMENT_TERM_DAYS = 365;

/** ISO 13616: two letters, two check digits, up to 30 letters and digits; mod 97 of the rearranged number is 1. */
export function normaliseIban(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

export function isValidIban(text: string): boolean {
  const iban = normaliseIban(text);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

/** The Dutch BTW-id (omzetbelastingnummer): NL + 9 digits + B + 2 digits, e.g. NL123456789B01. */
export const VAT_NUMBER = /^NL[0-9]{9}B[0-9]{2}$/;
export const normaliseVatNumber = (text: string) => text.replace(/[\s.]+/g, '').toUpperCase();

/** SWIFT BIC: bank (4 letters), country (2 letters), location (2), optional branch (3). */
export const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
export const KVK_NUMBER = /^[0-9]{8}$/;
export const BRAND_COLOR = /^#[0-9a-fA-F]{6}$/;
// The same expression as the `email` format of the schema (ajv-formats, fast mode).
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && /^https?:\/\//i.test(text);
  } catch {
    return false;
  }
}

export const MAX_LENGTHS = { name: 200, address: 200, zipCode: 20, city: 100, email: 254, phone: 40, website: 500, invoiceFooter: 1000, timeZone: 64 } as const;

type Column = keyof AccountChanges;
interface TextRule {
  column: Column;
  /** null clears it; a required field cannot be cleared. */
  nullable: boolean;
  maxLength: number;
  normalise?: (text: string) => string;
  check?: (text: string) => string | null;
}

const text = (column: Column, maxLength: number, extra: Partial<TextRule> = {}): TextRule => ({ column, nullable: true, maxLength, ...extra });

/** Every field PATCH /v1/account takes, with its column and rule. */
export const ACCOUNT_FIELDS: Record<string, TextRule | 'paymentTermDays'> = {
  name: text('name', MAX_LENGTHS.name, { nullable: false }),
  address: text('address', MAX_LENGTHS.address),
  zipCode: text('zip_code', MAX_LENGTHS.zipCode),
  city: text('city', MAX_LENGTHS.city),
  countryCode: text('country_code', 2, { nullable: false, check: (v) => (COUNTRY_CODES.includes(v) ? null : `must be ${COUNTRY_CODE_TITLE}`) }),
  kvkNumber: text('kvk_number', 8, { check: (v) => (KVK_NUMBER.test(v) ? null : 'must be a KvK number of 8 digits, like 12345678') }),
  vatNumber: text('vat_number', 20, {
    normalise: normaliseVatNumber,
    check: (v) => (VAT_NUMBER.test(v) ? null : 'must be a Dutch VAT number (btw-id): NL, 9 digits, B and 2 digits, like NL123456789B01'),
  }),
  iban: text('iban', 34, { normalise: normaliseIban, check: (v) => (isValidIban(v) ? null : 'must be an IBAN with a valid checksum, like NL91ABNA0417164300') }),
  bic: text('bic', 11, { normalise: (v) => v.toUpperCase(), check: (v) => (BIC.test(v) ? null : 'must be a BIC of 8 or 11 letters and digits, like ABNANL2A') }),
  email: text('email', MAX_LENGTHS.email, { check: (v) => (EMAIL.test(v) ? null : 'must be a valid email address') }),
  phone: text('phone', MAX_LENGTHS.phone),
  website: text('website', MAX_LENGTHS.website, { check: (v) => (isHttpUrl(v) ? null : 'must be an http:// or https:// URL') }),
  brandColor: text('brand_color', 7, { normalise: (v) => v.toLowerCase(), check: (v) => (BRAND_COLOR.test(v) ? null : 'must be a colour as #rrggbb, like #1a73e8') }),
  paymentTermDays: 'paymentTermDays',
  invoiceFooter: text('invoice_footer', MAX_LENGTHS.invoiceFooter),
  timeZone: text('time_zone', MAX_LENGTHS.timeZone, { nullable: false, check: (v) => (isValidTimeZone(v) ? null : 'must be an IANA time zone, like Europe/Amsterdam') }),
};

export interface CheckedChanges {
  changes: AccountChanges;
  errors: FieldError[];
}

/** The columns to change, or every field that is wrong (unknown and read-only fields included). */
export function checkAccountChanges(input: unknown): CheckedChanges {
  const changes: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { changes: {}, errors: [{ field: '(body)', message: 'must be of type object' }] };
  }
  const entries = Object.entries(input);
  if (entries.length === 0) errors.push({ field: '(body)', message: 'must contain at least one field' });
  for (const [field, value] of entries) {
    const rule = Object.hasOwn(ACCOUNT_FIELDS, field) ? ACCOUNT_FIELDS[field] : undefined;
    const fail = (message: string) => errors.push({ field, message });
    if (!rule) {
      fail('is not a known field (or cannot be set)');
    } else if (rule === 'paymentTermDays') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PAYMENT_TERM_DAYS) fail(`must be a whole number of days from 0 to ${MAX_PAYMENT_TERM_DAYS}`);
      else changes.payment_term_days = value;
    } else if (value === null) {
      if (rule.nullable) changes[rule.column] = null;
      else fail('must not be null');
    } else if (typeof value !== 'string') {
      fail(rule.nullable ? 'must be of type string or null' : 'must be of type string');
    } else {
      const trimmed = value.trim();
      const normalised = rule.normalise ? rule.normalise(trimmed) : trimmed;
      const problem =
        trimmed === '' ? 'must not be blank' : normalised.length > rule.maxLength ? `must be at most ${rule.maxLength} characters` : (rule.check?.(normalised) ?? null);
      if (problem) fail(problem);
      else changes[rule.column] = normalised;
    }
  }
  return { changes: changes as AccountChanges, errors };
}
