import path from 'node:path';

/** Everything the service reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  storage: FileStorageConfig | S3StorageConfig;
  mail: MailConfig;
  webhooks: WebhookConfig;
  publicBaseUrl: string;
  maxPdfBytes: number;
  logLevel: string;
  limits: LimitsConfig;
  /** Published PDFs that no invoice references are removed at start and hourly once they are this old. */
  orphanPdfGraceMs: number;
}

/** What one client may cost us (OWASP API4): time per request and requests per minute. */
export interface LimitsConfig {
  /** Whole request, headers and body (a client trickling bytes is cut off after this). */
  requestTimeoutMs: number;
  /** Request line and headers. */
  headersTimeoutMs: number;
  /** A connection on which nothing at all arrives. */
  idleTimeoutMs: number;
  /** Requests per API key per window (fixed window, counted in the database); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** The window; 60 s unless a test or a burst policy wants it shorter. */
  rateLimitWindowSeconds: number;
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
  caps: MailCapsConfig;
}

/**
 * What one business may cost us in email (OWASP API4): emails sent per account, and per account to one address,
 * in fixed windows counted in the database. 0 turns a cap off. Notifications over a cap wait for the next window;
 * sign-in emails over the account cap are not sent.
 */
export interface MailCapsConfig {
  perAccount: number;
  perAddress: number;
  /** An hour unless a test wants it shorter. */
  windowSeconds: number;
}

/** Outgoing webhooks: how the delivery worker retries, and whether private addresses may be called. */
export interface WebhookConfig {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS=true: endpoints may be on loopback or private ranges (tests, closed networks). */
  allowPrivateNetworks: boolean;
  /** Backoff before retry n is about retryBaseMs × 2^(n−1) (with jitter), never more than retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A delivery is retried until this long after it was queued (three days), then it is `failed`. */
  retryWindowMs: number;
  /** One attempt: connect, send, and the receiver's status line within this. */
  timeoutMs: number;
  pollMs: number;
  /** Deliveries in flight per worker process. */
  concurrency: number;
}

export interface FileStorageConfig {
  kind: 'files';
  dir: string;
}

export interface S3StorageConfig {
  kind: 's3';
  bucket: string;
  region: string;
  /** An S3-compatible service's URL; null means AWS's own endpoint for the region. */
  endpoint: string | null;
  forcePathStyle: boolean;
  /** null: the AWS SDK's default chain (instance or container role, shared profile). */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null;
  /** Local directory where an upload is staged (hashed) before it is sent. */
  stagingDir: string;
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
    caps: {
      perAccount: integer(env, 'MAIL_CAP_PER_ACCOUNT_PER_HOUR', 1000, 0, 10_000_000),
      perAddress: integer(env, 'MAIL_CAP_PER_ADDRESS_PER_HOUR', 20, 0, 10_000_000),
      windowSeconds: integer(env, 'MAIL_CAP_WINDOW_SECONDS', 3600, 1, 24 * 3600),
    },
  };
}

function webhookConfig(env: Env): WebhookConfig {
  const allow = env.WEBHOOK_ALLOW_PRIVATE_NETWORKS?.trim().toLowerCase() || 'false';
  if (allow !== 'true' && allow !== 'false') throw new ConfigError(`WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false, got "${allow}"`);
  const retryBaseMs = integer(env, 'WEBHOOK_RETRY_BASE_MS', 60_000, 1, 24 * 3600_000);
  const retryMaxMs = integer(env, 'WEBHOOK_RETRY_MAX_MS', 6 * 3600_000, 1, 7 * 24 * 3600_000);
  if (retryMaxMs < retryBaseMs) throw new ConfigError(`WEBHOOK_RETRY_MAX_MS (${retryMaxMs}) must not be below WEBHOOK_RETRY_BASE_MS (${retryBaseMs})`);
  return {
    allowPrivateNetworks: allow === 'true',
    retryBaseMs,
    retryMaxMs,
    retryWindowMs: integer(env, 'WEBHOOK_RETRY_WINDOW_MS', 3 * 24 * 3600_000, 1, 30 * 24 * 3600_000),
    timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    pollMs: integer(env, 'WEBHOOK_POLL_MS', 1000, 10, 3600_000),
    concurrency: integer(env, 'WEBHOOK_CONCURRENCY', 4, 1, 64),
  };
}

const S3_PARAMS = ['endpoint', 'region', 'forcePathStyle'];
// S3's bucket naming rules (lower case, 3–63 characters, no leading or trailing dot or dash).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `s3://bucket?endpoint=…&region=…&forcePathStyle=true`, credentials from the usual AWS_* variables. */
function s3Storage(env: Env, raw: string, stagingDir: string): S3StorageConfig {
  const parsed = url('STORAGE_URL', raw, ['s3:']);
  const bucket = parsed.hostname;
  if (!BUCKET.test(bucket)) throw new ConfigError(`STORAGE_URL must name a bucket (3–63 characters a-z 0-9 . -): s3://bucket?region=…, got "${bucket}"`);
  if (parsed.pathname !== '' && parsed.pathname !== '/') {
    throw new ConfigError(`STORAGE_URL takes no path (objects are always pdfs/<sha256>.pdf), got "${parsed.pathname}"`);
  }
  if (parsed.username || parsed.password) throw new ConfigError('STORAGE_URL must not hold credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  for (const name of parsed.searchParams.keys()) {
    if (!S3_PARAMS.includes(name)) throw new ConfigError(`STORAGE_URL: unknown parameter "${name}"; known: ${S3_PARAMS.join(', ')}`);
  }
  const rawEndpoint = parsed.searchParams.get('endpoint')?.trim();
  const endpoint = rawEndpoint ? url('STORAGE_URL endpoint', rawEndpoint, ['http:', 'https:']).href.replace(/\/+$/, '') : null;
  const region = parsed.searchParams.get('region')?.trim() || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim();
  if (!region) throw new ConfigError('STORAGE_URL needs a region: add ?region=… (or set AWS_REGION)');
  const rawPathStyle = parsed.searchParams.get('forcePathStyle') ?? 'false';
  if (rawPathStyle !== 'true' && rawPathStyle !== 'false') {
    throw new ConfigError(`STORAGE_URL forcePathStyle must be true or false, got "${rawPathStyle}"`);
  }
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together (or both left unset to use an instance role)');
  }
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return {
    kind: 's3',
    bucket,
    region,
    endpoint,
    forcePathStyle: rawPathStyle === 'true',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : null,
    stagingDir,
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
  const storage: Config['storage'] = storageUrl
    ? s3Storage(env, storageUrl, path.join(dataDir, 'pdf-staging'))
    : { kind: 'files', dir: path.join(dataDir, 'pdfs') };

  const rawBase = env.PUBLIC_BASE_URL?.trim();
  const publicBaseUrl = rawBase
    ? url('PUBLIC_BASE_URL', rawBase, ['http:', 'https:']).href.replace(/\/+$/, '')
    : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const mail = mailConfig(env, dataDir, publicBaseUrl);

  const webhooks = webhookConfig(env);

  const maxPdfBytes = integer(env, 'MAX_PDF_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024);

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', 300_000, 1000, 3600_000);
  const limits: LimitsConfig = {
    requestTimeoutMs,
    headersTimeoutMs: Math.min(requestTimeoutMs, integer(env, 'HEADERS_TIMEOUT_MS', 20_000, 500, 600_000)),
    idleTimeoutMs: integer(env, 'IDLE_TIMEOUT_MS', 30_000, 500, 3600_000),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    rateLimitWindowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
  };
  const orphanPdfGraceMs = integer(env, 'ORPHAN_PDF_GRACE_SECONDS', 900, 0, 30 * 24 * 3600) * 1000;

  return {
    port,
    host,
    dataDir,
    database,
    storage,
    mail,
    webhooks,
    publicBaseUrl,
    maxPdfBytes,
    logLevel,
    limits,
    orphanPdfGraceMs,
  };
}

/**
 * The configuration of a `klantportaal copy` target: the same settings, another database and PDF store (with
 * no storage URL the PDFs go to the files in DATA_DIR, as they would for a server).
 */
export function loadCopyTargetConfig(databaseUrl: string, storageUrl: string | undefined, env: Env = process.env): Config {
  return loadConfig({ ...env, DATABASE_URL: databaseUrl, STORAGE_URL: storageUrl ?? '' });
}
