import type { OfferRow } from '../../offers/offer.repository.js';
import type { OfferStatus } from '../../offers/offer.rules.js';
import { toPlainDate } from '../../lib/time.js';
import { html, type SafeHtml } from '../../pages/html.js';
import { longDate, money, words, type Lang } from './i18n.js';
import { layout } from './layout.js';

/** The one-offer page behind an offer email's link (signing it comes later, on this page). */

const OFFER_WORDS = {
  nl: {
    offer: 'Offerte',
    number: 'Offertenummer',
    date: 'Offertedatum',
    expires: 'Geldig tot en met',
    amount: 'Bedrag',
    status: 'Status',
    open: 'Openstaand',
    expired: 'Verlopen',
    acceptedOn: (date: string) => `Geaccepteerd op ${date}`,
    rejectedOn: (date: string) => `Afgewezen op ${date}`,
    pdfTitle: (n: string) => `PDF van offerte ${n}`,
  },
  en: {
    offer: 'Offer',
    number: 'Offer number',
    date: 'Offer date',
    expires: 'Valid until',
    amount: 'Amount',
    status: 'Status',
    open: 'Open',
    expired: 'Expired',
    acceptedOn: (date: string) => `Accepted on ${date}`,
    rejectedOn: (date: string) => `Rejected on ${date}`,
    pdfTitle: (n: string) => `PDF of offer ${n}`,
  },
} as const;

export interface OfferPageInput {
  viewer: { lang: Lang; businessName: string; timeZone: string };
  row: OfferRow;
  status: OfferStatus;
  /** `/portal/o/<token>/pdf`. */
  pdfPath: string;
}

function statusOf(input: OfferPageInput): SafeHtml {
  const { row, viewer } = input;
  const w = OFFER_WORDS[viewer.lang];
  const day = (instant: string) => longDate(toPlainDate(instant, viewer.timeZone), viewer.lang);
  switch (input.status) {
    case 'accepted':
      return html`<span class="paid">${w.acceptedOn(day(row.accepted_at ?? ''))}</span>`;
    case 'rejected':
      return html`<span>${w.rejectedOn(day(row.rejected_at ?? ''))}</span>`;
    case 'expired':
      return html`<span>${w.expired}</span>`;
    default:
      return html`<span class="open">${w.open}</span>`;
  }
}

export function offerPage(input: OfferPageInput): string {
  const { viewer, row } = input;
  const w = OFFER_WORDS[viewer.lang];
  const common = words(viewer.lang);
  const title = `${w.offer} ${row.offer_number}`;
  const body = html`<h1>${title}</h1>
<dl class="facts">
<dt>${w.number}</dt><dd>${row.offer_number}</dd>
<dt>${w.date}</dt><dd>${longDate(row.issued_at, viewer.lang)}</dd>
<dt>${w.expires}</dt><dd>${longDate(row.expires_at, viewer.lang)}</dd>
<dt>${w.amount}</dt><dd>${money(row.amount_cents, viewer.lang)}</dd>
<dt>${w.status}</dt><dd>${statusOf(input)}</dd>
</dl>
<p><a class="button" href="${input.pdfPath}?download=1" download>${common.download}</a></p>
<iframe class="pdf" src="${input.pdfPath}" title="${w.pdfTitle(row.offer_number)}"></iframe>
<p><a href="${input.pdfPath}?download=1">${common.pdfFallback}</a></p>`;
  return layout({ lang: viewer.lang, words: common, title, businessName: viewer.businessName }, body);
}
