import type { AppContext } from '../context.js';
import { referencedPdfs } from './pdf-references.repository.js';
import { removePdfIfUnreferenced } from './pdf-lock.js';

/**
 * Removes published PDFs that no invoice references: what a crash between "publish" and "commit" leaves behind
 * (the create order is file first, row second, so a crash can orphan a file but never a row). Each removal
 * re-checks under the hash's lock, the same lock a create holds from publish to commit, so a create in flight
 * in this or another process never loses its file. `graceMs` additionally spares recently written files, for a
 * writer that does not take our lock (an older version during a rolling upgrade); 0 sweeps everything.
 */
export async function removeOrphanedPdfs(ctx: AppContext, graceMs: number): Promise<number> {
  const cutoff = Date.now() - graceMs;
  let removed = 0;
  for await (const page of ctx.store.listPublished()) {
    const referenced = await referencedPdfs(ctx.db, page.map((pdf) => pdf.sha256));
    for (const pdf of page) {
      if (referenced.has(pdf.sha256)) continue;
      if (graceMs > 0) {
        const modified = await pdf.modifiedAt();
        if (modified === null || modified.getTime() > cutoff) continue;
      }
      if (await removePdfIfUnreferenced(ctx, pdf.sha256)) removed += 1;
    }
  }
  return removed;
}
