import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import contentDisposition from 'content-disposition';
import { manualClock } from '../helpers/clock.js';
import { expectProblem } from '../helpers/problem.js';
import { startS3Server, type S3Server } from '../helpers/s3.js';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { missingId } from '../helpers/tenants.js';

/**
 * Cloud-file links (API.md "Downloads", reference 2.9): `GET …/{id}/pdf` answers `{link, expiresAt}`; the link needs
 * no API key, serves that one PDF with the download headers, and stops working 5 minutes after it was issued.
 * Time is the app's injected clock, moved by the test; on local files and on S3 (s3rver), on the run's database.
 */

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// A whole second, so "4:59 later" and "5:00 later" are exact.
const START = Date.parse('2026-03-02T10:00:00Z');
const MINUTE = 60_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface CloudFile {
  link: string;
  expiresAt: string;
}

/** What a 404 says once the per-request parts are set aside: every dead link must look exactly alike. */
async function deadLink(res: Response): Promise<string> {
  const problem = await expectProblem(res, 404);
  assert.equal(res.headers.get('www-authenticate'), null, 'a link is not an API-key route: no 401 challenge');
  return JSON.stringify(problem);
}

for (const store of ['files', 's3'] as const) {
  describe(`cloud-file download links (${store})`, () => {
    const clock = manualClock(START);
    let s3: S3Server | null = null;
    let server: TestServer;
    let shop: TestAccount;
    let other: TestAccount;
    let customerId: string;
    let unknown: string;
    const invoices: { id: string; number: string; pdf: Uint8Array }[] = [];

    const linkOf = async (account: TestAccount, id: string): Promise<CloudFile> => {
      const res = await account.request(`/v1/customer-invoices/${id}/pdf`);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as CloudFile;
    };
    /** The link fetched the way a browser or an integration follows it: a plain GET, no credentials. */
    const follow = (link: string) => fetch(link);
    const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
    const withToken = (token: string) => `${server.url}/v1/downloads/${token}`;

    before(async () => {
      if (store === 's3') s3 = await startS3Server();
      server = await startTestServer(s3?.env ?? {}, { clock });
      shop = await server.account('Links BV');
      other = await server.account('Anders BV', 'America/New_York');
      customerId = (await shop.createCustomer()).id;
      for (const number of ['F-2026-001', 'Factuur “één” / 2']) {
        const pdf = samplePdf(`links-${store}-${number}`);
        const res = await shop.createInvoice(validInvoice(customerId, { invoiceNumber: number }), pdf);
        assert.equal(res.status, 201, await res.clone().text());
        invoices.push({ id: ((await res.json()) as { id: string }).id, number, pdf });
      }
      unknown = await deadLink(await fetch(withToken('not-a-link')));
    });
    after(async () => {
      try {
        await server?.close();
      } finally {
        await s3?.close();
      }
    });

    it('happy: the API answers the published cloud-file JSON, expiresAt 5 minutes on in the account’s zone', async () => {
      clock.set(START);
      const [a] = invoices;
      assert(a);
      const res = await shop.request(`/v1/customer-invoices/${a.id}/pdf`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const body = (await res.json()) as CloudFile;
      assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'link']);
      assert.equal(body.expiresAt, '2026-03-02T11:05:00+01:00');
      assert.ok(body.link.startsWith(`${server.url}/v1/downloads/`), body.link);
      assert.match(tokenOf(body.link), /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'base64url, with a 256-bit signature');
      // The link does not carry the API key, the account or the invoice id in readable form.
      for (const secret of [shop.apiKey, shop.id, a.id]) assert.ok(!body.link.includes(secret), `link shows ${secret}`);

      // Another account's zone: the same instant, written in New York time.
      const theirs = await other.createCustomer();
      const created = await other.createInvoice(validInvoice(theirs.id), samplePdf(`ny-${store}`));
      assert.equal(created.status, 201);
      const link = await linkOf(other, ((await created.json()) as { id: string }).id);
      assert.equal(link.expiresAt, '2026-03-02T05:05:00-05:00');
    });

    it('happy: the link, followed without any credentials, gives the exact bytes with the download headers', async () => {
      clock.set(START);
      for (const invoice of invoices) {
        const res = await follow((await linkOf(shop, invoice.id)).link);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'application/pdf');
        const disposition = contentDisposition.parse(res.headers.get('content-disposition') ?? '');
        assert.equal(disposition.type, 'attachment');
        assert.equal(disposition.parameters.filename, `${invoice.number.replaceAll('/', '_')}.pdf`);
        assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(res.headers.get('content-security-policy'), "sandbox; default-src 'none'");
        assert.equal(res.headers.get('cache-control'), 'private, no-store');
        assert.equal(res.headers.get('etag'), `"${sha256(invoice.pdf)}"`);
        assert.equal(res.headers.get('content-length'), String(invoice.pdf.length));
        assert.ok(res.headers.get('x-request-id'));
        assert.deepEqual(new Uint8Array(await res.arrayBuffer()), invoice.pdf);
      }
      // The link never looks at an Authorization header: a wrong key beside it changes nothing.
      const [a] = invoices;
      assert(a);
      const withBadKey = await fetch((await linkOf(shop, a.id)).link, { headers: { authorization: 'Bearer kp_live_nonsense' } });
      assert.equal(withBadKey.status, 200);
      assert.deepEqual(new Uint8Array(await withBadKey.arrayBuffer()), a.pdf);
    });

    it('security: a link works at 4:59 and not at 5:00 or 5:01 (injected clock); the 404 is that of an unknown link', async () => {
      const [a] = invoices;
      assert(a);
      clock.set(START);
      const { link } = await linkOf(shop, a.id);
      clock.set(START + 4 * MINUTE + 59_000);
      assert.equal((await follow(link)).status, 200);
      clock.set(START + 5 * MINUTE - 1);
      assert.equal((await follow(link)).status, 200);
      for (const late of [5 * MINUTE, 5 * MINUTE + 1_000, 24 * 60 * MINUTE]) {
        clock.set(START + late);
        assert.equal(await deadLink(await follow(link)), unknown, `${late / 1000} s after issue`);
      }
      // A link issued in the middle of a second expires at the whole second shown in expiresAt, never after it.
      clock.set(START + 700);
      const midSecond = await linkOf(shop, a.id);
      assert.equal(midSecond.expiresAt, '2026-03-02T11:05:00+01:00');
      clock.set(Date.parse(midSecond.expiresAt));
      assert.equal(await deadLink(await follow(midSecond.link)), unknown);
      // Asking again gives a fresh link that works.
      const fresh = await linkOf(shop, a.id);
      assert.equal(fresh.expiresAt, '2026-03-02T11:10:00+01:00');
      assert.equal((await follow(fresh.link)).status, 200);
    });

    it('security: no part of invoice A’s link can be swapped for invoice B’s, and any changed character is a 404', async () => {
      clock.set(START);
      const [a, b] = invoices;
      assert(a && b);
      const [payloadA = '', macA = ''] = tokenOf((await linkOf(shop, a.id)).link).split('.');
      const [payloadB = '', macB = ''] = tokenOf((await linkOf(shop, b.id)).link).split('.');
      // B's payload under A's signature and the reverse.
      for (const token of [`${payloadB}.${macA}`, `${payloadA}.${macB}`]) assert.equal(await deadLink(await follow(withToken(token))), unknown, token);
      // A's payload with each visible field replaced by B's (the stored object, the name) or made longer-lived.
      const fieldsA = JSON.parse(Buffer.from(payloadA, 'base64url').toString('utf8')) as unknown[];
      const swaps: unknown[][] = [
        fieldsA.map((v, i) => (i === 1 ? sha256(b.pdf) : v)),
        fieldsA.map((v, i) => (i === 2 ? b.number : v)),
        fieldsA.map((v, i) => (i === 4 ? 'text/html' : v)),
        fieldsA.map((v, i) => (i === 5 ? Number(v) + 3600 : v)),
      ];
      for (const fields of swaps) {
        const forged = `${Buffer.from(JSON.stringify(fields)).toString('base64url')}.${macA}`;
        assert.equal(await deadLink(await follow(withToken(forged))), unknown, JSON.stringify(fields));
      }
      // Every single character changed, the signature's last one included (base64url spells a byte several ways).
      const token = `${payloadA}.${macA}`;
      for (let i = 0; i < token.length; i++) {
        const char = token[i] ?? '';
        const replacement = char === '.' ? '_' : (ALPHABET[(ALPHABET.indexOf(char) + 1) % ALPHABET.length] ?? 'A');
        const tampered = token.slice(0, i) + replacement + token.slice(i + 1);
        assert.equal(await deadLink(await follow(withToken(tampered))), unknown, `character ${i} changed`);
      }
      for (const broken of [payloadA, `${token}.x`, `${token}A`, token.slice(0, -1), '.', encodeURIComponent('../../pdfs'), 'x'.repeat(900)]) {
        assert.equal(await deadLink(await follow(withToken(broken))), unknown, broken);
      }
      // A's untouched link still works.
      assert.equal((await follow(withToken(token))).status, 200);
    });

    it('security: another account gets the 404 of a missing id, never a link to someone else’s PDF', async () => {
      const [a] = invoices;
      assert(a);
      const foreign = await expectProblem(await other.request(`/v1/customer-invoices/${a.id}/pdf`), 404);
      const missing = missingId(a.id);
      const absent = await expectProblem(await other.request(`/v1/customer-invoices/${missing}/pdf`), 404);
      assert.equal(foreign.detail.replace(a.id, '{id}'), absent.detail.replace(missing, '{id}'));
      await expectProblem(await other.request(`/v1/customer-invoices/${a.id}/pdf`, { headers: { accept: 'application/pdf' } }), 404);
      // No API key at all: the API route still wants one.
      assert.equal((await fetch(`${server.url}/v1/customer-invoices/${a.id}/pdf`)).status, 401);
    });

    it('extension: Accept: application/pdf streams the PDF from the API route with the same headers', async () => {
      const [a] = invoices;
      assert(a);
      const res = await shop.request(`/v1/customer-invoices/${a.id}/pdf`, { headers: { accept: 'application/pdf' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.equal(res.headers.get('etag'), `"${sha256(a.pdf)}"`);
      assert.equal(res.headers.get('content-security-policy'), "sandbox; default-src 'none'");
      assert.equal(contentDisposition.parse(res.headers.get('content-disposition') ?? '').parameters.filename, `${a.number}.pdf`);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), a.pdf);
      // What curl and browsers send by default, JSON preferred, or PDF refused: the published JSON.
      for (const accept of ['*/*', 'application/json', 'application/json, application/pdf;q=0.5', 'application/pdf;q=0', 'application/*']) {
        const json = await shop.request(`/v1/customer-invoices/${a.id}/pdf`, { headers: { accept } });
        assert.equal(json.status, 200);
        assert.match(json.headers.get('content-type') ?? '', /^application\/json/, accept);
        assert.deepEqual(Object.keys((await json.json()) as object).sort(), ['expiresAt', 'link'], accept);
      }
    });

    it('a link to a PDF that was deleted meanwhile is the 404 of an unknown link', async () => {
      clock.set(START);
      const pdf = samplePdf(`gone-${store}`);
      const created = await shop.createInvoice(validInvoice(customerId), pdf);
      assert.equal(created.status, 201);
      const { id } = (await created.json()) as { id: string };
      const { link } = await linkOf(shop, id);
      assert.equal((await shop.request(`/v1/customer-invoices/${id}`, { method: 'DELETE' })).status, 204);
      assert.equal(await deadLink(await follow(link)), unknown);
    });
  });
}
