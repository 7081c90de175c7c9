import { PostgresAdapter, type Kysely } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * The one claim of every background job (emails, webhook deliveries, and the jobs to come): a job is a row in a
 * queue table that has at least these columns. `available_at` is when the row is due: the next retry, or the end
 * of the lease of the worker holding it; `lease_id` says which claim holds it; `attempts` counts the claims.
 */
export interface LeaseColumns {
  id: string;
  available_at: string;
  lease_id: string | null;
  attempts: number;
}

/** The tables of the schema that can serve as a queue. */
export type QueueTable = { [T in keyof Database]: Database[T] extends LeaseColumns ? T : never }[keyof Database];

/** A queue: which table, which column and value say "waiting to be done", and what else a claim records. */
export interface JobQueue<T extends QueueTable> {
  table: T;
  statusColumn: keyof Database[T] & string;
  /** The status of a row still to be done (`queued`, `pending`, …); rows in any other status are finished. */
  dueStatus: string;
  /** Further columns a claim sets, from the claim's `now` (e.g. `last_attempt_at`). */
  claimSets?: (now: string) => Partial<Record<keyof Database[T] & string, string>>;
}

/**
 * The claim's query is the same for every queue: Kysely checks it once against this shape, which every queue table
 * has (`QueueTable`), with the queue's own table and status column named in for `job_queue` and `status`.
 */
type AnyQueueDb = Kysely<{ job_queue: LeaseColumns & { status: string; [extra: string]: unknown } }>;

/**
 * Claims the oldest due row of `queue` for one worker: one atomic UPDATE that takes a row only while it is still
 * due (status, `available_at` past), pushes `available_at` to the end of the lease, sets `lease_id` and counts the
 * attempt. Two workers can never both get a row: SQLite runs writes one at a time, and the outer WHERE is checked
 * again on the row it updates. On PostgreSQL the inner SELECT takes `FOR UPDATE SKIP LOCKED`, so workers pass each
 * other instead of queueing on one row. Only the lease holder may then record a retry or a failure (its updates
 * check `lease_id`); a worker that dies leaves the row to be claimed again when the lease runs out.
 */
export async function claimDue<T extends QueueTable>(
  executor: Executor,
  queue: JobQueue<T>,
  now: string,
  leaseUntil: string,
  leaseId: string,
): Promise<Database[T] | undefined> {
  const db = executor as unknown as AnyQueueDb;
  const table = queue.table as 'job_queue';
  const statusColumn = queue.statusColumn as 'status';
  const dueStatus = queue.dueStatus;
  const row = await db
    .updateTable(table)
    .set((eb) => ({ ...queue.claimSets?.(now), lease_id: leaseId, available_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom(table)
        .select('id')
        .where(statusColumn, '=', dueStatus)
        .where('available_at', '<=', now)
        .orderBy('available_at')
        .orderBy('id')
        .limit(1)
        .$if(db.getExecutor().adapter instanceof PostgresAdapter, (q) => q.forUpdate().skipLocked()),
    )
    .where(statusColumn, '=', dueStatus)
    .where('available_at', '<=', now)
    .returningAll()
    .executeTakeFirst();
  return row as Database[T] | undefined;
}
