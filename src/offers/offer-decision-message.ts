import { asLocale, escapeHtml, formatDate, formatMoney } from '../lib/format.js';
import { toAtom } from '../lib/time.js';
import type { RenderedMessage } from '../mail/mail-transport.js';

/** The email to the business about its customer's decision on an offer. */
export interface OfferDecisionMessageInput {
  locale: string;
  businessName: string;
  customerName: string;
  customerEmail: string;
  offerNumber: string;
  amountCents: number;
  decision:
    | { kind: 'accepted'; at: string; signatureType: 'drawn' | 'typed' | null; name: string | null; ip: string | null }
    | { kind: 'rejected'; at: string; reason: string | null };
  timeZone: string;
}

const WORDS = {
  nl: {
    subject: (verb: string, number: string, customer: string) => `Offerte ${number} ${verb} door ${customer}`,
    accepted: 'geaccepteerd',
    rejected: 'afgewezen',
    intro: (customer: string, number: string, verb: string) => `${customer} heeft uw offerte ${number} ${verb} in het klantportaal.`,
    number: 'Offertenummer',
    amount: 'Bedrag',
    customer: 'Klant',
    when: 'Wanneer',
    at: (date: string, time: string) => `${date} om ${time}`,
    signed: 'Ondertekend',
    drawn: 'met een getekende handtekening',
    typed: 'met de getypte naam',
    name: 'Naam',
    ip: 'IP-adres',
    reason: 'Reden',
    noReason: 'geen reden opgegeven',
    footer: 'De handtekening, het IP-adres en de browser staan bij de offerte in de API (GET /v1/customer-offers/…).',
  },
  en: {
    subject: (verb: string, number: string, customer: string) => `Offer ${number} ${verb} by ${customer}`,
    accepted: 'accepted',
    rejected: 'rejected',
    intro: (customer: string, number: string, verb: string) => `${customer} has ${verb} your offer ${number} in the customer portal.`,
    number: 'Offer number',
    amount: 'Amount',
    customer: 'Customer',
    when: 'When',
    at: (date: string, time: string) => `${date} at ${time}`,
    signed: 'Signed',
    drawn: 'with a drawn signature',
    typed: 'with the typed name',
    name: 'Name',
    ip: 'IP address',
    reason: 'Reason',
    noReason: 'no reason given',
    footer: 'The signature, IP address and browser are kept with the offer in the API (GET /v1/customer-offers/…).',
  },
} as const;

export function renderOfferDecisionMessage(input: OfferDecisionMessageInput): RenderedMessage {
  const locale = asLocale(input.locale);
  const w = WORDS[locale];
  const { decision } = input;
  const verb = decision.kind === 'accepted' ? w.accepted : w.rejected;
  const atom = toAtom(decision.at, input.timeZone);
  const facts: [string, string][] = [
    [w.number, input.offerNumber],
    [w.amount, formatMoney(input.amountCents, locale)],
    [w.customer, `${input.customerName} <${input.customerEmail}>`],
    [w.when, w.at(formatDate(atom.slice(0, 10), locale), atom.slice(11, 16))],
  ];
  if (decision.kind === 'accepted') {
    if (decision.signatureType) facts.push([w.signed, decision.signatureType === 'drawn' ? w.drawn : w.typed]);
    if (decision.name) facts.push([w.name, decision.name]);
    if (decision.ip) facts.push([w.ip, decision.ip]);
  } else {
    facts.push([w.reason, decision.reason ?? w.noReason]);
  }
  const subject = w.subject(verb, input.offerNumber, input.customerName);
  const intro = w.intro(input.customerName, input.offerNumber, verb);
  const text = [intro, '', ...facts.map(([label, value]) => `${label}: ${value}`), '', w.footer, ''].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222;">
<p>${e(intro)}</p>
<table role="presentation" cellpadding="4">
${facts.map(([label, value]) => `<tr><td>${e(label)}</td><td><strong>${e(value)}</strong></td></tr>`).join('\n')}
</table>
<p style="font-size: small; color: #666;">${e(w.footer)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
