import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/runtime.js';
import { expectProblem } from '../helpers/problem.js';
import { createTestData, tempDir, type TestData } from '../helpers/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'klantportaal.js');

/** Settings a developer's shell might carry that would change what the CLI does. */
const CONFIG_VARIABLES = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'STORAGE_URL', 'SMTP_URL', 'MAIL_FROM', 'MAIL_MAX_ATTEMPTS', 'MAIL_RETRY_BASE_MS', 'MAIL_RETRY_MAX_MS', 'MAIL_POLL_MS', 'MAIL_LEASE_MS', 'PUBLIC_BASE_URL', 'MAX_PDF_BYTES', 'LOG_LEVEL'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a real process with only the given configuration (the timeout only guards against a hang). */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.includes(name)));
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Asserts a failure told in one line, the way a person at a terminal should see it. */
function assertOneLineFailure(run: Run, pattern?: RegExp): void {
  assert.notEqual(run.code, 0, `expected a failure: ${JSON.stringify(run)}`);
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got: ${run.stderr}`);
  assert.match(lines[0] ?? '', /^klantportaal: \S/);
  assert.doesNotMatch(run.stderr, /\n\s+at |Error:|node_modules|\.ts:\d+|\.js:\d+/, 'no stack trace');
  if (pattern) assert.match(lines[0] ?? '', pattern);
}

interface CreatedAccount {
  account: { id: string; name: string; timeZone: string; createdAt: string };
  apiKey: string;
}

interface KeyInfo {
  id: string;
  accountId: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** The same app `serve` runs, in this process, on the data directory the CLI wrote to. */
async function serveDataDir(): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ ...data.env, PORT: '0', LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config);
  const app = await buildApp(runtime.ctx, { databaseReady: runtime.databaseReady, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  assert(address && typeof address === 'object');
  const url = `http://127.0.0.1:${address.port}`;
  runtime.ctx.config.publicBaseUrl = url;
  return {
    url,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

let data: TestData;
let env: Record<string, string>;
let server: { url: string; close(): Promise<void> } | undefined;

before(async () => {
  data = await createTestData('kp-cli-');
  env = { ...data.env, LOG_LEVEL: 'silent' };
  await fs.access(path.join(ROOT, 'dist', 'main.js')).catch(() => {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  });
});

after(async () => {
  await server?.close();
  await data.cleanup();
});

const listCustomers = (url: string, apiKey: string) => fetch(`${url}/v1/customers`, { headers: { authorization: `Bearer ${apiKey}` } });

describe('klantportaal accounts create', () => {
  it('--json prints the account and a new API key as JSON', async () => {
    const run = await cli(['accounts', 'create', '--name', 'Bakkerij', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const created = JSON.parse(run.stdout) as CreatedAccount;
    assert.deepEqual(Object.keys(created).sort(), ['account', 'apiKey']);
    assert.deepEqual(Object.keys(created.account).sort(), ['createdAt', 'id', 'name', 'timeZone']);
    assert.match(created.account.id, /^acc_[0-9a-z]+$/);
    assert.equal(created.account.name, 'Bakkerij');
    assert.equal(created.account.timeZone, 'Europe/Amsterdam');
    assert.match(created.account.createdAt, ATOM);
    assert.match(created.apiKey, /^kp_live_[0-9A-Za-z]{40,}$/);
  });

  it('keeps --time-zone America/New_York and writes createdAt in it', async () => {
    const run = await cli(['accounts', 'create', '--name', 'Deli on 5th', '--time-zone', 'America/New_York', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const created = JSON.parse(run.stdout) as CreatedAccount;
    assert.equal(created.account.timeZone, 'America/New_York');
    assert.match(created.account.createdAt, ATOM);
    const offset = Temporal.Instant.from(created.account.createdAt).toZonedDateTimeISO('America/New_York').offset;
    assert.equal(created.account.createdAt.slice(19), offset);
  });

  it('without --json prints the key for a person to copy', async () => {
    const run = await cli(['accounts', 'create', '--name', 'Slagerij'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /acc_[0-9a-z]+/);
    assert.match(run.stdout, /kp_live_[0-9A-Za-z]{46}/);
  });

  it('refuses --time-zone Mars/Base in one line on stderr', async () => {
    const run = await cli(['accounts', 'create', '--name', 'Ruimtebakker', '--time-zone', 'Mars/Base', '--json'], env);
    assertOneLineFailure(run, /Mars\/Base/);
    assert.equal(run.stdout, '');
  });

  it('refuses a missing --name and an unknown option', async () => {
    const missing = await cli(['accounts', 'create', '--json'], env);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /^klantportaal: .*--name/);
    assert.equal(missing.stdout, '');
    assertOneLineFailure(await cli(['accounts', 'create', '--name', 'X', '--nmae', 'Y'], env), /--nmae/);
  });
});

describe('the printed key against the API, and api-keys', () => {
  let created: CreatedAccount;

  before(async () => {
    const run = await cli(['accounts', 'create', '--name', 'Bakkerij de Vries', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    created = JSON.parse(run.stdout) as CreatedAccount;
    server = await serveDataDir();
  });

  it('the key printed by accounts create works: GET /v1/customers is 200', async () => {
    assert.ok(server);
    const res = await listCustomers(server.url, created.apiKey);
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(((await res.json()) as { data: unknown[] }).data, []);
  });

  it('create, list (never the secret) and revoke; a revoked key gets 401, the others keep working', async () => {
    assert.ok(server);
    const accountId = created.account.id;

    const made = await cli(['api-keys', 'create', '--account', accountId, '--json'], env);
    assert.equal(made.code, 0, made.stderr);
    const { key, apiKey } = JSON.parse(made.stdout) as { key: KeyInfo; apiKey: string };
    assert.match(key.id, /^key_[0-9a-z]+$/);
    assert.equal(key.accountId, accountId);
    assert.equal(key.revokedAt, null);
    assert.notEqual(apiKey, created.apiKey);
    assert.equal((await listCustomers(server.url, apiKey)).status, 200);

    const listed = await cli(['api-keys', 'list', '--account', accountId, '--json'], env);
    assert.equal(listed.code, 0, listed.stderr);
    const { data } = JSON.parse(listed.stdout) as { data: KeyInfo[] };
    assert.equal(data.length, 2);
    assert.ok(data.some((k) => k.id === key.id));
    for (const secret of [apiKey, created.apiKey]) {
      assert.ok(!listed.stdout.includes(secret), 'a full key in the listing');
      assert.ok(!listed.stdout.includes(secret.slice('kp_live_'.length, 'kp_live_'.length + 12)), 'a long piece of a key in the listing');
    }
    const listedKey = data.find((k) => k.id === key.id);
    assert.ok(listedKey);
    const shown = listedKey.prefix.replace(/…$/, '');
    assert.ok(shown.length >= 'kp_live_'.length && shown.length <= 16, `prefix ${listedKey.prefix}`);
    assert.ok(apiKey.startsWith(shown), 'the prefix lets a person recognise the key');

    const text = await cli(['api-keys', 'list', '--account', accountId], env);
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.includes(key.id));
    assert.ok(!text.stdout.includes(apiKey));

    const revoked = await cli(['api-keys', 'revoke', key.id], env);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(key.id));

    const refused = await listCustomers(server.url, apiKey);
    await expectProblem(refused, 401);
    assert.equal(refused.headers.get('www-authenticate'), 'Bearer realm="klantportaal"');
    assert.equal((await listCustomers(server.url, created.apiKey)).status, 200, 'the first key still works');

    const after = JSON.parse((await cli(['api-keys', 'list', '--account', accountId, '--json'], env)).stdout) as { data: KeyInfo[] };
    const afterKey = after.data.find((k) => k.id === key.id);
    assert.ok(afterKey?.revokedAt);
    assert.match(afterKey.revokedAt, ATOM);
  });

  it('names an unknown account or key in one line', async () => {
    assertOneLineFailure(await cli(['api-keys', 'list', '--account', 'acc_doesnotexist00000000'], env), /acc_doesnotexist00000000/);
    assertOneLineFailure(await cli(['api-keys', 'create', '--account', 'acc_doesnotexist00000000', '--json'], env));
    assertOneLineFailure(await cli(['api-keys', 'revoke', 'key_doesnotexist00000000'], env), /key_doesnotexist00000000/);
  });
});

describe('bad configuration and bad commands', { concurrency: true }, () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['PORT=abc', { PORT: 'abc' }, ['accounts', 'create', '--name', 'X']],
    ['PORT=abc (serve)', { PORT: 'abc' }, ['serve']],
    ['PORT=70000', { PORT: '70000' }, ['serve']],
    ['DATABASE_URL=mysql://x', { DATABASE_URL: 'mysql://x' }, ['serve']],
    ['DATABASE_URL=mysql://x (migrate)', { DATABASE_URL: 'mysql://x' }, ['migrate']],
    ['DATABASE_URL not a URL', { DATABASE_URL: 'not a url' }, ['accounts', 'create', '--name', 'X']],
    ['STORAGE_URL=ftp://x', { STORAGE_URL: 'ftp://x' }, ['serve']],
    ['STORAGE_URL=s3://…&forcePathStyle=yes', { STORAGE_URL: 's3://bucket?region=x&forcePathStyle=yes' }, ['serve']],
    ['PUBLIC_BASE_URL=javascript:alert(1)', { PUBLIC_BASE_URL: 'javascript:alert(1)' }, ['serve']],
    ['MAX_PDF_BYTES=-1', { MAX_PDF_BYTES: '-1' }, ['serve']],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, ['serve']],
  ];
  for (const [label, extra, args] of cases) {
    it(`${label}: exit ≠ 0, one line on stderr, no stack trace`, async () => {
      const name = Object.keys(extra)[0] ?? '';
      const run = await cli(args, { ...env, ...extra });
      assertOneLineFailure(run, new RegExp(name));
      assert.equal(run.stdout, '', 'nothing started');
    });
  }

  it('a DATA_DIR that is a file: exit ≠ 0, one line, no stack trace', async () => {
    const file = path.join(data.dir, 'not-a-directory');
    await fs.writeFile(file, 'x');
    // SQLite keeps its file in DATA_DIR, so that is where a bad DATA_DIR shows.
    assertOneLineFailure(await cli(['accounts', 'create', '--name', 'X'], { DATA_DIR: file, LOG_LEVEL: 'silent' }));
  });

  it('an unknown command prints usage on stderr and exits ≠ 0', async () => {
    const run = await cli(['frobnicate'], env);
    assert.notEqual(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^klantportaal: unknown command "frobnicate"/);
    assert.match(run.stderr, /Usage: klantportaal/);
    assert.match(run.stderr, /accounts create --name/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('an unknown subcommand prints usage on stderr and exits ≠ 0', async () => {
    for (const args of [['accounts', 'delete'], ['api-keys', 'rotate']]) {
      const run = await cli(args, env);
      assert.notEqual(run.code, 0, args.join(' '));
      assert.match(run.stderr, /^klantportaal: unknown/);
      assert.match(run.stderr, /Usage: klantportaal/);
    }
  });

  it('help prints usage on stdout and exits 0', async () => {
    const run = await cli(['--help'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Usage: klantportaal/);
  });
});
