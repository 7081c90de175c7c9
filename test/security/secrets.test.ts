import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { runCli } from '../helpers/cli.js';
import { report } from '../helpers/hostile.js';
import { Browser, requestLink, text } from '../helpers/portal.js';
import { startServeProcess, type ServeProcess } from '../helpers/process.js';
import { accountClient, createTestData, samplePdf, validInvoice, type TestData } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * S2 (RELIABILITY.md §3): the secrets a user holds — the API key, the sign-in link's token, the invoice link's
 * token and the portal session cookie — are never stored or logged as they are. `klantportaal serve` runs as a
 * real process with request logging at its most verbose; afterwards every byte it left behind is searched.
 */

/** Every file under `dir`, recursively, with its bytes. */
async function filesUnder(dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => {
      const name = path.join(e.parentPath ?? e.path, e.name);
      return { name: path.relative(dir, name), bytes: await fs.readFile(name) };
    }),
  );
}

/** Every row of every table of the test schema, as JSON text (PostgreSQL). */
async function postgresRows(databaseUrl: string): Promise<Buffer> {
  const schema = /search_path=(\w+)/.exec(decodeURIComponent(new URL(databaseUrl).searchParams.get('options') ?? ''))?.[1];
  assert(schema, `no schema in ${databaseUrl}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`, [schema]);
    assert.ok(tables.rows.length >= 10, `only ${tables.rows.length} tables in ${schema}`);
    const rows: string[] = [];
    for (const { table_name } of tables.rows) {
      const result = await client.query<{ row: string }>(`select row_to_json(t)::text as row from "${schema}"."${table_name}" t`);
      rows.push(...result.rows.map((r) => `${table_name}: ${r.row}`));
    }
    return Buffer.from(rows.join('\n'));
  } finally {
    await client.end();
  }
}

/** The forms a secret could be written in: as is, percent-encoded, base64 and base64url of its text. */
function encodings(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [...new Set([secret, encodeURIComponent(secret), b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')])];
}

function occurrences(haystack: Buffer, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

describe('S2 secrets are never stored or logged as they are', () => {
  let data: TestData;
  let smtp: TestSmtp;
  let serve: ServeProcess | null = null;
  const secrets: Record<string, string> = {};
  /** What the data directory held while the server ran (the SQLite WAL is folded into the main file at close). */
  let whileRunning: { name: string; bytes: Buffer }[] = [];

  before(async () => {
    data = await createTestData('kp-secrets-');
    smtp = await startTestSmtp();
    const created = await runCli(['accounts', 'create', '--name', 'Geheim BV', '--json'], data.env);
    assert.equal(created.code, 0, created.stderr);
    const { account, apiKey } = JSON.parse(created.stdout) as { account: { id: string }; apiKey: string };
    secrets['API key'] = apiKey;
    secrets['API key secret'] = apiKey.slice('kp_live_'.length);

    serve = await startServeProcess({ ...data.env, SMTP_URL: smtp.url, MAIL_POLL_MS: '20', LOG_LEVEL: 'trace' });
    const shop = accountClient(serve.url, account.id, apiKey);
    const customer = await shop.createCustomer({ primaryEmail: 'geheim@example.com' });
    const res = await shop.createInvoice(validInvoice(customer.id, { invoiceNumber: 'G-1', sendNotification: 'true' }), samplePdf('geheim'));
    assert.equal(res.status, 201, await res.clone().text());
    const invoice = (await res.json()) as { id: string };
    for (const pathname of [`/v1/customer-invoices/${invoice.id}`, `/v1/customer-invoices/${invoice.id}/pdf`, '/v1/customer-invoices', '/v1/customers?primaryEmail=geheim%40example.com']) {
      const read = await shop.request(pathname);
      assert.equal(read.status, 200, pathname);
      await read.arrayBuffer();
    }

    // A download link is a bearer secret as well: followed (on the server's own address), never logged or stored.
    const cloudFile = (await (await shop.request(`/v1/customer-invoices/${invoice.id}/pdf`)).json()) as { link: string };
    const downloadPath = new URL(cloudFile.link).pathname;
    secrets['download-link token'] = downloadPath.split('/').pop() ?? '';
    assert.equal((await fetch(serve.url + downloadPath)).status, 200);

    const [notification] = await smtp.waitForDelivered((all) => all.some((m) => /\/portal\/i\//.test(String(m.parsed.text))));
    const invoiceLink = String(notification?.parsed.text).match(/https?:\/\/\S+\/portal\/i\/([A-Za-z0-9_-]+)/);
    assert(invoiceLink?.[1], 'an invoice link in the notification');
    secrets['invoice-link token'] = invoiceLink[1];

    const browser = new Browser(serve.url);
    const link = new URL(await requestLink(browser, smtp, account.id, 'geheim@example.com'));
    secrets['sign-in token'] = link.pathname.split('/').pop() ?? '';
    assert.equal((await browser.page(link.pathname)).status, 200);
    const signedIn = await browser.submit(link.pathname, link.pathname);
    assert.equal(signedIn.status, 303, text(signedIn));
    secrets['session cookie'] = browser.cookies.get('kp_session') ?? '';
    assert.ok(secrets['session cookie'].length >= 32, 'a session cookie was set');
    assert.equal((await browser.page(`/portal/invoices/${invoice.id}`)).status, 200);
    assert.equal((await browser.request(`/portal/invoices/${invoice.id}/pdf?download=1`)).status, 200);

    const stranger = new Browser(serve.url);
    assert.equal((await stranger.page(`/portal/i/${secrets['invoice-link token']}`)).status, 200);
    assert.equal((await stranger.request(`/portal/i/${secrets['invoice-link token']}/pdf`)).status, 200);
    // A bad key and a bad cookie go through the log too.
    assert.equal((await fetch(`${serve.url}/v1/customers`, { headers: { authorization: `Bearer ${apiKey}x` } })).status, 401);
    assert.equal((await stranger.request('/portal/invoices', { headers: { cookie: `kp_session=${secrets['session cookie']}x` } })).status, 401);

    whileRunning = await filesUnder(data.dir);
  });

  after(async () => {
    await serve?.stop();
    await smtp?.stop();
    await data?.cleanup();
  });

  it('0 occurrences in the database, every file under the data directory, and the server log', async () => {
    const log = Buffer.from(`${serve?.output() ?? ''}\n${serve?.errors() ?? ''}`);
    assert.equal(await serve?.stop(), 0, 'the server stops cleanly');
    const places: { name: string; bytes: Buffer }[] = [
      ...whileRunning.map((f) => ({ name: `${f.name} (while running)`, bytes: f.bytes })),
      ...(await filesUnder(data.dir)).map((f) => ({ name: `${f.name} (after stop)`, bytes: f.bytes })),
      { name: 'server stdout+stderr', bytes: log },
    ];
    if (data.env.DATABASE_URL) places.push({ name: 'PostgreSQL rows', bytes: await postgresRows(data.env.DATABASE_URL) });

    // The scan sees what was written: the log has the requests, the database the customer.
    assert.match(log.toString(), /"url":"\/v1\/customer-invoices/, 'requests are logged');
    assert.match(log.toString(), /"url":"\/portal\/i\/\[redacted\]\/pdf"/, 'invoice-link requests are logged, without the token');
    assert.match(log.toString(), /"url":"\/portal\/link\/\[redacted\]"/, 'sign-in-link requests are logged, without the token');
    assert.match(log.toString(), /"url":"\/v1\/downloads\/\[redacted\]"/, 'download-link requests are logged, without the token');
    assert.match(log.toString(), /"authorization":"\[redacted\]"/, 'trace-level logs hold headers, censored');
    const database = places.filter((p) => /klantportaal\.sqlite|PostgreSQL/.test(p.name));
    assert.ok(database.some((p) => p.bytes.includes('geheim@example.com')), `customer data in ${database.map((p) => p.name).join(', ')}`);

    const found: Record<string, number> = {};
    const where: string[] = [];
    for (const [label, secret] of Object.entries(secrets)) {
      found[label] = 0;
      for (const place of places) {
        for (const form of encodings(secret)) {
          const n = occurrences(place.bytes, form);
          if (n > 0) where.push(`${label} (${form === secret ? 'raw' : 'encoded'}) ×${n} in ${place.name}`);
          found[label] += n;
        }
      }
    }
    report('S2 secrets at rest and in logs', { places: places.length, bytesScanned: places.reduce((n, p) => n + p.bytes.length, 0), logLines: log.toString().split('\n').length, found });
    assert.deepEqual(where, []);
  });
});
