import { sql, type SelectQueryBuilder, type StringReference } from 'kysely';
import type { PageRequest } from '../http/pagination.js';

/**
 * One page of a list, newest first on (created_at DESC, id DESC), for every list query: after a cursor, a
 * row-value comparison `(created_at, id) < (?, ?)` that the list's index seeks to (an OR of two conditions would
 * scan from the top); for a bare `?page=N`, the offset; always one row more than the page, which only says that a
 * next page exists. The two columns are named as the query sees them (`m.customer_created_at`).
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  createdAtColumn: StringReference<DB, TB>,
  idColumn: StringReference<DB, TB>,
): SelectQueryBuilder<DB, TB, O> {
  // Typed as references of the query's tables, so a misspelt column fails the typecheck.
  const createdAt = sql.ref(String(createdAtColumn));
  const id = sql.ref(String(idColumn));
  const after = page.after;
  const seek = after ? query.where(sql<boolean>`(${createdAt}, ${id}) < (${after.createdAt}, ${after.id})`) : query;
  return seek.orderBy(createdAt, 'desc').orderBy(id, 'desc').limit(page.limit + 1).offset(page.offset);
}
