import { html } from '../../pages/html.js';
import { words, type Lang } from './i18n.js';
import { layout } from './layout.js';

/** Pages before a session: ask for a link, "check your email", the link's button, and plain messages. */

export interface SignInForm {
  lang: Lang;
  businessName: string;
  accountId: string;
  csrf: string;
  /** signed-out / expired notice above the form. */
  notice?: 'signed-out' | 'expired' | undefined;
  error?: string | undefined;
  email?: string | undefined;
}

function emailForm(input: SignInForm) {
  const w = words(input.lang);
  return html`<form method="post" action="/portal/sign-in/${input.accountId}" novalidate>
<input type="hidden" name="csrf" value="${input.csrf}">
<label for="email">${w.email}</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${input.email ?? ''}"${input.error ? html` aria-invalid="true" aria-describedby="email-error"` : ''}>
${input.error ? html`<p id="email-error" class="open" role="alert">${input.error}</p>` : ''}
<p><button type="submit">${w.sendLink}</button></p>
</form>`;
}

export function signInPage(input: SignInForm): string {
  const w = words(input.lang);
  const notice = input.notice === 'signed-out' ? w.signedOut : input.notice === 'expired' ? w.expired : null;
  return layout(
    { lang: input.lang, words: w, title: w.signIn, businessName: input.businessName },
    html`<h1>${w.signInTitle(input.businessName)}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p>${w.signInHelp}</p>
${emailForm(input)}`,
  );
}

/** The same page for every address, known or not: only the CSRF token differs between browsers. */
export function linkSentPage(input: SignInForm): string {
  const w = words(input.lang);
  return layout(
    { lang: input.lang, words: w, title: w.sentTitle, businessName: input.businessName },
    html`<h1>${w.sentTitle}</h1>
<p class="notice" role="status">${w.sent}</p>
${emailForm(input)}`,
  );
}

export function linkButtonPage(input: { lang: Lang; businessName: string; token: string; csrf: string }): string {
  const w = words(input.lang);
  return layout(
    { lang: input.lang, words: w, title: w.signIn, businessName: input.businessName },
    html`<h1>${w.linkTitle(input.businessName)}</h1>
<p>${w.linkHelp}</p>
<form method="post" action="/portal/link/${input.token}">
<input type="hidden" name="csrf" value="${input.csrf}">
<button type="submit">${w.linkButton}</button>
</form>`,
  );
}

export function linkGonePage(input: { lang: Lang; businessName: string | null; accountId: string | null }): string {
  const w = words(input.lang);
  return layout(
    { lang: input.lang, words: w, title: w.linkGoneTitle, businessName: input.businessName },
    html`<h1>${w.linkGoneTitle}</h1>
<p>${w.linkGone}</p>
${input.accountId ? html`<p><a class="button" href="/portal/sign-in/${input.accountId}">${w.newLink}</a></p>` : ''}`,
  );
}

export type MessageKind = 'not-found' | 'sign-in-needed' | 'forbidden' | 'error';

export function messagePage(input: { lang: Lang; kind: MessageKind; businessName?: string | null; accountId?: string | null }): string {
  const w = words(input.lang);
  const texts: Record<MessageKind, [string, string]> = {
    'not-found': [w.notFoundTitle, w.notFound],
    'sign-in-needed': [w.signInNeededTitle, w.signInNeeded],
    forbidden: [w.forbiddenTitle, w.forbidden],
    error: [w.errorTitle, w.error],
  };
  const [title, text] = texts[input.kind];
  return layout(
    { lang: input.lang, words: w, title, businessName: input.businessName ?? null },
    html`<h1>${title}</h1>
<p>${text}</p>
${input.accountId ? html`<p><a href="/portal/sign-in/${input.accountId}">${w.signIn}</a></p>` : ''}`,
  );
}
