import { nowUtc } from '../lib/time.js';
import type { MailKind } from '../mail/mail-kind.js';
import { issueOfferAccessToken, offerPortalUrl } from './offer-access.js';
import { findOfferCapSubject, findOfferMessageContext } from './offer-mail.repository.js';
import { renderOfferMessage } from './offer-message.js';
import { OFFER_CREATED } from './offer-notification.js';

/**
 * The "new offer" email for the mail worker (queued by `queueOfferNotification`), the invoice email's sibling:
 * rendered from the current offer, customer and account rows with a fresh link token (`/portal/o/<token>`), under
 * the same caps (per account and per address; a test account's email is recorded, never sent, so not counted).
 */
export const offerMailKind: MailKind = {
  kind: OFFER_CREATED,
  async compose({ db, mail, publicBaseUrl }, row) {
    const offerId = row.offer_id;
    const context = offerId === null ? undefined : await findOfferMessageContext(db, offerId);
    if (!context || offerId === null) return { missing: 'the offer no longer exists' };
    const token = await issueOfferAccessToken(db, { id: offerId, account_id: row.account_id }, nowUtc());
    const rendered = renderOfferMessage({
      locale: context.customer_locale,
      businessName: context.account_name,
      customerName: context.customer_name,
      offerNumber: context.offer_number,
      amountCents: context.amount_cents,
      issuedAt: context.issued_at,
      expiresAt: context.expires_at,
      link: offerPortalUrl(publicBaseUrl, token),
    });
    return {
      from: { name: mail.from.name ?? context.account_name, address: mail.from.address },
      to: { name: context.customer_name, address: context.customer_email },
      messageId: row.message_id,
      ...rendered,
      testMode: context.account_mode === 'test',
    };
  },
  async capSubject(db, row) {
    if (row.offer_id === null) return null;
    const subject = await findOfferCapSubject(db, row.offer_id);
    return subject && subject.account_mode !== 'test' ? subject : null;
  },
  overCap: 'defer',
  cappedPerAddress: true,
};
