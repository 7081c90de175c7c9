import { escapeHtml } from '../lib/format.js';
import type { RenderedMessage } from '../mail/mail-transport.js';

/** A sign-in email: one link per customer of the business that uses this address (usually one). */
export interface SignInMessageInput {
  locale: string;
  businessName: string;
  links: { customerName: string; url: string }[];
  validMinutes: number;
}

const WORDS = {
  nl: {
    subject: (business: string) => `Inloggen bij ${business}`,
    intro: (business: string) => `U vroeg om een link om in te loggen bij ${business}.`,
    button: 'Inloggen',
    as: (name: string) => `Inloggen als ${name}`,
    valid: (minutes: number) => `De link werkt ${minutes} minuten en één keer.`,
    ignore: 'Vroeg u hier niet om? Dan kunt u deze e-mail negeren; er verandert niets.',
  },
  en: {
    subject: (business: string) => `Sign in to ${business}`,
    intro: (business: string) => `You asked for a link to sign in to ${business}.`,
    button: 'Sign in',
    as: (name: string) => `Sign in as ${name}`,
    valid: (minutes: number) => `The link works once, for ${minutes} minutes.`,
    ignore: 'Did not ask for this? Then ignore this email; nothing changes.',
  },
} as const;

export function renderSignInMessage(input: SignInMessageInput): RenderedMessage {
  const words = WORDS[input.locale === 'en' ? 'en' : 'nl'];
  const several = input.links.length > 1;
  const label = (name: string) => (several ? words.as(name) : words.button);
  const text = [
    words.intro(input.businessName),
    '',
    ...input.links.flatMap((link) => [`${label(link.customerName)}:`, link.url, '']),
    words.valid(input.validMinutes),
    words.ignore,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.locale === 'en' ? 'en' : 'nl'}">
<head><meta charset="utf-8"><title>${e(words.subject(input.businessName))}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #222;">
<p>${e(words.intro(input.businessName))}</p>
${input.links.map((link) => `<p><a href="${e(link.url)}">${e(label(link.customerName))}</a></p>`).join('\n')}
<p>${e(words.valid(input.validMinutes))}</p>
<p style="font-size: small; color: #666;">${e(words.ignore)}</p>
</body>
</html>
`;
  return { subject: words.subject(input.businessName), text, html };
}
