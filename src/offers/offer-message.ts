import { asLocale, escapeHtml, formatDate, formatMoney } from '../lib/format.js';
import type { RenderedMessage } from '../mail/mail-transport.js';

/** Everything an offer notification says; rendered in the customer's language. */
export interface OfferMessageInput {
  locale: string;
  businessName: string;
  customerName: string;
  offerNumber: string;
  amountCents: number;
  /** `YYYY-MM-DD`. */
  issuedAt: string;
  /** `YYYY-MM-DD`: the last day the offer stands. */
  expiresAt: string;
  link: string;
}

const WORDS = {
  nl: {
    subject: (business: string, number: string) => `Nieuwe offerte ${number} van ${business}`,
    greeting: (name: string) => `Beste ${name},`,
    intro: (business: string) => `${business} heeft een offerte voor u klaargezet.`,
    number: 'Offertenummer',
    amount: 'Bedrag',
    date: 'Offertedatum',
    expires: 'Geldig tot en met',
    open: 'Bekijk en download de offerte:',
    button: 'Offerte bekijken',
    footer: 'Deze link opent alleen deze offerte. Stuur deze e-mail niet door als u dat niet wilt delen.',
  },
  en: {
    subject: (business: string, number: string) => `New offer ${number} from ${business}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (business: string) => `${business} has an offer ready for you.`,
    number: 'Offer number',
    amount: 'Amount',
    date: 'Offer date',
    expires: 'Valid until',
    open: 'View and download the offer:',
    button: 'View offer',
    footer: 'This link opens only this offer. Do not forward this email unless you mean to share it.',
  },
} as const;

export function renderOfferMessage(input: OfferMessageInput): RenderedMessage {
  const words = WORDS[asLocale(input.locale)];
  const facts: [string, string][] = [
    [words.number, input.offerNumber],
    [words.amount, formatMoney(input.amountCents, input.locale)],
    [words.date, formatDate(input.issuedAt, input.locale)],
    [words.expires, formatDate(input.expiresAt, input.locale)],
  ];
  const subject = words.subject(input.businessName, input.offerNumber);
  const text = [
    words.greeting(input.customerName),
    '',
    words.intro(input.businessName),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    words.open,
    input.link,
    '',
    words.footer,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${asLocale(input.locale)}">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222;">
<p>${e(words.greeting(input.customerName))}</p>
<p>${e(words.intro(input.businessName))}</p>
<table role="presentation" cellpadding="4">
${facts.map(([label, value]) => `<tr><td>${e(label)}</td><td><strong>${e(value)}</strong></td></tr>`).join('\n')}
</table>
<p><a href="${e(input.link)}">${e(words.button)}</a></p>
<p style="font-size: small; color: #666;">${e(words.footer)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
