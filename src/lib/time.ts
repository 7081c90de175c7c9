import { Temporal } from 'temporal-polyfill';

/**
 * All zone math goes through Temporal: no hand-written offsets.
 * Stored instants are UTC ISO strings with milliseconds (fixed width, so they sort as text).
 */

export function nowUtc(): string {
  // The same text as Temporal.Now.instant().toString({ smallestUnit: 'millisecond' }) (no zone involved), at a
  // twentieth of the CPU and garbage: it is taken on every write.
  return new Date().toISOString();
}

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** ATOM format in the account's zone, seconds precision: `2024-05-11T12:59:00+02:00`. */
export function toAtom(utc: string, timeZone: string): string {
  return Temporal.Instant.from(utc)
    .toZonedDateTimeISO(timeZone)
    .toString({ smallestUnit: 'second', timeZoneName: 'never', calendarName: 'never' });
}

/** The calendar date (`YYYY-MM-DD`) of a stored instant in a zone: the day a customer sees an invoice was paid. */
export function toPlainDate(utc: string, timeZone: string): string {
  return Temporal.Instant.from(utc).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** A calendar date `days` later (`2025-04-14` + 30 → `2025-05-14`), by Temporal's calendar. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A real calendar date in exactly `YYYY-MM-DD`. */
export function parseCalendarDate(raw: string): Parsed<string> {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'is required' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { ok: false, message: 'must be a date in YYYY-MM-DD format, e.g. "2024-04-30"' };
  try {
    const date = Temporal.PlainDate.from(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
      { overflow: 'reject' },
    );
    return { ok: true, value: date.toString() };
  } catch {
    return { ok: false, message: `is not a valid calendar date: "${value}" does not exist` };
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * `YYYY-MM-DD HH:mm:ss` read in `timeZone`, or ISO 8601 with an explicit offset.
 * A local time in a DST gap does not exist and is refused; one in a fold takes the earlier instant.
 */
export function parseInstant(raw: string, timeZone: string): Parsed<string> {
  const value = raw.trim();
  const local = LOCAL.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number) as [number, number, number, number, number, number, number];
    let plain: Temporal.PlainDateTime;
    try {
      plain = Temporal.PlainDateTime.from(
        { year: y, month: mo, day: d, hour: h, minute: mi, second: s },
        { overflow: 'reject' },
      );
    } catch {
      return { ok: false, message: `is not a valid date and time: "${value}" does not exist` };
    }
    const zoned = plain.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
    if (!zoned.toPlainDateTime().equals(plain)) {
      return { ok: false, message: `"${value}" does not exist in ${timeZone} (the clocks skip it for daylight saving time)` };
    }
    return { ok: true, value: zoned.toInstant().toString({ smallestUnit: 'millisecond' }) };
  }
  if (ISO_WITH_OFFSET.test(value)) {
    try {
      return { ok: true, value: Temporal.Instant.from(value).toString({ smallestUnit: 'millisecond' }) };
    } catch {
      return { ok: false, message: `is not a valid date and time: "${value}" does not exist` };
    }
  }
  return {
    ok: false,
    message: 'must be "YYYY-MM-DD HH:mm:ss" in the account\'s time zone or ISO 8601 with an offset, e.g. "2024-05-11 12:59:00"',
  };
}
