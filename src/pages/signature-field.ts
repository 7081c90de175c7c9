import { assetUrl } from './assets.js';
import { html, type SafeHtml } from './html.js';
import type { Lang } from './lang.js';
import { SIGNATURE_FIELDS, type SignatureProblem } from './signature.rules.js';

/**
 * The one signature field (offers now, agreements later), to put inside a page's `<form method="post">`. It posts
 * `signature` (PNG data URL of the drawing, or empty) and `signatureName` (the typed name); the route hands both to
 * `checkSignature` (signature.rules.ts). The drawing area needs the scripts it links (served by assets.ts); without
 * them it stays hidden and typing the name is the way to sign. The page's stylesheet includes SIGNATURE_FIELD_STYLES.
 */

const WORDS = {
  nl: {
    legend: 'Uw handtekening',
    help: 'Teken uw handtekening in het vak met de muis, uw vinger of een pen. Of typ hieronder uw volledige naam.',
    canvas: 'Tekenvlak voor uw handtekening',
    clear: 'Handtekening wissen',
    drawn: 'Handtekening getekend.',
    empty: 'Nog geen handtekening getekend.',
    typed: 'Of typ uw volledige naam',
    typedHelp: 'Getypt in plaats van getekend geldt uw naam als handtekening.',
    problems: {
      missing: 'Teken uw handtekening of typ uw volledige naam.',
      'not-data-url': 'De handtekening kwam niet goed door. Wis haar en teken opnieuw.',
      'too-large': 'De handtekening is te groot. Wis haar en teken opnieuw.',
      'not-png': 'De handtekening kwam niet goed door. Wis haar en teken opnieuw.',
      dimensions: 'Het tekenvlak had een onverwachte grootte. Wis de handtekening en teken opnieuw.',
      blank: 'De handtekening is leeg. Teken haar, of typ uw volledige naam.',
      'name-too-short': 'Typ uw volledige naam (ten minste 2 letters).',
      'name-too-long': 'Uw naam mag ten hoogste 100 tekens lang zijn.',
      'name-invalid': 'Typ uw naam in letters.',
    } satisfies Record<SignatureProblem, string>,
  },
  en: {
    legend: 'Your signature',
    help: 'Draw your signature in the box with a mouse, your finger or a pen. Or type your full name below.',
    canvas: 'Drawing area for your signature',
    clear: 'Clear signature',
    drawn: 'Signature drawn.',
    empty: 'No signature drawn yet.',
    typed: 'Or type your full name',
    typedHelp: 'Typed instead of drawn, your name counts as your signature.',
    problems: {
      missing: 'Draw your signature or type your full name.',
      'not-data-url': 'The signature did not come through. Clear it and draw again.',
      'too-large': 'The signature is too large. Clear it and draw again.',
      'not-png': 'The signature did not come through. Clear it and draw again.',
      dimensions: 'The drawing area had an unexpected size. Clear the signature and draw again.',
      blank: 'The signature is empty. Draw it, or type your full name.',
      'name-too-short': 'Type your full name (at least 2 letters).',
      'name-too-long': 'Your name must be at most 100 characters.',
      'name-invalid': 'Type your name in letters.',
    } satisfies Record<SignatureProblem, string>,
  },
};

export function signatureProblemText(problem: SignatureProblem, lang: Lang): string {
  return WORDS[lang].problems[problem];
}

export interface SignatureFieldInput {
  lang: Lang;
  /** Prefix of the element ids, for a page with more than one field. */
  id?: string | undefined;
  /** The typed name to show again after a refused submit. */
  typedName?: string | undefined;
  /** The refusal of the previous submit (checkSignature's `field` and `problem`). */
  error?: { field: string; problem: SignatureProblem } | undefined;
}

export function signatureField(input: SignatureFieldInput): SafeHtml {
  const w = WORDS[input.lang];
  const id = input.id ?? 'signature';
  const error = input.error ? signatureProblemText(input.error.problem, input.lang) : null;
  const typedInvalid = input.error?.field === SIGNATURE_FIELDS.typed;
  const describedBy = [`${id}-typed-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset class="signature" data-signature-field${error ? html` aria-describedby="${id}-error"` : ''}>
<legend>${w.legend}</legend>
<p id="${id}-help">${w.help}</p>
${error ? html`<p id="${id}-error" class="signature-error" role="alert">${error}</p>` : ''}
<div class="signature-draw" data-signature-draw hidden>
<canvas class="signature-canvas" data-signature-canvas role="img" aria-label="${w.canvas}" aria-describedby="${id}-help"></canvas>
<div class="signature-actions">
<button type="button" class="secondary" data-signature-clear>${w.clear}</button>
<p class="signature-status" data-signature-status data-drawn="${w.drawn}" data-empty="${w.empty}" role="status">${w.empty}</p>
</div>
</div>
<input type="hidden" name="${SIGNATURE_FIELDS.drawn}" value="" data-signature-output>
<label for="${id}-typed">${w.typed}</label>
<input id="${id}-typed" name="${SIGNATURE_FIELDS.typed}" type="text" autocomplete="name" maxlength="100" value="${input.typedName ?? ''}" aria-describedby="${describedBy}"${typedInvalid ? html` aria-invalid="true"` : ''}>
<p id="${id}-typed-help" class="signature-hint">${w.typedHelp}</p>
<script src="${assetUrl('signature_pad.umd.min.js')}" defer></script>
<script src="${assetUrl('signature-field.js')}" defer></script>
</fieldset>`;
}

/** The field's part of a page's stylesheet; colours as the portal's (contrast ≥ 4.5:1 on white). */
export const SIGNATURE_FIELD_STYLES = `.signature{border:1px solid #d1d5db;border-radius:.375rem;padding:.75rem 1rem 1rem;margin:1rem 0;min-width:0}
.signature legend{font-weight:700;padding:0 .25rem}
.signature-draw[hidden]{display:none}
.signature-canvas{display:block;width:100%;height:12rem;border:1px solid #6b7280;border-radius:.375rem;background:#fff;touch-action:none;cursor:crosshair}
.signature-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
.signature-actions p{margin:0}
.signature button.secondary{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8}
.signature input[type=text]{font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:.375rem;width:100%;max-width:22rem}
.signature-hint{color:#374151;font-size:.9rem;margin:.25rem 0 0}
.signature-error{color:#9a3412;font-weight:600}
`;
