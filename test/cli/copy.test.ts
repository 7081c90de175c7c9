import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { COPIED_TABLES, NOT_COPIED_TABLES } from '../../src/cli/copy.js';
import { createTestDatabase, TEST_DIALECT, TEST_POSTGRES_URL, type TestDatabase } from '../helpers/database.js';
import { demoAccount, REPO_ROOT, startServeProcess } from '../helpers/process.js';
import { startS3Server, type S3Server } from '../helpers/s3.js';
import { accountClient, samplePdf, tempDir, validInvoice, type TestAccount } from '../helpers/server.js';

const run = promisify(execFile);
const CLI = `${REPO_ROOT}/bin/klantportaal.js`;

// Source is always SQLite + files and the target PostgreSQL + S3, so this runs once, in the PostgreSQL half.
const skip = TEST_DIALECT === 'postgres' ? false : 'copies SQLite + files into PostgreSQL + S3: runs in the PostgreSQL half';

function send(account: TestAccount, fields: Record<string, string>, pdf: Uint8Array, key?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'invoice.pdf');
  return account.request('/v1/customer-invoices', { method: 'POST', body: form, headers: key ? { 'idempotency-key': key } : {} });
}

describe('klantportaal copy: SQLite + files onto PostgreSQL + S3', { skip }, () => {
  let sourceDir: string;
  let targetDir: string;
  let target: TestDatabase;
  let s3: S3Server;
  let apiKey: string;
  let accountId: string;
  const shared = samplePdf('shared-by-two', 40_000);
  let listing: unknown;
  let keyed: { fields: Record<string, string>; pdf: Uint8Array; body: string };

  before(async () => {
    sourceDir = await tempDir('kp-copy-src-');
    targetDir = await tempDir('kp-copy-dst-');
    target = await createTestDatabase();
    s3 = await startS3Server();
    // The source: a plain `serve` on SQLite and files, filled through the API.
    const source = await startServeProcess({ DATA_DIR: sourceDir, LOG_LEVEL: 'warn', MAIL_POLL_MS: '20' });
    try {
      ({ apiKey, accountId } = await demoAccount(source));
      const shop = accountClient(source.url, accountId, apiKey);
      const anna = (await shop.createCustomer({ companyName: 'Anna', primaryEmail: 'anna@example.com', integrationId: 'DEB-1' })).id;
      for (const [i, pdf] of [shared, shared, samplePdf('own')].entries()) {
        const fields = validInvoice(anna, { invoiceNumber: `COPY-${i}`, sendNotification: i === 0 ? 'true' : 'false' });
        assert.equal((await send(shop, fields, pdf)).status, 201);
      }
      const fields = validInvoice(anna, { invoiceNumber: 'COPY-KEYED', paidAt: '2024-05-11 12:59:00' });
      const pdf = samplePdf('keyed');
      const res = await send(shop, fields, pdf, 'copy-key-1');
      assert.equal(res.status, 201);
      keyed = { fields, pdf, body: await res.text() };
      listing = await (await shop.request('/v1/customer-invoices')).json();
    } finally {
      assert.equal(await source.stop(), 0);
    }
  });
  after(async () => {
    await s3?.close();
    await target?.drop();
    await fs.rm(sourceDir, { recursive: true, force: true });
    await fs.rm(targetDir, { recursive: true, force: true });
  });

  const copy = () =>
    run(process.execPath, [CLI, 'copy', '--to-database-url', target.env.DATABASE_URL ?? '', '--to-storage-url', s3.env.STORAGE_URL ?? ''], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...s3.env, STORAGE_URL: '', DATA_DIR: sourceDir, LOG_LEVEL: 'silent' },
    });

  it('copies every row and PDF; the target then serves the same invoices, PDFs, key and idempotent replay', async () => {
    const { stdout } = await copy();
    assert.match(stdout, /PDFs: 3 copied/);
    assert.match(stdout, /customer_invoices: 4 rows/);
    assert.match(stdout, /Copied \d+ rows and 3 PDFs/);
    assert.equal((await s3.keys()).length, 3);

    const served = await startServeProcess({ ...target.env, ...s3.env, DATA_DIR: targetDir, LOG_LEVEL: 'warn', MAIL_POLL_MS: '3600000' });
    try {
      assert.doesNotMatch(served.output(), /Created a demo account/, 'the target is not empty');
      const shop = accountClient(served.url, accountId, apiKey);
      const now = await (await shop.request('/v1/customer-invoices')).json();
      // Links are built from each server's own base URL; everything else is identical.
      const strip = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'BASE')) as unknown;
      assert.deepEqual(strip(now), strip(listing));
      const invoices = (now as { data: Array<{ id: string; invoiceNumber: string }> }).data;
      for (const invoice of invoices.filter((i) => i.invoiceNumber === 'COPY-0' || i.invoiceNumber === 'COPY-1')) {
        const pdf = await shop.downloadPdf(invoice.id);
        assert.equal(pdf.status, 200);
        assert.deepEqual(new Uint8Array(await pdf.arrayBuffer()), shared);
      }
      const replay = await send(shop, keyed.fields, keyed.pdf, 'copy-key-1');
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(strip(JSON.parse(await replay.text())), strip(JSON.parse(keyed.body)));
    } finally {
      assert.equal(await served.stop(), 0);
    }
  });

  it('refuses a target that already holds data, in one line, and changes nothing', async () => {
    const refused = await copy().then(
      () => assert.fail('a second copy into the same database succeeded'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(refused.code, 1);
    // Our one line is the last; the AWS SDK may print its own Node-version notice before it.
    assert.equal(refused.stderr.trimEnd().split('\n').at(-1), 'klantportaal: the target database already holds accounts; copy into an empty database');
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
  });

  it('knows every table the migrations create (a new table must be added to the copy)', async () => {
    const client = new pg.Client({ connectionString: target.env.DATABASE_URL ?? TEST_POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%' order by 1`,
      );
      assert.deepEqual(rows.map((r) => r.table_name), [...COPIED_TABLES.map((t) => t.name), ...NOT_COPIED_TABLES].sort());
    } finally {
      await client.end();
    }
  });
});
