import type { Executor } from '../db/database.js';
import { keysetPage } from '../db/keyset-page.js';
import type { CustomerOffersTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';
import type { OfferStatus } from './offer.rules.js';

export type OfferRow = CustomerOffersTable;

export function insertOffer(db: Executor, row: OfferRow): Promise<unknown> {
  return db.insertInto('customer_offers').values(row).execute();
}

// PostgreSQL returns bigint as a string; amounts stay far below 2^53, so Number is exact.
const cents = (value: number | string | null) => (value === null ? null : Number(value));
function normalise(row: OfferRow): OfferRow {
  return {
    ...row,
    amount_cents: Number(row.amount_cents),
    subtotal_cents: cents(row.subtotal_cents),
    vat_cents: cents(row.vat_cents),
    pdf_size: Number(row.pdf_size),
  };
}

export async function findOffer(db: Executor, accountId: string, id: string): Promise<OfferRow | undefined> {
  const row = await db.selectFrom('customer_offers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return row && normalise(row);
}

export async function offerNumberTaken(db: Executor, accountId: string, offerNumber: string): Promise<boolean> {
  const row = await db.selectFrom('customer_offers').select('id').where('account_id', '=', accountId).where('offer_number', '=', offerNumber).executeTakeFirst();
  return row !== undefined;
}

export interface OfferFilters {
  customerId?: string;
  status?: OfferStatus;
}

/**
 * One page, newest first, one extra row to know whether there is a next page. The customer filter walks its own
 * index in (created_at, id) order; the status is applied while walking (`today`: the account's date, which
 * separates open from expired).
 */
export async function listOffers(db: Executor, accountId: string, filters: OfferFilters, today: string, page: PageRequest): Promise<OfferRow[]> {
  let query = db.selectFrom('customer_offers').selectAll().where('account_id', '=', accountId);
  if (filters.customerId !== undefined) query = query.where('customer_id', '=', filters.customerId);
  switch (filters.status) {
    case 'accepted':
      query = query.where('accepted_at', 'is not', null);
      break;
    case 'rejected':
      query = query.where('rejected_at', 'is not', null);
      break;
    case 'open':
      query = query.where('accepted_at', 'is', null).where('rejected_at', 'is', null).where('expires_at', '>=', today);
      break;
    case 'expired':
      query = query.where('accepted_at', 'is', null).where('rejected_at', 'is', null).where('expires_at', '<', today);
      break;
  }
  const rows = await keysetPage(query, page, 'created_at', 'id').execute();
  return rows.map(normalise);
}

export type OfferDecisionColumns = Pick<
  OfferRow,
  'accepted_at' | 'accepted_via_ip' | 'accepted_via_user_agent' | 'acceptance_signature' | 'accepted_by_name' | 'acceptance_signature_type' | 'rejected_at' | 'rejection_reason'
>;

/**
 * Records a decision on an undecided offer; false when the offer is gone, already decided, or (with `openOn`, the
 * account's date) past its last day. The condition decides between concurrent decisions: exactly one wins.
 */
export async function decideOffer(db: Executor, accountId: string, id: string, decision: OfferDecisionColumns, openOn?: string): Promise<boolean> {
  let query = db
    .updateTable('customer_offers')
    .set(decision)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('rejected_at', 'is', null);
  if (openOn !== undefined) query = query.where('expires_at', '>=', openOn);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One offer of one customer of one business (the portal's scope); another customer's looks unknown. */
export async function findCustomerOffer(db: Executor, scope: { accountId: string; customerId: string }, id: string): Promise<OfferRow | undefined> {
  const row = await db
    .selectFrom('customer_offers')
    .selectAll()
    .where('id', '=', id)
    .where('customer_id', '=', scope.customerId)
    .where('account_id', '=', scope.accountId)
    .executeTakeFirst();
  return row && normalise(row);
}

export async function deleteOfferRow(db: Executor, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('customer_offers').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Records the invoice an accepted manual offer became; false when the offer is gone, not accepted, uploaded or
 * already converted. Run in the invoice's transaction: of two concurrent conversions one updates the row and the
 * other (waiting on its lock, then finding `invoice_id` set) does not, and rolls its invoice back.
 */
export async function markOfferInvoiced(db: Executor, accountId: string, id: string, invoiceId: string): Promise<boolean> {
  const result = await db
    .updateTable('customer_offers')
    .set({ invoice_id: invoiceId })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('invoice_id', 'is', null)
    .where('accepted_at', 'is not', null)
    .where('subtotal_cents', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
