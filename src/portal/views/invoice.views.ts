import type { DocumentLineRow } from '../../invoices/document-lines.repository.js';
import { vatOfCents, type VatRate } from '../../invoices/invoice-lines.rules.js';
import type { InvoiceRow } from '../../invoices/invoice.repository.js';
import { toPlainDate } from '../../lib/time.js';
import { html, type SafeHtml } from '../../pages/html.js';
import { longDate, money, quantity, words, type Lang, type Words } from './i18n.js';
import { layout } from './layout.js';

/** Pages of a signed-in customer (and the one-invoice page behind an email link). */

export interface Viewer {
  lang: Lang;
  businessName: string;
  timeZone: string;
  customerName: string;
  /** Present when signed in (sign-out and ZIP forms); absent on an email link's page. */
  csrf?: string | undefined;
}

export type StatusFilter = 'all' | 'open' | 'paid';

function status(row: InvoiceRow, viewer: Viewer, w: Words): SafeHtml {
  return row.paid_at
    ? html`<span class="paid">${w.paidOn(longDate(toPlainDate(row.paid_at, viewer.timeZone), viewer.lang))}</span>`
    : html`<span class="open">${w.open}</span>`;
}

/** The layout's frame for a page of `viewer` in one section of the portal (the offers pages use it too). */
export function frame(viewer: Viewer, title: string, section: 'invoices' | 'offers' = 'invoices') {
  const w = words(viewer.lang);
  return {
    lang: viewer.lang,
    words: w,
    title,
    businessName: viewer.businessName,
    signedIn: viewer.csrf ? { customerName: viewer.customerName, csrf: viewer.csrf } : undefined,
    section,
  };
}

export interface ListInput {
  viewer: Viewer & { csrf: string };
  rows: InvoiceRow[];
  filter: StatusFilter;
  page: number;
  hasNext: boolean;
  zip: { from: string; to: string; error?: string | undefined };
}

const listHref = (filter: StatusFilter, page: number) => {
  const query = [filter === 'all' ? '' : `status=${filter}`, page > 1 ? `page=${page}` : ''].filter(Boolean).join('&');
  return `/portal/invoices${query ? `?${query}` : ''}`;
};

export function invoiceListPage(input: ListInput): string {
  const { viewer } = input;
  const w = words(viewer.lang);
  const filters: [StatusFilter, string][] = [['all', w.all], ['open', w.open], ['paid', w.paid]];
  const body = html`<h1>${w.invoices}</h1>
<nav aria-label="${w.filter}"><ul class="filters">
${filters.map(([value, label]) => html`<li><a href="${listHref(value, 1)}"${value === input.filter ? html` aria-current="page"` : ''}>${label}</a></li>`)}
</ul></nav>
${input.rows.length === 0
  ? html`<p>${w.none}</p>`
  : html`<table>
<caption class="skip">${w.invoices}</caption>
<thead><tr><th scope="col">${w.number}</th><th scope="col">${w.date}</th><th scope="col" class="amount">${w.amount}</th><th scope="col">${w.status}</th></tr></thead>
<tbody>
${input.rows.map(
  (row) => html`<tr>
<td data-label="${w.number}"><a href="/portal/invoices/${row.id}">${row.invoice_number}</a></td>
<td data-label="${w.date}">${longDate(row.issued_at, viewer.lang)}</td>
<td data-label="${w.amount}" class="amount">${money(row.amount_cents, viewer.lang)}</td>
<td data-label="${w.status}">${status(row, viewer, w)}</td>
</tr>
`,
)}</tbody>
</table>`}
${input.page > 1 || input.hasNext
  ? html`<nav class="pager" aria-label="${w.pageNav}">
${input.page > 1 ? html`<a href="${listHref(input.filter, input.page - 1)}" rel="prev">${w.newer}</a>` : html`<span></span>`}
${input.hasNext ? html`<a href="${listHref(input.filter, input.page + 1)}" rel="next">${w.older}</a>` : ''}
</nav>`
  : ''}
<section class="zip" aria-labelledby="zip-title">
<h2 id="zip-title">${w.zipTitle}</h2>
<p>${w.zipHelp}</p>
${input.zip.error ? html`<p class="open" role="alert">${input.zip.error}</p>` : ''}
<form method="post" action="/portal/invoices.zip">
<input type="hidden" name="csrf" value="${viewer.csrf}">
<div class="dates">
<div><label for="zip-from">${w.from}</label><input id="zip-from" name="from" type="date" required value="${input.zip.from}"></div>
<div><label for="zip-to">${w.to}</label><input id="zip-to" name="to" type="date" required value="${input.zip.to}"></div>
</div>
<p><button type="submit">${w.zipButton}</button></p>
</form>
</section>`;
  return layout(frame(viewer, w.invoices), body);
}

export interface InvoicePageInput {
  viewer: Viewer;
  row: InvoiceRow;
  /** A manual invoice's lines (we rendered it); none for an uploaded PDF. */
  lines: readonly DocumentLineRow[];
  /** `/portal/invoices/<id>/pdf` or `/portal/i/<token>/pdf`. */
  pdfPath: string;
  /** On an email link's page: where to sign in for the rest. */
  signInPath?: string | undefined;
}

/** A manual invoice's lines and its totals with the VAT per rate, as its PDF shows them. */
function linesSection(row: InvoiceRow, lines: readonly DocumentLineRow[], lang: Lang, w: Words): SafeHtml {
  const rates = [...new Set(lines.map((line) => line.vat_rate))].sort((a, b) => a - b);
  const groups = rates.map((rate) => {
    const base = lines.filter((line) => line.vat_rate === rate).reduce((sum, line) => sum + line.total_excl_vat_cents, 0);
    return { rate, base, vat: vatOfCents(base, rate as VatRate) };
  });
  return html`<section aria-labelledby="lines-title">
<h2 id="lines-title">${w.linesTitle}</h2>
<table class="lines">
<thead><tr><th scope="col">${w.description}</th><th scope="col" class="amount">${w.quantity}</th><th scope="col" class="amount">${w.unitPrice}</th><th scope="col" class="amount">${w.vatRate}</th><th scope="col" class="amount">${w.lineTotal}</th></tr></thead>
<tbody>
${lines.map(
  (line) => html`<tr>
<td data-label="${w.description}">${line.description}</td>
<td data-label="${w.quantity}" class="amount">${quantity(line.quantity_hundredths, lang)}</td>
<td data-label="${w.unitPrice}" class="amount">${money(line.unit_price_cents, lang)}</td>
<td data-label="${w.vatRate}" class="amount">${line.vat_rate}%</td>
<td data-label="${w.lineTotal}" class="amount">${money(line.total_excl_vat_cents, lang)}</td>
</tr>
`,
)}</tbody>
</table>
<dl class="facts totals">
<dt>${w.subtotal}</dt><dd>${money(row.subtotal_cents ?? 0, lang)}</dd>
${groups.map((g) => html`<dt>${w.vatOver(g.rate, money(g.base, lang))}</dt><dd>${money(g.vat, lang)}</dd>
`)}<dt>${w.totalInclVat}</dt><dd><strong>${money(row.amount_cents, lang)}</strong></dd>
</dl>
</section>`;
}

export function invoicePage(input: InvoicePageInput): string {
  const { viewer, row } = input;
  const w = words(viewer.lang);
  const manual = input.lines.length > 0;
  const title = manual && row.amount_cents < 0 ? w.creditNote : w.invoice;
  const body = html`${viewer.csrf ? html`<p><a href="/portal/invoices">${w.back}</a></p>` : ''}
<h1>${title} ${row.invoice_number}</h1>
<dl class="facts">
<dt>${w.number}</dt><dd>${row.invoice_number}</dd>
<dt>${w.date}</dt><dd>${longDate(row.issued_at, viewer.lang)}</dd>
${row.delivered_at ? html`<dt>${w.deliveryDate}</dt><dd>${longDate(row.delivered_at, viewer.lang)}</dd>
` : ''}${row.due_at ? html`<dt>${w.dueDate}</dt><dd>${longDate(row.due_at, viewer.lang)}</dd>
` : ''}${row.reference ? html`<dt>${w.reference}</dt><dd>${row.reference}</dd>
` : ''}<dt>${w.amount}</dt><dd>${money(row.amount_cents, viewer.lang)}</dd>
<dt>${w.status}</dt><dd>${status(row, viewer, w)}</dd>
</dl>
${manual ? linesSection(row, input.lines, viewer.lang, w) : ''}
<p><a class="button" href="${input.pdfPath}?download=1" download>${w.download}</a></p>
<iframe class="pdf" src="${input.pdfPath}" title="${w.pdfTitle(row.invoice_number)}"></iframe>
<p><a href="${input.pdfPath}?download=1">${w.pdfFallback}</a></p>
${input.signInPath ? html`<p class="notice"><a href="${input.signInPath}">${w.signInForAll}</a></p>` : ''}`;
  return layout(frame(viewer, `${w.invoice} ${row.invoice_number}`), body);
}
