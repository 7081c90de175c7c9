import { asLocale, escapeHtml, formatDate, formatMoney } from '../lib/format.js';
import type { RenderedMessage } from '../mail/mail-transport.js';

/** Everything an invoice notification says; rendered in the customer's language. */
export interface InvoiceMessageInput {
  locale: string;
  businessName: string;
  customerName: string;
  invoiceNumber: string;
  amountCents: number;
  /** `YYYY-MM-DD`. */
  issuedAt: string;
  paid: boolean;
  link: string;
}

const WORDS = {
  nl: {
    subject: (business: string, number: string) => `Nieuwe factuur ${number} van ${business}`,
    greeting: (name: string) => `Beste ${name},`,
    intro: (business: string) => `${business} heeft een nieuwe factuur voor u klaargezet.`,
    number: 'Factuurnummer',
    amount: 'Bedrag',
    date: 'Factuurdatum',
    paid: 'Deze factuur is al betaald.',
    open: 'Bekijk en download de factuur:',
    button: 'Factuur bekijken',
    footer: 'Deze link opent alleen deze factuur. Stuur deze e-mail niet door als u dat niet wilt delen.',
  },
  en: {
    subject: (business: string, number: string) => `New invoice ${number} from ${business}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (business: string) => `${business} has a new invoice ready for you.`,
    number: 'Invoice number',
    amount: 'Amount',
    date: 'Invoice date',
    paid: 'This invoice has already been paid.',
    open: 'View and download the invoice:',
    button: 'View invoice',
    footer: 'This link opens only this invoice. Do not forward this email unless you mean to share it.',
  },
} as const;

export function renderInvoiceMessage(input: InvoiceMessageInput): RenderedMessage {
  const words = WORDS[asLocale(input.locale)];
  const amount = formatMoney(input.amountCents, input.locale);
  const date = formatDate(input.issuedAt, input.locale);
  const facts: [string, string][] = [
    [words.number, input.invoiceNumber],
    [words.amount, amount],
    [words.date, date],
  ];
  const text = [
    words.greeting(input.customerName),
    '',
    words.intro(input.businessName),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(input.paid ? ['', words.paid] : []),
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
<head><meta charset="utf-8"><title>${e(words.subject(input.businessName, input.invoiceNumber))}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222;">
<p>${e(words.greeting(input.customerName))}</p>
<p>${e(words.intro(input.businessName))}</p>
<table role="presentation" cellpadding="4">
${facts.map(([label, value]) => `<tr><td>${e(label)}</td><td><strong>${e(value)}</strong></td></tr>`).join('\n')}
</table>
${input.paid ? `<p>${e(words.paid)}</p>\n` : ''}<p><a href="${e(input.link)}">${e(words.button)}</a></p>
<p style="font-size: small; color: #666;">${e(words.footer)}</p>
</body>
</html>
`;
  return { subject: words.subject(input.businessName, input.invoiceNumber), text, html };
}
