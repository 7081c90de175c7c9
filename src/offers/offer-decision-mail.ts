import type { MailKind } from '../mail/mail-kind.js';
import { OFFER_DECIDED } from './offer-decision-notification.js';
import { renderOfferDecisionMessage } from './offer-decision-message.js';
import { findOfferDecisionContext } from './offer-mail.repository.js';

// The business's own language is not a detail yet; Dutch, as the product's default.
const BUSINESS_LOCALE = 'nl';

/**
 * The `offer-decided` email: tells the business (its account's `email`, read at send time) that a customer
 * accepted or rejected an offer in the portal. Not counted under the email caps: it goes to the business itself,
 * at most once per offer (an offer is decided once). A test account's email is recorded, never sent.
 */
export const offerDecisionMailKind: MailKind = {
  kind: OFFER_DECIDED,
  async compose({ db, mail }, row) {
    const context = row.offer_id === null ? undefined : await findOfferDecisionContext(db, row.offer_id);
    if (!context) return { missing: 'the offer no longer exists' };
    if (!context.account_email) return { missing: 'the account has no email address any more' };
    const decision =
      context.accepted_at !== null
        ? { kind: 'accepted' as const, at: context.accepted_at, signatureType: context.acceptance_signature_type, name: context.accepted_by_name, ip: context.accepted_via_ip }
        : context.rejected_at !== null
          ? { kind: 'rejected' as const, at: context.rejected_at, reason: context.rejection_reason }
          : null;
    if (!decision) return { missing: 'the offer is not decided' };
    const rendered = renderOfferDecisionMessage({
      locale: BUSINESS_LOCALE,
      businessName: context.account_name,
      customerName: context.customer_name,
      customerEmail: context.customer_email,
      offerNumber: context.offer_number,
      amountCents: context.amount_cents,
      decision,
      timeZone: context.time_zone,
    });
    return {
      from: { name: mail.from.name ?? 'Klantportaal', address: mail.from.address },
      to: { name: context.account_name, address: context.account_email },
      messageId: row.message_id,
      ...rendered,
      testMode: context.account_mode === 'test',
    };
  },
  overCap: 'defer',
  cappedPerAddress: false,
};
