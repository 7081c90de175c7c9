import type { DocumentLineRow } from '../../invoices/document-lines.repository.js';
import { toPlainDate } from '../../lib/time.js';
import type { OfferRow } from '../../offers/offer.repository.js';
import type { OfferStatus } from '../../offers/offer.rules.js';
import { html, type SafeHtml } from '../../pages/html.js';
import { longDate, money, quantity, words } from './i18n.js';
import { frame, type Viewer } from './invoice.views.js';
import { layout } from './layout.js';
import { decisionForms, type DecisionFormsInput } from './offer-decision.views.js';
import { offerWords, type OfferWords } from './offer-words.js';

/** The one-offer page: signed in (/portal/offers/<id>) or behind an offer email's link (/portal/o/<token>). */

/** What the page says above everything after a decision was tried (PRG after success; 409 when refused). */
export type OfferNotice = 'accepted' | 'rejected' | 'already-decided' | 'expired';

export interface OfferPageInput {
  viewer: Viewer;
  row: OfferRow;
  status: OfferStatus;
  /** `/portal/offers/<id>/pdf` or `/portal/o/<token>/pdf`. */
  pdfPath: string;
  /** The accept and reject forms; shown while the offer is open. */
  decide?: Omit<DecisionFormsInput, 'lang' | 'row' | 'businessName'> | undefined;
  notice?: OfferNotice | undefined;
  /** A manual offer's lines; none for an uploaded offer (its PDF shows them). */
  lines?: readonly DocumentLineRow[] | undefined;
  /** On an email link's page: where to sign in for the rest. */
  signInPath?: string | undefined;
}

const day = (instant: string, viewer: Viewer) => longDate(toPlainDate(instant, viewer.timeZone), viewer.lang);

export function offerStatusText(row: OfferRow, status: OfferStatus, viewer: Viewer, w: OfferWords): SafeHtml {
  switch (status) {
    case 'accepted':
      return html`<span class="paid">${w.acceptedOn(day(row.accepted_at ?? '', viewer))}</span>`;
    case 'rejected':
      return html`<span>${w.rejectedOn(day(row.rejected_at ?? '', viewer))}</span>`;
    case 'expired':
      return html`<span>${w.expired}</span>`;
    default:
      return html`<span class="open">${w.open}</span>`;
  }
}

function noticeText(input: OfferPageInput, w: OfferWords): string {
  const { row, viewer } = input;
  switch (input.notice) {
    case 'accepted':
      return w.doneAccepted;
    case 'rejected':
      return w.doneRejected;
    case 'already-decided':
      return row.accepted_at !== null ? w.alreadyAccepted(day(row.accepted_at, viewer)) : w.alreadyRejected(day(row.rejected_at ?? '', viewer));
    case 'expired':
      return w.tooLate(longDate(row.expires_at, viewer.lang));
    default:
      return '';
  }
}

/** How it was decided, under the facts. */
function decisionFacts(row: OfferRow, w: OfferWords): SafeHtml {
  if (row.acceptance_signature_type === 'drawn') return html`<p>${w.signedDrawn(row.accepted_by_name)}</p>`;
  if (row.acceptance_signature_type === 'typed') return html`<p>${w.signedTyped(row.accepted_by_name ?? '')}</p>`;
  if (row.rejected_at !== null && row.rejection_reason) return html`<p>${w.reasonGiven}: ${row.rejection_reason}</p>`;
  return html``;
}

/** The lines of a manual offer; nothing for an uploaded one. */
export function offerLinesSection(lines: readonly DocumentLineRow[] | undefined, viewer: Viewer): SafeHtml {
  if (!lines || lines.length === 0) return html``;
  const w = offerWords(viewer.lang);
  return html`<table class="lines">
<caption>${w.lines}</caption>
<thead><tr><th scope="col">${w.description}</th><th scope="col" class="num">${w.quantity}</th><th scope="col" class="num">${w.unitPrice}</th><th scope="col" class="num">${w.vatRate}</th><th scope="col" class="num">${w.lineTotal}</th></tr></thead>
<tbody>
${lines.map(
  (line) => html`<tr>
<td data-label="${w.description}">${line.description}</td>
<td data-label="${w.quantity}" class="num">${quantity(line.quantity_hundredths, viewer.lang)}</td>
<td data-label="${w.unitPrice}" class="num">${money(line.unit_price_cents, viewer.lang)}</td>
<td data-label="${w.vatRate}" class="num">${line.vat_rate}%</td>
<td data-label="${w.lineTotal}" class="num">${money(line.total_excl_vat_cents, viewer.lang)}</td>
</tr>
`,
)}</tbody>
</table>`;
}

export function offerPage(input: OfferPageInput): string {
  const { viewer, row } = input;
  const w = offerWords(viewer.lang);
  const common = words(viewer.lang);
  const title = `${w.offer} ${row.offer_number}`;
  const notice = noticeText(input, w);
  const refused = input.notice === 'already-decided' || input.notice === 'expired';
  const body = html`${viewer.csrf ? html`<p><a href="/portal/offers">${w.back}</a></p>` : ''}
<h1>${title}</h1>
${notice ? html`<p class="notice" role="${refused ? 'alert' : 'status'}">${notice}</p>` : ''}
<dl class="facts">
<dt>${w.number}</dt><dd>${row.offer_number}</dd>
<dt>${w.date}</dt><dd>${longDate(row.issued_at, viewer.lang)}</dd>
<dt>${w.expires}</dt><dd>${longDate(row.expires_at, viewer.lang)}</dd>
<dt>${w.amount}</dt><dd>${money(row.amount_cents, viewer.lang)}</dd>
<dt>${w.status}</dt><dd>${offerStatusText(row, input.status, viewer, w)}</dd>
</dl>
${decisionFacts(row, w)}
${offerLinesSection(input.lines, viewer)}
<p><a class="button" href="${input.pdfPath}?download=1" download>${common.download}</a></p>
<iframe class="pdf" src="${input.pdfPath}" title="${w.pdfTitle(row.offer_number)}"></iframe>
<p><a href="${input.pdfPath}?download=1">${common.pdfFallback}</a></p>
${input.status === 'open' && input.decide ? decisionForms({ ...input.decide, lang: viewer.lang, row, businessName: viewer.businessName }) : ''}
${input.signInPath ? html`<p class="notice"><a href="${input.signInPath}">${w.signInForAll}</a></p>` : ''}`;
  return layout(frame(viewer, title, 'offers'), body);
}
