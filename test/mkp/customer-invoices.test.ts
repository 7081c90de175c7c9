/**
 * MijnKlantportaal compatibility, reference 3.1 (Customer Invoices): every request the pages show, sent as
 * written (host, ids and the impossible example dates replaced), and every documented response field checked.
 * `POST /customer-invoices/manual`: the page's JSON example sent as written (only the customer id replaced).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, tempDir, type TestAccount, type TestServer } from '../helpers/server.js';
import { withInvoiceDetails } from '../helpers/manual.js';
import {
  INVOICE_FIELDS,
  assertRecent,
  checkTwoPages,
  cloudFile,
  createCustomer,
  customerInvoice,
  documented,
  examplePdf,
  expectCreated,
  expectJson,
  publishedInvoiceForm,
  PUBLISHED_CURL,
  type Json,
} from './mkp.js';

const run = promisify(execFile);


let server: TestServer;
let workDir: string;

before(async () => {
  server = await startTestServer();
  workDir = await tempDir('kp-mkp-curl-');
});

after(async () => {
  await server?.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

function createInvoice(account: TestAccount, form: FormData): Promise<Response> {
  return account.request('/v1/customer-invoices', { method: 'POST', body: form });
}

/** The values the published form sends, as the response must show them (paidAt in Europe/Amsterdam, CEST). */
function assertPublishedValues(invoice: Json, customerId: string): void {
  assert.equal(invoice.customerId, customerId);
  assert.equal(invoice.invoiceNumber, '2014-001');
  assert.equal(invoice.issuedAt, '2024-04-30');
  assert.equal(invoice.currency, 'EUR');
  assert.equal(invoice.amount, '12.95');
  assert.equal(invoice.paidAt, '2024-05-11T12:59:00+02:00');
  assert.deepEqual((invoice.links as Json).customer, { href: `${server.url}/v1/customers/${customerId}`, type: 'application/json' });
}

async function curl(command: string): Promise<{ status: number; text: string }> {
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error --write-out '\\n%{http_code}'`], { cwd: workDir });
  const lines = stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  return { status, text: lines.join('\n') };
}

describe('MKP 3.1 POST /customer-invoices (multipart, as the create page shows it)', () => {
  it('creates the invoice from the page form with sendNotification=true and paidAt: 201 and every documented field', async () => {
    const account = await server.account();
    const cst = String((await createCustomer(account)).id);
    const since = Temporal.Now.instant();
    const invoice = await expectCreated(await createInvoice(account, publishedInvoiceForm(cst)), '/v1/customer-invoices', customerInvoice, 'created invoice');
    assertPublishedValues(invoice, cst);
    assertRecent(invoice.createdAt, since, 'createdAt');
  });

  it('answers the page\'s impossible issuedAt=2024-04-31 with a 422 naming issuedAt', async () => {
    const account = await server.account();
    const cst = String((await createCustomer(account)).id);
    const problem = await expectProblem(await createInvoice(account, publishedInvoiceForm(cst, { issuedAt: '2024-04-31' })), 422, ['issuedAt']);
    assert.match(fieldMessage(problem, 'issuedAt'), /not a valid calendar date/);
  });

  it('accepts the page\'s curl command run by curl itself (host, token, customer id and date replaced)', async () => {
    const account = await server.account();
    const cst = String((await createCustomer(account)).id);
    const pdf = examplePdf('curl');
    await fs.writeFile(path.join(workDir, 'example-file'), pdf);
    const command = PUBLISHED_CURL.replace('https://api.mijnklantportaal.nl', server.url)
      .replace('<token>', account.apiKey)
      .replace('cst_abc12345def678', cst)
      .replace('issuedAt=2024-04-31', 'issuedAt=2024-04-30');
    const since = Temporal.Now.instant();
    const { status, text } = await curl(command);
    assert.equal(status, 201, text);
    const invoice = JSON.parse(text) as unknown;
    customerInvoice(invoice, 'curl-created invoice');
    assertPublishedValues(invoice as Json, cst);
    assertRecent((invoice as Json).createdAt, since, 'createdAt');
  });

  it('answers the page\'s curl command verbatim (only host and token replaced) with a 422 naming customerId and issuedAt', async () => {
    const account = await server.account();
    await fs.writeFile(path.join(workDir, 'example-file'), examplePdf('verbatim'));
    const command = PUBLISHED_CURL.replace('https://api.mijnklantportaal.nl', server.url).replace('<token>', account.apiKey);
    const { status, text } = await curl(command);
    assert.equal(status, 422, text);
    const errors = (JSON.parse(text) as { errors: { field: string; message: string }[] }).errors;
    assert.deepEqual(errors.map((e) => e.field).sort(), ['customerId', 'issuedAt']);
    assert.match(errors.find((e) => e.field === 'issuedAt')?.message ?? '', /not a valid calendar date/);
  });
});

describe('MKP 3.1 GET and PATCH /customer-invoices/{invoiceId}, GET …/pdf', () => {
  let account: TestAccount;
  let cst: string;
  let paid: Json;
  let open: Json;
  const pdf = examplePdf('download');

  before(async () => {
    account = await server.account();
    cst = String((await createCustomer(account)).id);
    paid = await expectCreated(await createInvoice(account, publishedInvoiceForm(cst, {}, pdf)), '/v1/customer-invoices', customerInvoice, 'paid invoice');
    open = await expectCreated(
      await createInvoice(account, publishedInvoiceForm(cst, { invoiceNumber: '2024-001', issuedAt: '2024-04-29', paidAt: null, sendNotification: null })),
      '/v1/customer-invoices',
      customerInvoice,
      'open invoice',
    );
    assert.equal(open.paidAt, null, 'an invoice created without paidAt is unpaid: paidAt null');
  });

  it('GET returns the invoice with every documented field, as created', async () => {
    for (const invoice of [paid, open]) {
      const got = await expectJson(await account.request(`/v1/customer-invoices/${String(invoice.id)}`), 200);
      customerInvoice(got, 'GET invoice');
      assert.deepEqual(documented(got as Json, INVOICE_FIELDS), documented(invoice, INVOICE_FIELDS));
      assert.deepEqual(((got as Json).links as Json).customer, (invoice.links as Json).customer);
    }
  });

  it('GET of the example id inv_abc12345def678 is 404, as documented', async () => {
    await expectProblem(await account.request('/v1/customer-invoices/inv_abc12345def678'), 404);
  });

  it('PATCH with the page\'s impossible {"paidAt": "2024-04-31 14:00:00"} is a 422 naming paidAt, and changes nothing', async () => {
    await expectProblem(await account.json('PATCH', `/v1/customer-invoices/${String(open.id)}`, { paidAt: '2024-04-31 14:00:00' }), 422, ['paidAt']);
    const got = (await expectJson(await account.request(`/v1/customer-invoices/${String(open.id)}`), 200)) as Json;
    assert.equal(got.paidAt, null);
  });

  it('PATCH {"paidAt": "2024-04-30 14:00:00"} marks it paid: 200, the invoice with paidAt in ATOM', async () => {
    const marked = await expectJson(await account.json('PATCH', `/v1/customer-invoices/${String(open.id)}`, { paidAt: '2024-04-30 14:00:00' }), 200);
    customerInvoice(marked, 'PATCHed invoice');
    assert.equal((marked as Json).paidAt, '2024-04-30T14:00:00+02:00');
    assert.deepEqual(documented(marked as Json, INVOICE_FIELDS), { ...documented(open, INVOICE_FIELDS), paidAt: '2024-04-30T14:00:00+02:00' });
  });

  it('GET …/pdf answers a cloud file {link, expiresAt} whether the client accepts anything or asks for JSON', async () => {
    for (const accept of ['*/*', 'application/json']) {
      const file = await expectJson(await account.request(`/v1/customer-invoices/${String(paid.id)}/pdf`, { headers: { accept } }), 200);
      cloudFile(file, `cloud file (Accept: ${accept})`);
    }
  });

  it('GET …/pdf: the link expires within 5 minutes and serves the PDF without the API key', async () => {
    const res = await account.request(`/v1/customer-invoices/${String(paid.id)}/pdf`);
    const file = (await expectJson(res, 200)) as Json;
    cloudFile(file, 'cloud file');
    const expiresAt = Temporal.Instant.from(file.expiresAt as string);
    const now = Temporal.Now.instant();
    assert.ok(Temporal.Instant.compare(expiresAt, now) > 0, 'expiresAt is in the future');
    assert.ok(Temporal.Instant.compare(expiresAt, now.add({ minutes: 5, seconds: 1 })) <= 0, 'the link lives at most 5 minutes');
    assert.equal(String(file.link).includes(account.apiKey), false, 'the link does not carry the API key');

    const download = await fetch(String(file.link));
    assert.equal(download.status, 200, await download.clone().text());
    const bytes = new Uint8Array(await download.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.deepEqual(bytes, pdf, 'the link serves this invoice\'s PDF');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('MKP 3.1 GET /customer-invoices (paginated)', () => {
  it('lists 16 invoices on two pages of the documented envelope; ?page=2 as the examples write it', async () => {
    const account = await server.account();
    const cst = String((await createCustomer(account)).id);
    const ids: string[] = [];
    for (let i = 1; i <= 16; i++) {
      const form = publishedInvoiceForm(cst, { invoiceNumber: `2024-${String(i).padStart(3, '0')}`, sendNotification: null });
      ids.push(String((await expectCreated(await createInvoice(account, form), '/v1/customer-invoices', customerInvoice, `invoice ${i}`)).id));
    }
    await checkTwoPages(account, server.url, '/v1/customer-invoices', ids, customerInvoice);
  });
});

describe('MKP 3.1 POST /customer-invoices/manual (JSON, as the page shows it)', () => {
  /** The page's example body, word for word, with our customer's id. */
  const published = (customerId: string) => `{
  "customerId": "${customerId}",
  "invoiceNumber": "2015-001",
  "issuedAt": "2025-04-14",
  "sendNotification": true,
  "lines": [
    {
      "description": "Website template",
      "amountExclVat": "12.95",
      "vatRate": 21
    }
  ]
}`;

  it('creates the invoice from the example: 201, every documented field, amount "15.67" (12.95 + 21 % VAT)', async () => {
    const account = await server.account('MKP manual');
    await withInvoiceDetails(account);
    const customerId = String((await createCustomer(account)).id);
    const since = Temporal.Now.instant();
    const res = await account.request('/v1/customer-invoices/manual', { method: 'POST', body: published(customerId), headers: { 'content-type': 'application/json' } });
    const invoice = await expectCreated(res, '/v1/customer-invoices', customerInvoice, 'manual invoice');
    assert.equal(invoice.customerId, customerId);
    assert.equal(invoice.invoiceNumber, '2015-001');
    assert.equal(invoice.issuedAt, '2025-04-14');
    assert.equal(invoice.currency, 'EUR');
    assert.equal(invoice.amount, '15.67');
    assert.equal(invoice.paidAt, null);
    assertRecent(invoice.createdAt, since, 'createdAt');
    const got = await expectJson(await account.request(`/v1/customer-invoices/${String(invoice.id)}`), 200);
    customerInvoice(got, 'GET manual invoice');
    assert.deepEqual(documented(got as Json, INVOICE_FIELDS), documented(invoice, INVOICE_FIELDS));
  });
});
