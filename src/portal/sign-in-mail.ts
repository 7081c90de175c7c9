import { Temporal } from 'temporal-polyfill';
import type { MailConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { nowUtc } from '../lib/time.js';
import type { MailKind } from '../mail/mail-kind.js';
import type { OutgoingMail } from '../mail/mail-transport.js';
import type { OutboxRow } from '../mail/outbox.repository.js';
import { LINK_VALID_MINUTES, issueSignInToken, signInLinkUrl } from './magic-link.js';
import { renderSignInMessage } from './sign-in-message.js';
import { PORTAL_SIGN_IN, findCustomersByEmail, findSignInCapSubject } from './sign-in.repository.js';

// Someone who asked an hour ago has given up or asked again; a late link only confuses.
const GIVE_UP_AFTER_MINUTES = 60;

/**
 * Renders a claimed `portal-sign-in` outbox row: looks the address up among the business's customers now, and
 * makes fresh link tokens. An unknown address ends here (`missing`), which the page never revealed.
 */
export async function composeSignInMail(db: Db, mail: MailConfig, publicBaseUrl: string, row: OutboxRow): Promise<OutgoingMail | { missing: string }> {
  const age = Temporal.Instant.from(nowUtc()).since(Temporal.Instant.from(row.created_at));
  if (age.total('minutes') > GIVE_UP_AFTER_MINUTES) return { missing: 'the sign-in request is more than an hour old' };
  if (!row.recipient) return { missing: 'the sign-in request has no address' };
  const customers = await findCustomersByEmail(db, row.account_id, row.recipient);
  const first = customers[0];
  if (!first) return { missing: 'no customer of this business has this address' };
  const links = [];
  for (const customer of customers) {
    const token = await issueSignInToken(db, { accountId: row.account_id, customerId: customer.customer_id });
    links.push({ customerName: customer.customer_name, url: signInLinkUrl(publicBaseUrl, token) });
  }
  const rendered = renderSignInMessage({ locale: first.customer_locale, businessName: first.account_name, links, validMinutes: LINK_VALID_MINUTES });
  return {
    from: { name: mail.from.name ?? first.account_name, address: mail.from.address },
    to: { name: first.customer_name, address: row.recipient },
    messageId: row.message_id,
    ...rendered,
  };
}

/**
 * The portal's email for the mail worker. Sign-in links are asked for by a business's customers on its portal page,
 * never through a test key, so they are always sent. Under the caps they count toward the account only (the address
 * has the portal's own limit, 5 an hour), and over the account's cap they are dropped: a late link is no use.
 */
export const signInMailKind: MailKind = {
  kind: PORTAL_SIGN_IN,
  async compose({ db, mail, publicBaseUrl }, row) {
    const signIn = await composeSignInMail(db, mail, publicBaseUrl, row);
    return 'missing' in signIn ? signIn : { ...signIn, testMode: false };
  },
  async capSubject(db, row) {
    // An unknown address gets no email at all, so it is not counted.
    return (row.recipient && (await findSignInCapSubject(db, row.account_id, row.recipient))) || null;
  },
  overCap: 'drop',
  cappedPerAddress: false,
};
