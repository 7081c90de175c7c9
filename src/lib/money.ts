/** Money is integer cents everywhere; these two functions are the only way in and out. */

// Twelve digits before the point keeps every amount far inside the exact range of a double (2^53 cents).
const AMOUNT = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

export type AmountParse = { ok: true; cents: number } | { ok: false; message: string };

export function parseAmount(raw: string): AmountParse {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'is required' };
  const match = AMOUNT.exec(value);
  if (!match) {
    if (/^-?\d+,\d+$/.test(value)) return { ok: false, message: 'must use a dot as the decimal separator, e.g. "12.95"' };
    if (/^-?\d+\.\d{3,}$/.test(value)) return { ok: false, message: 'must have at most two decimals' };
    if (/^-?\d{13,}(\.\d*)?$/.test(value)) return { ok: false, message: 'must be at most 999999999999.99 in absolute value' };
    return { ok: false, message: 'must be a decimal number with at most two decimals, e.g. "12.95" or "-5.00"' };
  }
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, cents: sign === '-' && cents !== 0 ? -cents : cents };
}

/** `1295` → `"12.95"`, `-500` → `"-5.00"`. */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const rest = abs % 100;
  return `${sign}${whole}.${String(rest).padStart(2, '0')}`;
}
