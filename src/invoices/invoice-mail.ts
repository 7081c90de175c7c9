import { nowUtc } from '../lib/time.js';
import type { MailKind } from '../mail/mail-kind.js';
import { invoicePortalUrl, issueAccessToken } from './invoice-access.js';
import { recordInvoiceEvent } from './invoice-events.js';
import { findInvoiceCapSubject, findMessageContext } from './invoice-mail.repository.js';
import { renderInvoiceMessage } from './invoice-message.js';
import { INVOICE_CREATED } from './invoice-notification.js';

/**
 * The "new invoice" email for the mail worker (queued by `queueInvoiceNotification`): rendered from the current
 * invoice, customer and account rows with a fresh link token; given up, it tells the business's webhooks
 * (`notification-failed`) in the same transaction. Under the caps it counts per account and per address (a test
 * account's email is recorded, never sent, so not counted), and over a cap it waits for the window's end.
 */
export const invoiceMailKind: MailKind = {
  kind: INVOICE_CREATED,
  async compose({ db, mail, publicBaseUrl }, row) {
    const invoiceId = row.invoice_id;
    const context = invoiceId === null ? undefined : await findMessageContext(db, invoiceId);
    if (!context || invoiceId === null) return { missing: 'the invoice no longer exists' };
    // A fresh link token per rendering, stored as its hash only. Rows queued by an older version still carry one.
    const token = row.access_token ?? (await issueAccessToken(db, { id: invoiceId, account_id: row.account_id }, nowUtc()));
    const rendered = renderInvoiceMessage({
      locale: context.customer_locale,
      businessName: context.account_name,
      customerName: context.customer_name,
      invoiceNumber: context.invoice_number,
      amountCents: context.amount_cents,
      issuedAt: context.issued_at,
      paid: context.paid_at !== null,
      link: invoicePortalUrl(publicBaseUrl, token),
    });
    return {
      // Without a name in MAIL_FROM the business speaks: the customer knows it, not us.
      from: { name: mail.from.name ?? context.account_name, address: mail.from.address },
      to: { name: context.customer_name, address: context.customer_email },
      messageId: row.message_id,
      ...rendered,
      testMode: context.account_mode === 'test',
    };
  },
  async onGivenUp(trx, { publicBaseUrl }, row) {
    if (row.invoice_id !== null) await recordInvoiceEvent(trx, publicBaseUrl, row.account_id, row.invoice_id, 'notification-failed');
  },
  async capSubject(db, row) {
    if (row.invoice_id === null) return null;
    const subject = await findInvoiceCapSubject(db, row.invoice_id);
    // Test mode records the email instead of sending it: it reaches nobody and costs nothing, so it is not capped,
    // and it never uses up the live account's emails.
    return subject && subject.account_mode !== 'test' ? subject : null;
  },
  overCap: 'defer',
  cappedPerAddress: true,
};
