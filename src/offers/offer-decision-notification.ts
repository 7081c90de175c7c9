import type { MailConfig } from '../config.js';
import type { Executor } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { insertOutboxRow } from '../mail/outbox.repository.js';
import { findAccountEmail } from './offer-mail.repository.js';
import type { OfferRow } from './offer.repository.js';

export const OFFER_DECIDED = 'offer-decided';

/**
 * Queues the email telling the business that its customer accepted or rejected an offer, in the decision's
 * transaction. It goes to the account's `email` detail (GET /v1/account); an account without one gets no email
 * (nothing is queued: there is nobody to tell, and the webhook events still say it). One per offer at most: an
 * offer is decided once, and (offer_id, kind) is unique in the outbox.
 */
export async function queueOfferDecidedNotification(trx: Executor, offer: OfferRow, mail: MailConfig, now: string): Promise<boolean> {
  const account = await findAccountEmail(trx, offer.account_id);
  if (!account?.email) return false;
  const id = newId('ntf');
  await insertOutboxRow(trx, {
    id,
    kind: OFFER_DECIDED,
    account_id: offer.account_id,
    invoice_id: null,
    offer_id: offer.id,
    recipient: null,
    message_id: `<${id}@${mail.from.address.split('@').pop() ?? 'localhost'}>`,
    status: 'queued',
    attempts: 0,
    available_at: now,
    lease_id: null,
    access_token: null,
    last_error: null,
    sent_at: null,
    created_at: now,
    recorded_email: null,
  });
  return true;
}
