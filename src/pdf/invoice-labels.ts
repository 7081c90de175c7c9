import { asLocale, formatDate, formatMoney, formatQuantity, INTL_LOCALE, type Locale } from '../lib/format.js';

/** The words of an invoice, credit note or offer in Dutch and English, and how they write numbers. */

export interface Labels {
  invoice: string;
  creditNote: string;
  offer: string;
  number: { invoice: string; 'credit-note': string; offer: string };
  issueDate: { invoice: string; 'credit-note': string; offer: string };
  deliveryDate: string;
  dueDate: string;
  expiryDate: string;
  paymentReference: string;
  creditsInvoice: (number: string) => string;
  kvk: string;
  vatNumber: string;
  iban: string;
  bic: string;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  lineTotal: string;
  subtotal: string;
  vatOver: (rate: string, base: string) => string;
  total: string;
  payBefore: (amount: string, date: string | null, iban: string, name: string, reference: string) => string;
  settled: (amount: string) => string;
  paidOn: (date: string) => string;
  offerValid: (date: string) => string;
  scanToPay: string;
  page: (page: number, of: number) => string;
}

const NL: Labels = {
  invoice: 'Factuur',
  creditNote: 'Creditfactuur',
  offer: 'Offerte',
  number: { invoice: 'Factuurnummer', 'credit-note': 'Creditfactuurnummer', offer: 'Offertenummer' },
  issueDate: { invoice: 'Factuurdatum', 'credit-note': 'Datum', offer: 'Offertedatum' },
  deliveryDate: 'Leveringsdatum',
  dueDate: 'Vervaldatum',
  expiryDate: 'Geldig tot',
  paymentReference: 'Betalingskenmerk',
  creditsInvoice: (number) => `Creditering van factuur ${number}`,
  kvk: 'KvK',
  vatNumber: 'Btw-id',
  iban: 'IBAN',
  bic: 'BIC',
  description: 'Omschrijving',
  quantity: 'Aantal',
  unitPrice: 'Prijs excl. btw',
  vatRate: 'Btw',
  lineTotal: 'Totaal excl. btw',
  subtotal: 'Totaal excl. btw',
  vatOver: (rate, base) => `Btw ${rate} over ${base}`,
  total: 'Totaal incl. btw',
  payBefore: (amount, date, iban, name, reference) =>
    `Graag ${amount} overmaken${date ? ` vóór ${date}` : ''} op ${iban} ten name van ${name}, onder vermelding van ${reference}.`,
  settled: (amount) => `Het bedrag van ${amount} wordt met u verrekend.`,
  paidOn: (date) => `Betaald op ${date}. Dank u wel.`,
  offerValid: (date) => `Deze offerte is geldig tot en met ${date}.`,
  scanToPay: 'Scan en betaal',
  page: (page, of) => `Pagina ${page} van ${of}`,
};

const EN: Labels = {
  invoice: 'Invoice',
  creditNote: 'Credit note',
  offer: 'Quote',
  number: { invoice: 'Invoice number', 'credit-note': 'Credit note number', offer: 'Quote number' },
  issueDate: { invoice: 'Invoice date', 'credit-note': 'Date', offer: 'Quote date' },
  deliveryDate: 'Delivery date',
  dueDate: 'Due date',
  expiryDate: 'Valid until',
  paymentReference: 'Payment reference',
  creditsInvoice: (number) => `Credits invoice ${number}`,
  kvk: 'Chamber of Commerce (KvK)',
  vatNumber: 'VAT number',
  iban: 'IBAN',
  bic: 'BIC',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price excl. VAT',
  vatRate: 'VAT',
  lineTotal: 'Total excl. VAT',
  subtotal: 'Total excl. VAT',
  vatOver: (rate, base) => `VAT ${rate} on ${base}`,
  total: 'Total incl. VAT',
  payBefore: (amount, date, iban, name, reference) =>
    `Please transfer ${amount}${date ? ` by ${date}` : ''} to ${iban} in the name of ${name}, quoting ${reference}.`,
  settled: (amount) => `The amount of ${amount} will be settled with you.`,
  paidOn: (date) => `Paid on ${date}. Thank you.`,
  offerValid: (date) => `This quote is valid until ${date} inclusive.`,
  scanToPay: 'Scan to pay',
  page: (page, of) => `Page ${page} of ${of}`,
};

/** The labels and number writers of one language. */
export function wordsFor(locale: string): Words {
  return WORDS[asLocale(locale)];
}

function makeWords(lang: Locale) {
  const regions = new Intl.DisplayNames([INTL_LOCALE[lang]], { type: 'region' });
  return {
    labels: lang === 'nl' ? NL : EN,
    money: (cents: number) => formatMoney(cents, lang),
    date: (isoDate: string) => formatDate(isoDate, lang),
    /** Hundredths through their exact decimal text: `1,5` / `1.5`. */
    quantity: (hundredths: number) => formatQuantity(hundredths, lang),
    rate: (rate: number) => `${rate}%`,
    country: (code: string) => {
      try {
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export type Words = ReturnType<typeof makeWords>;

// One set per language, made once: the Intl formatters inside are costly to build and never change.
const WORDS: Record<Locale, Words> = { nl: makeWords('nl'), en: makeWords('en') };
