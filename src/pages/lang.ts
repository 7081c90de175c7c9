/** The languages every page and email speaks: a customer's `locale` of `en` reads English, anything else Dutch. */
export type Lang = 'nl' | 'en';

export function langOf(locale: string | null | undefined): Lang {
  return locale === 'en' ? 'en' : 'nl';
}
