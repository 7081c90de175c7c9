/**
 * `npm test`: the whole suite once per database dialect — SQLite, then PostgreSQL — with Node's test runner.
 * Without a reachable PostgreSQL the second half is skipped and says so plainly; where PostgreSQL is required
 * (CI=true or KLANTPORTAAL_TEST_REQUIRE_POSTGRES=1, as .ci/run sets) a missing server fails the run instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_POSTGRES_URL } from './helpers/database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requirePostgres = process.env.CI === 'true' || process.env.KLANTPORTAAL_TEST_REQUIRE_POSTGRES === '1';
const only = process.argv.slice(2);

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? testFiles(path.join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [path.join(dir, entry.name)] : []))
    .sort();
}

/**
 * A test that hangs fails after 10 minutes (TEST_TIMEOUT_MS; 0 = none, for `npm run test:hostile`), and a file
 * whose servers were left running still ends.
 */
function runHalf(dialect: 'sqlite' | 'postgres', files: string[]): boolean {
  console.log(`\n=== ${dialect}: ${files.length} test files ===`);
  const started = Date.now();
  // --openssl-legacy-provider: s3rver, the S3 server the tests run in-process, needs DES for its listing
  // continuation tokens (test/helpers/s3.ts). The servers the tests spawn do not get it.
  const result = spawnSync(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, `--test-timeout=${process.env.TEST_TIMEOUT_MS ?? 600000}`, '--test-force-exit', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_DIALECT: dialect },
  });
  const ok = result.status === 0;
  console.log(`=== ${dialect}: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return ok;
}

async function postgresAnswers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Files that open no database at all (configuration, pure rules, the invoice renderer, the PDF stores, a SQLite-only
 * statement cache): the PostgreSQL half would run them a second time for nothing, so they run in the SQLite half only.
 */
const NO_DATABASE = new Set(
  [
    'test/cli/import-rows.test.ts',
    'test/config.test.ts',
    'test/db/statement-cache.test.ts',
    'test/invoices/invoice-lines.test.ts',
    'test/pages/signature.rules.test.ts',
    'test/mail/config.test.ts',
    'test/pdf/invoice-pdf.test.ts',
    'test/rules.test.ts',
    'test/storage/pdf-store.contract.test.ts',
    'test/storage/s3-errors.test.ts',
    'test/storage/s3-wire.test.ts',
  ].map((file) => path.join(root, file)),
);

const files = only.length > 0 ? only.map((file) => path.resolve(root, file)) : testFiles(path.join(root, 'test'));
const results: boolean[] = [runHalf('sqlite', files)];
const unreachable = await postgresAnswers();
if (unreachable === null) {
  const once = files.filter((file) => NO_DATABASE.has(file));
  if (once.length > 0) console.log(`\n(${once.length} file(s) that open no database ran in the SQLite half only: ${once.map((file) => path.relative(root, file)).join(', ')})`);
  const withDatabase = files.filter((file) => !NO_DATABASE.has(file));
  if (withDatabase.length > 0) results.push(runHalf('postgres', withDatabase));
} else if (requirePostgres) {
  console.error(`\nPostgreSQL is required here but does not answer at ${TEST_POSTGRES_URL}: ${unreachable}`);
  results.push(false);
} else {
  console.log(`\n*** SKIPPED the PostgreSQL half: no server answers at ${TEST_POSTGRES_URL} (${unreachable}). Set TEST_POSTGRES_URL or start PostgreSQL to run it. ***`);
}
process.exit(results.every(Boolean) ? 0 : 1);
