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

export function findAccountEmail(db: Executor, accountId: string): Promise<{ email: string | null } | undefined> {
  return db.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirst();
}

export interface OfferDecisionContextRow {
  offer_number: string;
  amount_cents: number;
  accepted_at: string | null;
  accepted_via_ip: string | null;
  accepted_by_name: string | null;
  acceptance_signature_type: 'drawn' | 'typed' | null;
  rejected_at: string | null;
  rejection_reason: string | null;
  customer_name: string;
  customer_email: string;
  account_name: string;
  account_email: string | null;
  account_mode: string;
  time_zone: string;
}

/** What the "offer decided" email to the business says, read when it is sent (its current address). */
export async function findOfferDecisionContext(db: Executor, offerId: string): Promise<OfferDecisionContextRow | undefined> {
  const row = await db
    .selectFrom('customer_offers as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .select([
      'o.offer_number',
      'o.amount_cents',
      'o.accepted_at',
      'o.accepted_via_ip',
      'o.accepted_by_name',
      'o.acceptance_signature_type',
      'o.rejected_at',
      'o.rejection_reason',
      'c.name as customer_name',
      'c.email as customer_email',
      'a.name as account_name',
      'a.email as account_email',
      'a.mode as account_mode',
      'a.time_zone',
    ])
    .where('o.id', '=', offerId)
    .executeTakeFirst();
  return row && { ...row, amount_cents: Number(row.amount_cents) };
}
