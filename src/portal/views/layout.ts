import { html, type SafeHtml } from '../../pages/html.js';
import type { Lang, Words } from './i18n.js';

export interface PageFrame {
  lang: Lang;
  words: Words;
  title: string;
  /** Shown in the header of every page. */
  businessName: string | null;
  /** When signed in: the customer's name and the session's CSRF token for the sign-out form. */
  signedIn?: { customerName: string; csrf: string } | undefined;
  /** The portal's section this page belongs to, marked in the navigation (shown when signed in). */
  section?: 'invoices' | 'offers' | undefined;
}

function mainNav(frame: PageFrame): SafeHtml {
  const { words } = frame;
  const items: ['invoices' | 'offers', string, string][] = [['invoices', '/portal/invoices', words.invoices], ['offers', '/portal/offers', words.offers]];
  return html`<nav class="mainnav" aria-label="${words.mainNav}"><ul>
${items.map(([section, href, label]) => html`<li><a href="${href}"${section === frame.section ? html` aria-current="page"` : ''}>${label}</a></li>`)}
</ul></nav>`;
}

/** The page around every portal view: language, viewport for phones, the business's name, sign-out. */
export function layout(frame: PageFrame, main: SafeHtml): string {
  const { words, signedIn } = frame;
  const heading = frame.businessName ?? words.portal;
  return html`<!doctype html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${frame.title} · ${heading}</title>
<link rel="stylesheet" href="/portal/style.css">
</head>
<body>
<a class="skip" href="#main">${words.skip}</a>
<header class="top">
<p class="business">${heading}</p>
${signedIn
  ? html`<form class="signout" method="post" action="/portal/sign-out">
<span class="who">${words.signedInAs(signedIn.customerName)}</span>
<input type="hidden" name="csrf" value="${signedIn.csrf}">
<button type="submit">${words.signOut}</button>
</form>`
  : ''}
${signedIn ? mainNav(frame) : ''}
</header>
<main id="main">
${main}
</main>
</body>
</html>
`.value;
}
