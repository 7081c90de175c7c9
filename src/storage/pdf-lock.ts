import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Executor, Trx } from '../db/database.js';
import { pdfReferenced } from './pdf-references.repository.js';
import type { StagedPdf } from './pdf-store.js';

/**
 * Publishing and removing the bytes of one PDF hash happen under a lock, so a failed or deleted invoice never
 * removes a file that a concurrent create of the same bytes is about to reference.
 * - SQLite (one process): an in-process lock per hash; `work` opens its own transactions.
 * - PostgreSQL (many processes): a transaction-scoped advisory lock on the hash, and `work` runs inside that
 *   transaction, so the row's commit and the lock's release are one step. (One connection per request, so
 *   a busy pool cannot deadlock on locks waiting for connections.)
 */
export async function withPdfLock<T>(ctx: AppContext, sha256: string, work: (executor: Executor) => Promise<T>): Promise<T> {
  if (ctx.dialect === 'sqlite') return ctx.store.lockHash(sha256, () => work(ctx.db));
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, ${lockKey(sha256)})`.execute(trx);
    return work(trx);
  });
}

/** Runs `work` in the executor's transaction, or in a new one when it is not a transaction. */
export function inTransaction<T>(executor: Executor, work: (trx: Trx) => Promise<T>): Promise<T> {
  return executor.isTransaction ? work(executor as Trx) : executor.transaction().execute(work);
}

/**
 * Removes the stored bytes when no invoice references them any more (after a failed create, a delete, or a
 * crash between publish and commit); true when it removed them.
 */
export async function removePdfIfUnreferenced(ctx: AppContext, sha256: string): Promise<boolean> {
  return withPdfLock(ctx, sha256, async (executor) => {
    if (await pdfReferenced(executor, sha256)) return false;
    await ctx.store.remove(sha256);
    return true;
  });
}

// Advisory locks are two int4s: a class for "PDF hash" and 32 bits of the hash (a collision only serialises).
const LOCK_CLASS = 0x6b70; // "kp"
function lockKey(sha256: string): number {
  return Number.parseInt(sha256.slice(0, 8), 16) | 0;
}

/**
 * The stored-file pipeline's last two steps, for every section that keeps a PDF: publish the staged bytes
 * (fsync'd, renamed, directory fsync'd) and then commit `work` (the row, its email, its webhook events, the
 * idempotency record) in one transaction, all under the hash's lock. The caller answers after this returns, so
 * a 201 means both are on stable storage. On any failure the bytes this call published are removed again
 * (unless a row references them meanwhile); the staged temp file is the caller's to discard.
 */
export async function publishAndCommit<T>(ctx: AppContext, pdf: StagedPdf, work: (trx: Trx) => Promise<T>): Promise<T> {
  let published = false;
  try {
    return await withPdfLock(ctx, pdf.sha256, async (executor) => {
      published = (await pdf.publish()).created;
      return inTransaction(executor, work);
    });
  } catch (error) {
    if (published) await removePdfIfUnreferenced(ctx, pdf.sha256).catch(() => undefined);
    throw error;
  }
}
