import { ID_LENGTH } from '../lib/ids.js';
import { validationFailed, type FieldError } from './problems.js';

/**
 * Keyset pagination over (created_at DESC, id DESC). The cursor is the last item's key, base64url-encoded;
 * anything that does not decode to such a key is a 422 on `cursor`, never a query.
 */
export interface PageKey {
  createdAt: string;
  id: string;
}

export interface PageRequest {
  limit: number;
  after: PageKey | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = new RegExp(`^[a-z]{3}_[0-9a-z]{${ID_LENGTH}}$`);

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url');
}

function decodeCursor(raw: string): PageKey | null {
  // Node's base64 decoder skips characters it does not know; a cursor with anything extra is not ours.
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !STORED_INSTANT.test(createdAt) || !ID.test(id)) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}

/** Reads `limit` and `cursor`, adding problems to `errors` instead of throwing, so every bad field is reported at once. */
export function readPage(query: { limit?: string; cursor?: string }, errors: FieldError[]): PageRequest {
  let limit = DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    if (/^\d{1,4}$/.test(query.limit) && Number(query.limit) >= 1 && Number(query.limit) <= MAX_LIMIT) limit = Number(query.limit);
    else errors.push({ field: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` });
  }
  let after: PageKey | null = null;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor);
    if (!after) errors.push({ field: 'cursor', message: 'is not a cursor this API issued; use links.next as given' });
  }
  return { limit, after };
}

export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw validationFailed(errors);
}

/** Builds `links` for a page: `self` is this request, `next` the same query with the cursor after the last row. */
function pageLinks(
  baseUrl: string,
  path: string,
  query: Record<string, string | undefined>,
  page: PageRequest,
  rows: { created_at: string; id: string }[],
  hasMore: boolean,
): { self: { href: string; type: string }; next: { href: string; type: string } | null } {
  const href = (cursor: string | undefined) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined && name !== 'cursor') params.set(name, value);
    if (query.limit === undefined) params.set('limit', String(page.limit));
    if (cursor) params.set('cursor', cursor);
    return `${baseUrl}${path}?${params.toString()}`;
  };
  const last = rows.at(-1);
  return {
    self: { href: href(query.cursor), type: 'application/json' },
    next: hasMore && last ? { href: href(encodeCursor({ createdAt: last.created_at, id: last.id })), type: 'application/json' } : null,
  };
}

export interface ListPage<Item> {
  count: number;
  data: Item[];
  links: ReturnType<typeof pageLinks>;
}

/**
 * A list response from rows fetched with `limit + 1` (the extra row only says that a next page exists):
 * the first `limit` rows as items, their count, and `links` for `path` with the request's own `query`.
 */
export function toPage<Row extends { created_at: string; id: string }, Item>(
  rows: Row[],
  page: PageRequest,
  at: { baseUrl: string; path: string; query: Record<string, string | undefined> },
  toItem: (row: Row) => Item,
): ListPage<Item> {
  const pageRows = rows.slice(0, page.limit);
  return {
    count: pageRows.length,
    data: pageRows.map(toItem),
    links: pageLinks(at.baseUrl, at.path, at.query, page, pageRows, rows.length > page.limit),
  };
}
