import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from '../helpers/cli.js';
import { samplePdf, startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';

/** One line on stderr starting "klantportaal: ", no stack trace. */
function assertOneLine(run: CliRun, code: number, pattern: RegExp): void {
  assert.equal(run.code, code, JSON.stringify(run));
  const first = run.stderr.trimEnd().split('\n')[0] ?? '';
  assert.match(first, /^klantportaal: /);
  assert.match(first, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at |node_modules|\.js:\d+/);
}

describe('klantportaal customers / invoices (against a server)', () => {
  let server: TestServer;
  let account: TestAccount;
  let api: Record<string, string>;
  let dir: string;
  before(async () => {
    server = await startTestServer();
    account = await server.account();
    api = { KLANTPORTAAL_API_URL: server.url, KLANTPORTAAL_API_KEY: account.apiKey };
    dir = await fs.mkdtemp(path.join(server.dataDir, 'cli-'));
  });
  after(() => server.close());

  it('happy: customers create → get → list → update → delete, --json and human output', async () => {
    const fields = ['--company-name', 'Jansen B.V.', '--address', 'Dorpsstraat 1', '--zip-code', '1234AB', '--city', 'Ede', '--primary-email', 'jansen@example.com'];
    const created = await runCli(['customers', 'create', ...fields, '--integration-id', 'DEB-7', '--phone', '+31318123456', '--json'], api);
    assert.equal(created.code, 0, created.stderr);
    const customer = JSON.parse(created.stdout) as { id: string; integrationId: string; countryCode: string; phone: string };
    assert.equal(customer.integrationId, 'DEB-7');
    assert.equal(customer.countryCode, 'NL');
    assert.equal(customer.phone, '+31318123456');
    const got = await runCli(['customers', 'get', customer.id], api);
    assert.equal(got.code, 0, got.stderr);
    assert.match(got.stdout, new RegExp(`^${customer.id}  DEB-7  Jansen B.V.  <jansen@example.com>  Ede NL  nl\\n$`));
    // Flags win over the environment.
    const listed = await runCli(['customers', 'list', '--integration-id', 'DEB-7', '--json', '--api-url', server.url, '--api-key', account.apiKey], { KLANTPORTAAL_API_URL: 'http://127.0.0.1:9' });
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual((JSON.parse(listed.stdout) as { data: { id: string }[] }).data.map((c) => c.id), [customer.id]);
    const updated = await runCli(['customers', 'update', customer.id, '--locale', 'en', '--country-code', 'BE', '--phone', '', '--json'], api);
    assert.equal(updated.code, 0, updated.stderr);
    assert.deepEqual(
      (({ locale, countryCode, phone }) => ({ locale, countryCode, phone }))(JSON.parse(updated.stdout) as { locale: string; countryCode: string; phone: string | null }),
      { locale: 'en', countryCode: 'BE', phone: null },
    );
    const deleted = await runCli(['customers', 'delete', customer.id], api);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.equal(deleted.stdout, `Deleted customer ${customer.id}.\n`);
  });

  it('happy: list prints one page (--page, --per-page); --all follows next_page_url to the end', async () => {
    const own = await server.account('Lijstjes B.V.');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await own.createCustomer()).id);
    const env = { ...api, KLANTPORTAAL_API_KEY: own.apiKey };
    const second = await runCli(['customers', 'list', '--per-page', '2', '--page', '2', '--json'], env);
    assert.equal(second.code, 0, second.stderr);
    const page = JSON.parse(second.stdout) as { current_page: number; from: number; to: number; per_page: number; data: { id: string }[] };
    assert.deepEqual([page.current_page, page.from, page.to, page.per_page, page.data.length], [2, 3, 4, 2, 2]);
    const human = await runCli(['customers', 'list', '--per-page', '2'], env);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /Items 1–2; more with --page 2 \(or --all\)/);
    const all = await runCli(['customers', 'list', '--per-page', '2', '--all', '--json'], env);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual((JSON.parse(all.stdout) as { data: { id: string }[] }).data.map((c) => c.id).sort(), [...ids].sort());
    assertOneLine(await runCli(['customers', 'list', '--page', '0'], env), 64, /--page/);
    assertOneLine(await runCli(['customers', 'list', '--per-page', '251'], env), 64, /--per-page/);
  });

  it('happy: invoices upload → get → list → mark-paid → download (byte-identical)', async () => {
    const customer = await account.createCustomer();
    const pdf = path.join(dir, 'f-1.pdf');
    const bytes = samplePdf('cli-upload', 50_000);
    await fs.writeFile(pdf, bytes);
    const up = await runCli(['invoices', 'upload', pdf, '--customer', customer.id, '--number', 'CLI-1', '--issued', '2024-04-30', '--amount', '99.5', '--json'], api);
    assert.equal(up.code, 0, up.stderr);
    const invoice = JSON.parse(up.stdout) as { id: string; amount: string; notification: unknown };
    assert.equal(invoice.amount, '99.50');
    assert.equal(invoice.notification, null, 'no email unless --notify');
    const got = await runCli(['invoices', 'get', invoice.id], api);
    assert.match(got.stdout, /CLI-1  2024-04-30  EUR 99\.50  open/);
    const list = await runCli(['invoices', 'list', '--customer', customer.id, '--paid', 'false'], api);
    assert.equal(list.stdout.trim().split('\n').length, 1);
    const paid = await runCli(['invoices', 'mark-paid', invoice.id, '--at', '2024-05-11 12:59:00', '--json'], api);
    assert.equal((JSON.parse(paid.stdout) as { paidAt: string }).paidAt, '2024-05-11T12:59:00+02:00');
    const target = path.join(dir, 'back.pdf');
    const down = await runCli(['invoices', 'download', invoice.id, '-o', target], api);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(new Uint8Array(await fs.readFile(target)), bytes);
  });

  it('error: an API error is one line and exit 1; --json also prints the problem', async () => {
    const missing = await runCli(['invoices', 'get', 'inv_doesnotexist00'], api);
    assertOneLine(missing, 1, /404 Not found/);
    const customer = await account.createCustomer();
    const pdf = path.join(dir, 'bad.pdf');
    await fs.writeFile(pdf, samplePdf());
    const bad = await runCli(['invoices', 'upload', pdf, '--customer', customer.id, '--number', 'X', '--issued', '2024-02-30', '--amount', '12,95', '--json'], api);
    assertOneLine(bad, 1, /422 Validation failed: .*amount.*issuedAt|422 Validation failed: .*issuedAt.*amount/);
    assert.equal((JSON.parse(bad.stdout) as { status: number }).status, 422);
    const wrongKey = await runCli(['customers', 'list'], { ...api, KLANTPORTAAL_API_KEY: 'kp_live_wrong' });
    assertOneLine(wrongKey, 1, /401/);
    const down = await runCli(['customers', 'list'], { ...api, KLANTPORTAAL_API_URL: 'http://127.0.0.1:9' });
    assertOneLine(down, 1, /failed after/);
  });

  it('usage: missing options, no API key, unknown subcommand → exit 64', async () => {
    assertOneLine(await runCli(['customers', 'create', '--company-name', 'x'], api), 64, /needs --address, --zip-code, --city, --primary-email/);
    assertOneLine(await runCli(['customers', 'update', 'cst_abc12345'], api), 64, /needs at least one of --company-name/);
    assertOneLine(await runCli(['invoices', 'list'], { KLANTPORTAAL_API_URL: server.url }), 64, /KLANTPORTAAL_API_KEY/);
    assertOneLine(await runCli(['invoices', 'frobnicate'], api), 64, /unknown invoices command/);
    assertOneLine(await runCli(['invoices', 'list', '--per-page', 'lots'], api), 64, /--per-page/);
  });
});
