import path from 'node:path';

/** Everything the service reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string };
  storage: FileStorageConfig | S3StorageConfig;
  smtpUrl: string | null;
  publicBaseUrl: string;
  maxPdfBytes: number;
  logLevel: string;
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

function url(name: string, raw: string, protocols: string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//"`);
  }
  return parsed;
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
  if (databaseUrl) {
    url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
    throw new ConfigError('DATABASE_URL: PostgreSQL is not supported by this version yet; leave it unset to use SQLite in DATA_DIR');
  }
  const storageUrl = env.STORAGE_URL?.trim();
  const storage: Config['storage'] = storageUrl
    ? s3Storage(env, storageUrl, path.join(dataDir, 'pdf-staging'))
    : { kind: 'files', dir: path.join(dataDir, 'pdfs') };

  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl) url('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);

  const rawBase = env.PUBLIC_BASE_URL?.trim();
  const publicBaseUrl = rawBase
    ? url('PUBLIC_BASE_URL', rawBase, ['http:', 'https:']).href.replace(/\/+$/, '')
    : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const maxPdfBytes = integer(env, 'MAX_PDF_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024);

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  return {
    port,
    host,
    dataDir,
    database: { kind: 'sqlite', file: path.join(dataDir, 'klantportaal.sqlite') },
    storage,
    smtpUrl,
    publicBaseUrl,
    maxPdfBytes,
    logLevel,
  };
}
