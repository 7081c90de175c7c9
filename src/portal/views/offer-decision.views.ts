import type { OfferRow } from '../../offers/offer.repository.js';
import { MAX_REJECTION_REASON_LENGTH } from '../../offers/offer.rules.js';
import { html, type SafeHtml } from '../../pages/html.js';
import type { Lang } from '../../pages/lang.js';
import { signatureField } from '../../pages/signature-field.js';
import type { SignatureProblem } from '../../pages/signature.rules.js';
import { money } from './i18n.js';
import { offerWords } from './offer-words.js';

export interface DecisionFormsInput {
  lang: Lang;
  row: OfferRow;
  businessName: string;
  /** `/portal/offers/<id>` or `/portal/o/<token>`: the forms post to `<action>/accept` and `<action>/reject`. */
  action: string;
  /** The session's CSRF token (signed in) or the signed double-submit cookie's (an email link). */
  csrf: string;
  /** After a refused submit: what was typed and what was wrong. */
  typedName?: string | undefined;
  signatureError?: { field: string; problem: SignatureProblem } | undefined;
  reason?: string | undefined;
  reasonError?: 'too-long' | 'invalid' | undefined;
}

/** Accept by signing (the shared signature field), or reject with an optional reason: two forms, one per choice. */
export function decisionForms(input: DecisionFormsInput): SafeHtml {
  const w = offerWords(input.lang);
  const reasonError = input.reasonError === 'too-long' ? w.reasonTooLong : input.reasonError === 'invalid' ? w.reasonInvalid : null;
  return html`<section class="decide" aria-labelledby="decide-title">
<h2 id="decide-title">${w.decideTitle}</h2>
<form method="post" action="${input.action}/accept" aria-labelledby="accept-title">
<h3 id="accept-title">${w.acceptTitle}</h3>
<p>${w.acceptHelp(input.businessName, input.row.offer_number, money(input.row.amount_cents, input.lang))}</p>
<input type="hidden" name="csrf" value="${input.csrf}">
${signatureField({ lang: input.lang, typedName: input.typedName, error: input.signatureError })}
<p><button type="submit">${w.acceptButton}</button></p>
</form>
<form method="post" action="${input.action}/reject" aria-labelledby="reject-title">
<h3 id="reject-title">${w.rejectTitle}</h3>
<input type="hidden" name="csrf" value="${input.csrf}">
<label for="reject-reason">${w.reason}</label>
${reasonError ? html`<p id="reject-reason-error" class="error" role="alert">${reasonError}</p>` : ''}
<textarea id="reject-reason" name="reason" maxlength="${MAX_REJECTION_REASON_LENGTH}" aria-describedby="reject-reason-help${reasonError ? ' reject-reason-error' : ''}"${reasonError ? html` aria-invalid="true"` : ''}>${input.reason ?? ''}</textarea>
<p id="reject-reason-help" class="signature-hint">${w.reasonHelp(input.businessName)}</p>
<p><button type="submit" class="reject">${w.rejectButton}</button></p>
</form>
</section>`;
}
