import { UsageError } from './errors.js';

/** Where the API commands (customers, invoices, import) send their requests. */
export interface ApiConnection {
  baseUrl: string;
  apiKey: string;
}

export const API_OPTIONS = {
  'api-url': { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `--api-url`/`--api-key`, else `KLANTPORTAAL_API_URL`/`KLANTPORTAAL_API_KEY`. The one place besides config.ts that
 * reads the environment: these commands talk to a server, so the server's own settings do not apply to them.
 */
export function apiConnection(values: { 'api-url'?: string; 'api-key'?: string }, env: Record<string, string | undefined> = process.env): ApiConnection {
  const baseUrl = values['api-url'] ?? env.KLANTPORTAAL_API_URL ?? '';
  const apiKey = values['api-key'] ?? env.KLANTPORTAAL_API_KEY ?? '';
  if (!baseUrl) throw new UsageError('set --api-url or KLANTPORTAAL_API_URL (e.g. http://127.0.0.1:3000)');
  if (!apiKey) throw new UsageError('set --api-key or KLANTPORTAAL_API_KEY');
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new UsageError(`--api-url is not a URL: "${baseUrl}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError('--api-url must start with http:// or https://');
  return { baseUrl: parsed.origin + parsed.pathname.replace(/\/+$/, ''), apiKey };
}
