/**
 * API key scopes: the one list. The names are MijnKlantportaal's published ones (reference 2.1), plus
 * `invoices.write` (creating and changing customer invoices, which the published table lacks) and
 * `account.read`/`account.write` (API.md). Every `/v1` route names the scope it needs in its route options,
 * `config: { scope: '…' }`; `http/auth.ts` checks it and refuses to start with a route that names none.
 */
export const SCOPES = [
  'account.read',
  'account.write',
  'agreements.read',
  'agreements.write',
  'appointments.read',
  'appointments.write',
  'businessoperations.read',
  'customers.read',
  'customers.write',
  'files.read',
  'files.write',
  'filerequest.read',
  'filerequest.write',
  'fileshare.read',
  'fileshare.write',
  'invoices.read',
  'invoices.write',
  'offers.read',
  'offers.write',
  'paymentlinks.read',
  'paymentlinks.write',
  'subscription.read',
  'subscription.write',
  'tickets.read',
  'tickets.write',
  'webhooks.read',
  'webhooks.write',
] as const;

export type Scope = (typeof SCOPES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope an API key needs for this route (every route behind the API key names one). */
    scope?: Scope;
  }
}

const KNOWN: ReadonlySet<string> = new Set(SCOPES);

export function isScope(name: string): name is Scope {
  return KNOWN.has(name);
}

/** A scope list that names an unknown scope, or none; the message lists the valid ones. */
export class ScopeInputError extends Error {
  override name = 'ScopeInputError';
  constructor(unknown: string[]) {
    const what = unknown.length === 0 ? 'no scope given' : `unknown scope${unknown.length === 1 ? '' : 's'} ${unknown.map((s) => `"${s}"`).join(', ')}`;
    super(`${what}; valid scopes: ${SCOPES.join(', ')}`);
  }
}

/** `a,b` (commas and/or spaces) → scopes in the list's order, without repeats; names every unknown one. */
export function parseScopes(text: string): Scope[] {
  const names = text.split(/[\s,]+/).filter((name) => name.length > 0);
  const unknown = names.filter((name) => !isScope(name));
  if (unknown.length > 0 || names.length === 0) throw new ScopeInputError([...new Set(unknown)]);
  return SCOPES.filter((scope) => names.includes(scope));
}

/** How scopes are stored (`api_keys.scopes`): space-separated, as OAuth writes them. */
export function formatScopes(scopes: readonly Scope[]): string {
  return SCOPES.filter((scope) => scopes.includes(scope)).join(' ');
}

/** The stored text back to scopes; a name this version does not know grants nothing. */
export function storedScopes(text: string): Scope[] {
  return text.split(' ').filter(isScope);
}
