import type { OfferRow } from '../../offers/offer.repository.js';
import type { OfferStatus } from '../../offers/offer.rules.js';
import { html } from '../../pages/html.js';
import { longDate, money, words } from './i18n.js';
import { frame, type Viewer } from './invoice.views.js';
import { layout } from './layout.js';
import { offerStatusText } from './offer.views.js';
import { offerWords } from './offer-words.js';

/** The signed-in customer's offers of this business, newest first, filtered by status. */

export type OfferFilter = 'all' | OfferStatus;
export const OFFER_FILTERS: readonly OfferFilter[] = ['all', 'open', 'accepted', 'rejected', 'expired'];

export interface OfferListInput {
  viewer: Viewer & { csrf: string };
  rows: { row: OfferRow; status: OfferStatus }[];
  filter: OfferFilter;
  page: number;
  hasNext: boolean;
}

const listHref = (filter: OfferFilter, page: number) => {
  const query = [filter === 'all' ? '' : `status=${filter}`, page > 1 ? `page=${page}` : ''].filter(Boolean).join('&');
  return `/portal/offers${query ? `?${query}` : ''}`;
};

export function offerListPage(input: OfferListInput): string {
  const { viewer } = input;
  const w = offerWords(viewer.lang);
  const common = words(viewer.lang);
  const label = (filter: OfferFilter) => (filter === 'all' ? w.all : w[filter]);
  const body = html`<h1>${w.offers}</h1>
<nav aria-label="${common.filter}"><ul class="filters">
${OFFER_FILTERS.map((value) => html`<li><a href="${listHref(value, 1)}"${value === input.filter ? html` aria-current="page"` : ''}>${label(value)}</a></li>`)}
</ul></nav>
${input.rows.length === 0
  ? html`<p>${w.none}</p>`
  : html`<table>
<caption class="skip">${w.offers}</caption>
<thead><tr><th scope="col">${w.number}</th><th scope="col">${w.date}</th><th scope="col">${w.expires}</th><th scope="col" class="amount">${w.amount}</th><th scope="col">${w.status}</th></tr></thead>
<tbody>
${input.rows.map(
  ({ row, status }) => html`<tr>
<td data-label="${w.number}"><a href="/portal/offers/${row.id}">${row.offer_number}</a></td>
<td data-label="${w.date}">${longDate(row.issued_at, viewer.lang)}</td>
<td data-label="${w.expires}">${longDate(row.expires_at, viewer.lang)}</td>
<td data-label="${w.amount}" class="amount">${money(row.amount_cents, viewer.lang)}</td>
<td data-label="${w.status}">${offerStatusText(row, status, viewer, w)}</td>
</tr>
`,
)}</tbody>
</table>`}
${input.page > 1 || input.hasNext
  ? html`<nav class="pager" aria-label="${common.pageNav}">
${input.page > 1 ? html`<a href="${listHref(input.filter, input.page - 1)}" rel="prev">${w.newer}</a>` : html`<span></span>`}
${input.hasNext ? html`<a href="${listHref(input.filter, input.page + 1)}" rel="next">${w.older}</a>` : ''}
</nav>`
  : ''}`;
  return layout(frame(viewer, w.offers, 'offers'), body);
}
