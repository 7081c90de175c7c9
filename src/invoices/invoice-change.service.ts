import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { throwIfInvalid } from '../http/pagination.js';
import { notFound, type FieldError } from '../http/problems.js';
import { looksLikeId } from '../lib/ids.js';
import { deleteInvoiceRow, findInvoice, setPaidAt } from './invoice.repository.js';
import { removePdfIfUnreferenced } from '../storage/pdf-lock.js';
import { parsePaidAt } from './invoice.rules.js';
import type { Invoice, UpdateInvoiceInput } from './invoice.schemas.js';
import { invoiceExtras, toInvoice } from './invoice.service.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';

const missing = (id: string) => notFound(`Customer invoice ${id.slice(0, 64)}`);

/**
 * Marks an invoice paid (at the given time) or unpaid (`null` or ""); nothing else can change. `schemaErrors`: what
 * the route's schema found wrong; reported together with paidAt's own rules (a real, existing local time).
 */
export async function updateInvoice(ctx: AppContext, caller: Caller, id: string, input: UpdateInvoiceInput, schemaErrors: FieldError[] = []): Promise<Invoice> {
  const errors = [...schemaErrors];
  let paidAt: { ok: true; value: string | null } = { ok: true, value: null };
  if (!errors.some((e) => e.field === 'paidAt' || e.field === '(body)')) {
    const raw = (input as { paidAt?: unknown } | null)?.paidAt;
    const parsed = parsePaidAt(typeof raw === 'string' ? raw : undefined, caller.timeZone);
    if (parsed.ok) paidAt = parsed;
    else errors.push({ field: 'paidAt', message: parsed.message });
  }
  throwIfInvalid(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const row = looksLikeId('inv', id) ? await findInvoice(trx, caller.accountId, id) : undefined;
    if (!row) throw missing(id);
    await setPaidAt(trx, caller.accountId, row.id, paidAt.value);
    const extras = await invoiceExtras(trx, [row]);
    const invoice = toInvoice({ ...row, paid_at: paidAt.value }, caller, ctx.config.publicBaseUrl, extras(row));
    // Only unpaid → paid is a payment; changing the date of an already paid invoice is not another one.
    if (row.paid_at === null && paidAt.value !== null) await recordWebhookEvent(trx, caller.accountId, 'invoice-paid', invoice);
    return invoice;
  });
}

/**
 * Deletes an invoice; its PDF goes too once no invoice references those bytes any more. The row is committed
 * away first: a crash before the file is removed leaves an unreferenced file, never a row without its PDF.
 */
export async function deleteInvoice(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const found = looksLikeId('inv', id) ? await findInvoice(trx, caller.accountId, id) : undefined;
    if (!found) throw missing(id);
    // The invoice as it was (its notification state goes with the row), sent with `invoice-deleted`.
    const extras = await invoiceExtras(trx, [found]);
    const invoice = toInvoice(found, caller, ctx.config.publicBaseUrl, extras(found));
    if (!(await deleteInvoiceRow(trx, caller.accountId, found.id))) throw missing(id);
    await recordWebhookEvent(trx, caller.accountId, 'invoice-deleted', invoice);
    return found;
  });
  // Under the hash lock, so a concurrent create of the same bytes cannot lose its file.
  await removePdfIfUnreferenced(ctx, row.pdf_sha256);
}
