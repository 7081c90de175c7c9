import { formatAmount } from './money.js';

/** Amounts, dates and HTML text as emails and pages write them, in Dutch (the default) or English. */

export type Locale = 'nl' | 'en';

// nl-NL and en-GB: Dutch as the Netherlands writes it, English with day-month-year dates for European customers.
export const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function asLocale(locale: string): Locale {
  return locale === 'en' ? 'en' : 'nl';
}

/**
 * Amounts are integer cents: Intl formats the exact decimal string ("1234.50"), so no float ever carries the
 * amount (`€ 1.234,50` in Dutch, `€1,234.50` in English).
 */
export function formatMoney(cents: number, locale: string): string {
  return MONEY[asLocale(locale)].format(formatAmount(cents) as `${number}`);
}

// Built once per language: making an Intl formatter costs far more than using one (a rendered invoice formats
// dozens of amounts and dates; constructing them per call was a tenth of its CPU time).
const MONEY: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(INTL_LOCALE.nl, { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { style: 'currency', currency: 'EUR' }),
};
const DECIMAL: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat(INTL_LOCALE.nl, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { maximumFractionDigits: 2 }),
};
const LONG_DATE: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat(INTL_LOCALE.nl, { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A quantity in hundredths through its exact decimal text (no float): 250 → `2,5` (nl) or `2.5` (en), 1200000 → `12.000`. */
export function formatQuantity(hundredths: number, locale: string): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return DECIMAL[asLocale(locale)].format(`${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`);
}

/** A calendar date as the language writes it in full (`30 april 2024`, `30 April 2024`): no day/month mix-up. */
export function formatDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return LONG_DATE[asLocale(locale)].format(Date.UTC(year, month - 1, day));
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
