import type { Executor } from '../db/database.js';
import type { CapSubjectRow } from '../mail/mail-cap.repository.js';

/** SQL the "new offer" email reads when a worker sends it. */

export interface OfferMessageContextRow {
  offer_number: string;
  issued_at: string;
  expires_at: string;
  amount_cents: number;
  customer_name: string;
  customer_email: string;
  customer_locale: string;
  account_name: string;
  account_mode: string;
}

/** What the message says, read when it is sent (so a corrected customer email address is used). */
export async function findOfferMessageContext(db: Executor, offerId: string): Promise<OfferMessageContextRow | undefined> {
  const row = await db
    .selectFrom('customer_offers as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .select([
      'o.offer_number',
      'o.issued_at',
      'o.expires_at',
      'o.amount_cents',
      'c.name as customer_name',
      'c.email as customer_email',
      'c.locale as customer_locale',
      'a.name as account_name',
      'a.mode as account_mode',
    ])
    .where('o.id', '=', offerId)
    .executeTakeFirst();
  return row && { ...row, amount_cents: Number(row.amount_cents) };
}

/** An offer email's account and the customer's address now; undefined when the offer is gone. */
export async function findOfferCapSubject(db: Executor, offerId: string): Promise<CapSubjectRow | undefined> {
  const row = await db
    .selectFrom('customer_offers as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .select(['a.id', 'a.live_account_id', 'a.mode as account_mode', 'c.email as address'])
    .where('o.id', '=', offerId)
    .executeTakeFirst();
  return row && { cap_account_id: row.live_account_id ?? row.id, account_mode: row.account_mode, address: row.address };
}
