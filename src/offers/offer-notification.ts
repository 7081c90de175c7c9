import type { MailConfig } from '../config.js';
import type { Executor } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { insertOutboxRow, type OutboxRow } from '../mail/outbox.repository.js';
import type { OfferRow } from './offer.repository.js';

export const OFFER_CREATED = 'offer-created';

/**
 * Queues the "new offer" email in the caller's transaction, so it exists exactly when the offer does. As for
 * invoices, the link's token is made by the worker when it renders the message, never written to the row.
 */
export async function queueOfferNotification(trx: Executor, offer: OfferRow, mail: MailConfig): Promise<OutboxRow> {
  const id = newId('ntf');
  const row: OutboxRow = {
    id,
    kind: OFFER_CREATED,
    account_id: offer.account_id,
    invoice_id: null,
    offer_id: offer.id,
    recipient: null,
    message_id: `<${id}@${mail.from.address.split('@').pop() ?? 'localhost'}>`,
    status: 'queued',
    attempts: 0,
    available_at: offer.created_at,
    lease_id: null,
    access_token: null,
    last_error: null,
    sent_at: null,
    created_at: offer.created_at,
    recorded_email: null,
  };
  await insertOutboxRow(trx, row);
  return row;
}
