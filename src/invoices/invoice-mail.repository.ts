import type { Executor } from '../db/database.js';
import type { CapSubjectRow } from '../mail/mail-cap.repository.js';

/** SQL the "new invoice" email reads when a worker sends it. */

export interface MessageContextRow {
  invoice_number: string;
  issued_at: string;
  amount_cents: number;
  paid_at: string | null;
  customer_name: string;
  customer_email: string;
  customer_locale: string;
  account_name: string;
  account_mode: string;
}

/** What the message says, read when it is sent (so a corrected customer email address is used). */
export async function findMessageContext(db: Executor, invoiceId: string): Promise<MessageContextRow | undefined> {
  const row = await db
    .selectFrom('customer_invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select([
      'i.invoice_number',
      'i.issued_at',
      'i.amount_cents',
      'i.paid_at',
      'c.name as customer_name',
      'c.email as customer_email',
      'c.locale as customer_locale',
      'a.name as account_name',
      'a.mode as account_mode',
    ])
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  return row && { ...row, amount_cents: Number(row.amount_cents) };
}

/** An invoice email's account and the customer's address now; undefined when the invoice is gone. */
export async function findInvoiceCapSubject(db: Executor, invoiceId: string): Promise<CapSubjectRow | undefined> {
  const row = await db
    .selectFrom('customer_invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .select(['a.id', 'a.live_account_id', 'a.mode as account_mode', 'c.email as address'])
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  return row && { cap_account_id: row.live_account_id ?? row.id, account_mode: row.account_mode, address: row.address };
}
