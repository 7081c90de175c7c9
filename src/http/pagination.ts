import { createHash } from 'node:crypto';
import { ID_LENGTH } from '../lib/ids.js';
import { validationFailed, type FieldError } from './problems.js';

/**
 * MijnKlantportaal's list envelope (Laravel `simplePaginate`), newest first on (created_at DESC, id DESC).
 *
 * - `?page=N` (1-based) alone is an offset: fine for the first pages, slower the deeper it goes.
 * - `next_page_url` carries `page=N+1` plus `after=<cursor>`, an opaque keyset cursor (the last row's key), so
 *   walking it costs one index seek per page at any collection size, and rows inserted meanwhile (they land on
 *   page 1) cause neither gaps nor repeats.
 * - `prev_page_url` is always the bare `?page=N-1` (an offset): walking backwards is rare, and a cursor page's
 *   previous page is then simply "page N-1 as the list stands now".
 *
 * The cursor is bound to its page number, per_page and filters by a checksum: `from`/`to` are computed from
 * `page`, so a cursor used with anything else (or edited) is a 422 on `after`, never a wrong page.
 * It is not a secret: it only positions the caller inside their own list.
 */
export interface PageKey {
  createdAt: string;
  id: string;
}

export interface PageRequest {
  /** The 1-based page number (`current_page`). */
  number: number;
  /** per_page; repositories fetch `limit + 1` rows, the extra one only says that a next page exists. */
  limit: number;
  /** Rows to skip before the page: `(number - 1) * limit` for a bare `?page=N`, 0 after a cursor. */
  offset: number;
  /** Keyset cursor: rows strictly older than this key. */
  after: PageKey | null;
}

export const DEFAULT_PER_PAGE = 15;
export const MAX_PER_PAGE = 250;
/** Query parameters the envelope owns; everything else in a list's query is a filter and is kept in its URLs. */
export const PAGE_PARAMS = ['page', 'per_page', 'after'] as const;

const MAX_PAGE = 999_999_999;
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = new RegExp(`^[a-z]{3}_[0-9a-z]{${ID_LENGTH}}$`);
const SUM_LENGTH = 11; // base64url characters of the 8-byte checksum

type Query = Record<string, string | undefined>;

function filtersOf(query: Query): [string, string][] {
  return Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && !(PAGE_PARAMS as readonly string[]).includes(entry[0]));
}

function checksum(key: PageKey, number: number, perPage: number, filters: [string, string][]): string {
  const sorted = [...filters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const material = JSON.stringify(['kp-list-cursor-1', key.createdAt, key.id, number, perPage, sorted]);
  return createHash('sha256').update(material).digest().subarray(0, 8).toString('base64url');
}

export function encodeCursor(key: PageKey, number: number, perPage: number, query: Query): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url') + checksum(key, number, perPage, filtersOf(query));
}

/** The cursor's key; null when it is not ours, or (with `bound`) not issued for this page, per_page and filters. */
function decodeCursor(raw: string, bound: { number: number; perPage: number; query: Query } | null): PageKey | null {
  // Node's base64 decoder skips characters it does not know; a cursor with anything extra is not ours.
  if (!/^[A-Za-z0-9_-]{1,300}$/.test(raw) || raw.length <= SUM_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw.slice(0, -SUM_LENGTH), 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !STORED_INSTANT.test(createdAt) || !ID.test(id)) return null;
    const key = { createdAt, id };
    if (!bound) return key;
    return raw.slice(-SUM_LENGTH) === checksum(key, bound.number, bound.perPage, filtersOf(bound.query)) ? key : null;
  } catch {
    return null;
  }
}

function wholeNumber(raw: string, max: number): number | null {
  if (!/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}

/**
 * Reads `page`, `per_page` and `after` from a list's query (its other keys are filters), adding problems to
 * `errors` instead of throwing, so every bad field is reported at once.
 */
export function readPage(query: { page?: string; per_page?: string; after?: string }, errors: FieldError[]): PageRequest {
  let number = 1;
  if (query.page !== undefined) {
    const n = wholeNumber(query.page, MAX_PAGE);
    if (n === null) errors.push({ field: 'page', message: 'must be a whole number from 1' });
    else number = n;
  }
  let limit = DEFAULT_PER_PAGE;
  if (query.per_page !== undefined) {
    const n = wholeNumber(query.per_page, MAX_PER_PAGE);
    if (n === null) errors.push({ field: 'per_page', message: `must be a whole number from 1 to ${MAX_PER_PAGE}` });
    else limit = n;
  }
  let after: PageKey | null = null;
  if (query.after !== undefined) {
    // With a bad page or per_page the binding cannot be checked, but a cursor that is not ours is still reported.
    const pageValid = !errors.some((e) => e.field === 'page' || e.field === 'per_page');
    after = decodeCursor(query.after, pageValid ? { number, perPage: limit, query: query as Query } : null);
    if (!after) errors.push({ field: 'after', message: 'is not a cursor this API issued for this page; follow next_page_url as given' });
  }
  return { number, limit, offset: after ? 0 : (number - 1) * limit, after };
}

export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw validationFailed(errors);
}

export interface ListPage<Item> {
  current_page: number;
  data: Item[];
  first_page_url: string;
  from: number | null;
  next_page_url: string | null;
  path: string;
  per_page: number;
  prev_page_url: string | null;
  to: number | null;
}

/**
 * The envelope for rows fetched with `limit + 1` (the extra row only says that a next page exists), at `path`
 * with the request's own `query`: its filters and (when the caller gave it) `per_page` stay in every URL.
 */
export function toPage<Row extends { created_at: string; id: string }, Item>(
  rows: Row[],
  page: PageRequest,
  at: { baseUrl: string; path: string; query: Query },
  toItem: (row: Row) => Item,
): ListPage<Item> {
  const pageRows = rows.slice(0, page.limit);
  const path = `${at.baseUrl}${at.path}`;
  const filters = filtersOf(at.query);
  const url = (number: number, cursor?: string) => {
    const params = new URLSearchParams({ page: String(number) });
    if (at.query.per_page !== undefined) params.set('per_page', String(page.limit));
    for (const [name, value] of filters) params.append(name, value);
    if (cursor !== undefined) params.set('after', cursor);
    return `${path}?${params.toString()}`;
  };
  const last = pageRows.at(-1);
  const from = pageRows.length > 0 ? (page.number - 1) * page.limit + 1 : null;
  return {
    current_page: page.number,
    data: pageRows.map(toItem),
    first_page_url: url(1),
    from,
    next_page_url:
      rows.length > page.limit && last
        ? url(page.number + 1, encodeCursor({ createdAt: last.created_at, id: last.id }, page.number + 1, page.limit, at.query))
        : null,
    path,
    per_page: page.limit,
    prev_page_url: page.number > 1 ? url(page.number - 1) : null,
    to: from === null ? null : from + pageRows.length - 1,
  };
}
