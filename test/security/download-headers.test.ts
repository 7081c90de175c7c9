import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import contentDisposition from 'content-disposition';
import fc from 'fast-check';
import { report, size } from '../helpers/hostile.js';
import { Browser, signIn } from '../helpers/portal.js';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * S6 (RELIABILITY.md §3): whatever invoice number the API accepts (API.md: trimmed, 1–64 characters, no control
 * characters), every download of its PDF — the cloud-file link, the API's `Accept: application/pdf` and the
 * portal's — carries a Content-Disposition that a real
 * parser reads back as exactly that name, with nothing that could split or break the header, and the headers
 * that keep a browser from running or caching the file.
 */

const COUNT = size('S6_INVOICE_NUMBERS', 40, 1000);
// C0 and C1 control characters and DEL: what the API refuses in an invoice number.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Pieces people and attackers put in names and headers, at and beyond the edges of what the header may carry. */
const PIECES = [
  '"', "'", ';', '%', '\\', '/', '=', ',', ' ', '*', '(', ')', '<', '>', '?', '&', '#', '`', '|', '~', '^',
  '%22', '%0D%0A', '%00', '%2F..%2F', '..', '../', 'filename=', 'filename*=', "UTF-8''", '; x=', '\\"',
  '\u202e', '\u200f', '\u200b', '\u00a0', '\ufeff', '\u2028', 'é', 'e\u0301', 'ß', 'ĳ', '€', '中文', 'ل', '😀', '👩‍👩‍👧', '🇳🇱',
  'A', 'z', '0', '9', '.', '-', '_', 'Factuur ', '2024-001',
];
const fromPieces = (min: number, max: number) => fc.array(fc.constantFrom(...PIECES), { minLength: min, maxLength: max }).map((parts) => parts.join(''));
const invoiceNumber = fc
  .oneof(
    fromPieces(1, 24),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
    // Exactly 64 code points, astral ones among them (128 UTF-16 units).
    fc.array(fc.constantFrom('😀', 'é', '"', '%', '\\', ';', 'a', '中'), { minLength: 64, maxLength: 64 }).map((a) => a.join('')),
    // Whitespace around the number is trimmed off, not part of the name.
    fromPieces(1, 10).map((s) => `  ${s}\u00a0`),
  )
  .filter((raw) => {
    const value = raw.trim();
    return value.length > 0 && [...value].length <= 64 && !CONTROL.test(value) && !LONE_SURROGATE.test(value);
  });

/** The name the user should get: the number as stored, with the path separators a file system refuses made `_`. */
const expectedName = (number: string) => `${number.trim().replace(/[/\\]/g, '_')}.pdf`;

/** RFC 6266 with an ASCII quoted fallback free of quotes and backslashes, and an RFC 8187 ext-value of attr-chars. */
const SHAPE = /^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/;

function checkDownload(where: string, headers: { get(name: string): string | null }, number: string): void {
  const disposition = headers.get('content-disposition') ?? '';
  assert.doesNotMatch(disposition, /[\r\n]/, `${where}: CR or LF in ${JSON.stringify(disposition)}`);
  assert.match(disposition, SHAPE, `${where}: ${JSON.stringify(disposition)}`);
  const parsed = contentDisposition.parse(disposition);
  assert.equal(parsed.type, 'attachment', where);
  assert.equal(parsed.parameters.filename, expectedName(number), `${where}: ${JSON.stringify(disposition)} for ${JSON.stringify(number)}`);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', where);
  assert.ok((headers.get('cache-control') ?? '').split(/,\s*/).includes('no-store'), `${where}: cache-control ${headers.get('cache-control')}`);
  assert.ok((headers.get('content-security-policy') ?? '').split(/;\s*/).includes('sandbox'), `${where}: CSP ${headers.get('content-security-policy')}`);
  assert.equal(headers.get('content-type'), 'application/pdf', where);
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

describe('S6 download headers', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;
  let browser: Browser;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Downloads BV');
    customerId = (await shop.createCustomer({ primaryEmail: 'download@example.com' })).id;
    browser = new Browser(server.url);
    await signIn(browser, smtp, shop.id, 'download@example.com');
  });
  after(async () => {
    await server?.close();
    await smtp?.stop();
  });

  it(`${COUNT} generated invoice numbers: all three downloads parse back to the exact name, with nosniff, no-store and a sandbox`, async () => {
    // Unique after trimming: the number is unique within the account.
    const numbers = fc.sample(fc.uniqueArray(invoiceNumber, { minLength: COUNT, maxLength: COUNT, selector: (s) => s.trim() }), { numRuns: 1, seed: Number(process.env.S6_SEED ?? Date.now() % 2 ** 31) })[0] ?? [];
    assert.equal(numbers.length, COUNT);
    const pdf = samplePdf('s6', 600);
    let checked = 0;
    await pool(numbers, 6, async (number) => {
      const res = await shop.createInvoice(validInvoice(customerId, { invoiceNumber: number }), pdf);
      const body = (await res.json()) as { id: string; invoiceNumber: string };
      assert.equal(res.status, 201, `${JSON.stringify(number)} is within the rules: ${JSON.stringify(body)}`);
      assert.equal(body.invoiceNumber, number.trim());

      // The cloud-file link, followed without credentials, and the bytes asked for directly (Accept: application/pdf).
      const api = await shop.downloadPdf(body.id);
      assert.equal(api.status, 200);
      checkDownload(`download link of ${JSON.stringify(number)}`, api.headers, number);
      assert.deepEqual(new Uint8Array(await api.arrayBuffer()), pdf);
      const direct = await shop.request(`/v1/customer-invoices/${body.id}/pdf`, { headers: { accept: 'application/pdf' } });
      assert.equal(direct.status, 200);
      checkDownload(`API download of ${JSON.stringify(number)}`, direct.headers, number);
      assert.deepEqual(new Uint8Array(await direct.arrayBuffer()), pdf);

      const portal = await browser.request(`/portal/invoices/${body.id}/pdf?download=1`);
      assert.equal(portal.status, 200);
      checkDownload(`portal download of ${JSON.stringify(number)}`, new Headers(Object.entries(portal.headers).map(([k, v]) => [k, String(v)])), number);
      checked += 1;
    });
    assert.equal(checked, COUNT);
    report('S6 download headers', { invoiceNumbers: COUNT, downloadsChecked: checked * 3, maxCodePoints: Math.max(...numbers.map((n) => [...n.trim()].length)) });
  });
});
