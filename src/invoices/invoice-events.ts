import type { Executor } from '../db/database.js';
import { findAccount } from '../accounts/account.repository.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import type { WebhookEventType } from '../webhooks/webhook.schemas.js';
import { findInvoice } from './invoice.repository.js';
import { invoiceExtras, toInvoice } from './invoice.service.js';

/**
 * Records a webhook event about one invoice from what `trx` sees now, for callers that do not hold the invoice
 * resource: the mail worker (`notification-failed`) and the portal (`invoice-viewed`, called in the
 * transaction that sets viewedAt). Returns the event id, or null when the invoice is gone or nobody listens.
 */
export async function recordInvoiceEvent(
  trx: Executor,
  publicBaseUrl: string,
  accountId: string,
  invoiceId: string,
  type: WebhookEventType,
): Promise<string | null> {
  // One after the other: a transaction is one connection.
  const invoice = await findInvoice(trx, accountId, invoiceId);
  const account = await findAccount(trx, accountId);
  if (!invoice || !account) return null;
  const extras = await invoiceExtras(trx, [invoice]);
  const caller = { accountId, accountName: account.name, timeZone: account.time_zone };
  return recordWebhookEvent(trx, accountId, type, toInvoice(invoice, caller, publicBaseUrl, extras(invoice)));
}
