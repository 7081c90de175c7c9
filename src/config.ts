import path from 'node:path';

/** Everything the service reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  storage: { kind: 'files'; dir: string };
  mail: MailConfig;
  publicBaseUrl: string;
  maxPdfBytes: number;
  logLevel: string;
}

/** Outgoing email: where it goes, who it is from, and how the outbox worker retries. */
export interface MailConfig {
  /** SMTP_URL set: a relay; unset: `.eml` files under DATA_DIR, so a bare `npm start` works. */
  transport: { kind: 'smtp'; url: URL } | { kind: 'files'; dir: string };
  /** The From address (`MAIL_FROM`), and its display name when one was given. */
  from: { address: string; name: string | null };
  /** Tries per message, the first one included; a temporary failure after the last one is final. */
  maxAttempts: number;
  /** Backoff before retry n is about retryBaseMs × 2^(n−1) (with jitter), never more than retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How often an idle worker looks for due messages. */
  pollMs: number;
  /** How long a claimed message is the claiming worker's; a worker that dies frees it when this runs out. */
  leaseMs: number;
}

/** Thrown for a bad setting; the CLI prints its message as one line and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function url(name: string, raw: string, protocols: string[], secret = false): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // A URL that may carry a password is never echoed: the line ends up in logs.
    throw new ConfigError(secret ? `${name} is not a valid URL` : `${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//"`);
  }
  return parsed;
}

// `name@domain` or `Display Name <name@domain>`; enough to catch a typo, nodemailer does the real parsing.
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;
const NAMED_ADDRESS = /^(?:"([^"\r\n]*)"|([^"<>\r\n]*?))\s*<([^<>\s]+)>$/;

/** Default sender: no-reply at the public host name, or at localhost when that is an IP address. */
function defaultFrom(publicBaseUrl: string): MailConfig['from'] {
  const host = new URL(publicBaseUrl).hostname;
  const named = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(host) && !/^[\d.]+$/.test(host);
  return { address: `no-reply@${named ? host : 'localhost'}`, name: null };
}

function mailFrom(raw: string | undefined, publicBaseUrl: string): MailConfig['from'] {
  const value = raw?.trim() ?? '';
  if (value === '') return defaultFrom(publicBaseUrl);
  const named = NAMED_ADDRESS.exec(value);
  const address = named ? (named[3] ?? '') : value;
  if (!ADDRESS.test(address)) {
    throw new ConfigError(`MAIL_FROM must be an email address, optionally with a name ("Billing <billing@example.com>"), got "${value}"`);
  }
  const name = named ? (named[1] ?? named[2] ?? '').trim() : '';
  return { address, name: name === '' ? null : name };
}

function mailConfig(env: Env, dataDir: string, publicBaseUrl: string): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim();
  let transport: MailConfig['transport'] = { kind: 'files', dir: path.join(dataDir, 'outbox-mail') };
  if (smtpUrl) {
    const parsed = url('SMTP_URL', smtpUrl, ['smtp:', 'smtps:'], true);
    if (parsed.hostname === '') throw new ConfigError('SMTP_URL needs a host, e.g. "smtp://user:password@smtp.example.com:587"');
    // Options in the query would be silently ignored; say so instead.
    if (parsed.search !== '') throw new ConfigError('SMTP_URL takes no query parameters: use smtps:// for TLS from the start, smtp:// for STARTTLS');
    transport = { kind: 'smtp', url: parsed };
  }
  const retryBaseMs = integer(env, 'MAIL_RETRY_BASE_MS', 30_000, 1, 24 * 3600_000);
  const retryMaxMs = integer(env, 'MAIL_RETRY_MAX_MS', 3600_000, 1, 7 * 24 * 3600_000);
  if (retryMaxMs < retryBaseMs) throw new ConfigError(`MAIL_RETRY_MAX_MS (${retryMaxMs}) must not be below MAIL_RETRY_BASE_MS (${retryBaseMs})`);
  return {
    transport,
    from: mailFrom(env.MAIL_FROM, publicBaseUrl),
    maxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 10, 1, 100),
    retryBaseMs,
    retryMaxMs,
    pollMs: integer(env, 'MAIL_POLL_MS', 1000, 10, 3600_000),
    leaseMs: integer(env, 'MAIL_LEASE_MS', 120_000, 500, 3600_000),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');

  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const poolSize = integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000);
  const database: Config['database'] = databaseUrl
    ? { kind: 'postgres', url: databaseUrl, poolSize }
    : { kind: 'sqlite', file: path.join(dataDir, 'klantportaal.sqlite') };
  const storageUrl = env.STORAGE_URL?.trim();
  if (storageUrl) {
    url('STORAGE_URL', storageUrl, ['s3:']);
    throw new ConfigError('STORAGE_URL: S3 storage is not supported by this version yet; leave it unset to keep PDFs in DATA_DIR');
  }

  const rawBase = env.PUBLIC_BASE_URL?.trim();
  const publicBaseUrl = rawBase
    ? url('PUBLIC_BASE_URL', rawBase, ['http:', 'https:']).href.replace(/\/+$/, '')
    : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const mail = mailConfig(env, dataDir, publicBaseUrl);

  const maxPdfBytes = integer(env, 'MAX_PDF_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024);

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  return {
    port,
    host,
    dataDir,
    database,
    storage: { kind: 'files', dir: path.join(dataDir, 'pdfs') },
    mail,
    publicBaseUrl,
    maxPdfBytes,
    logLevel,
  };
}
