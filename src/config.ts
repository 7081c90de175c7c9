import path from 'node:path';

/** Everything the service reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  storage: { kind: 'files'; dir: string };
  smtpUrl: string | null;
  publicBaseUrl: string;
  maxPdfBytes: number;
  logLevel: string;
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
    database,
    storage: { kind: 'files', dir: path.join(dataDir, 'pdfs') },
    smtpUrl,
    publicBaseUrl,
    maxPdfBytes,
    logLevel,
  };
}
