import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { report } from '../helpers/hostile.js';
import { expectProblem } from '../helpers/problem.js';
import { samplePdf, startTestServer, tempDir, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

/**
 * S5 (RELIABILITY.md §3, OWASP File Upload Cheat Sheet): the PDF is recognised by its first bytes only — `%PDF-` at
 * byte 0 — whatever it is called or declared to be; the client's file name is never used for storage, so a
 * hostile name creates nothing anywhere: the data directory holds only the database and `<sha256>.pdf` files.
 */

const ascii = (s: string) => Buffer.from(s, 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), ascii('\x00\x10JFIF\x00'), randomBytes(64)]);
const ZIP = Buffer.concat([ascii('PK\x03\x04'), randomBytes(64)]);

/** Contents that are not a PDF by their first bytes: every one is 422 on `pdf`. */
const NOT_PDF: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['1 byte %', ascii('%')],
  ['%PDF without the dash', ascii('%PDF')],
  ['%PDF1.4 without the dash, more after', ascii('%PDF1.4\n1 0 obj\n')],
  ['%pdf- in lower case', ascii('%pdf-1.4\n')],
  ['a UTF-8 BOM before %PDF-', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('%PDF-1.4\n')])],
  ['a space before %PDF-', ascii(' %PDF-1.4\n')],
  ['a newline before %PDF-', ascii('\r\n%PDF-1.4\n')],
  ['a NUL before %PDF-', ascii('\x00%PDF-1.4\n')],
  ['%PDF- in UTF-16LE', Buffer.from('%PDF-1.4\n', 'utf16le')],
  ['PNG named .pdf', PNG],
  ['JPEG', JPEG],
  ['ZIP', ZIP],
  ['HTML with a script', ascii('<!DOCTYPE html><html><script>alert(document.cookie)</script>%PDF-1.4')],
  ['SVG with a script', ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
  ['polyglot: %PDF- at byte 1024', Buffer.concat([PNG, Buffer.alloc(1024 - PNG.length, 0x20), ascii('%PDF-1.4\n%%EOF\n')])],
  ['gzip of a PDF', gzipSync(Buffer.from(samplePdf('gz')))],
  ['PostScript', ascii('%!PS-Adobe-3.0\n')],
  ['a Windows executable', Buffer.concat([ascii('MZ'), randomBytes(64)])],
  ['a shell script', ascii('#!/bin/sh\nrm -rf /\n')],
];

/** File names no server should use: each comes with a real PDF and must change nothing but the stored `<sha>.pdf`. */
const HOSTILE_NAMES: [string, Buffer][] = [
  ['../../etc/passwd', ascii('../../etc/passwd')],
  ['../../../../../../tmp/kp-escape.pdf', ascii('../../../../../../tmp/kp-escape.pdf')],
  ['Windows traversal', ascii('..\\..\\..\\windows\\win.ini')],
  ['absolute path', ascii('/etc/cron.d/kp-evil')],
  ['a / inside', ascii('sub/dir/invoice.pdf')],
  ['a NUL byte', ascii('invoice.pdf\x00.php')],
  ['CR/LF (header injection)', ascii('invoice.pdf\r\nContent-Type: text/html\r\n\r\n<script>x</script>')],
  ['300 characters', ascii(`${'a'.repeat(296)}.pdf`)],
  ['unicode RTL override', Buffer.from('invoice\u202efdp.exe', 'utf8')],
  ['.htaccess', ascii('.htaccess')],
  ['Windows reserved CON', ascii('CON')],
  ['Windows reserved NUL.pdf', ascii('NUL.pdf')],
  ['Windows reserved COM1.pdf', ascii('COM1.pdf')],
  ['trailing dots and spaces', ascii('invoice.pdf. . .')],
  ['double extension', ascii('invoice.pdf.php')],
  ['home directory', ascii('~/.ssh/authorized_keys')],
  ['an empty name', ascii('')],
  ['percent-encoded traversal', ascii('..%2F..%2Fetc%2Fpasswd')],
  ['a quote that ends the parameter', ascii('a.pdf"; name="customerId')],
];

/** Names that must appear nowhere after the run: what a traversal above would have created. */
const ESCAPES = ['passwd', 'kp-escape.pdf', 'win.ini', 'kp-evil', '.htaccess', 'CON', 'authorized_keys', 'invoice.pdf.php'];

/** A multipart body written byte by byte, so the file name reaches the server exactly as given. */
function multipart(fields: Record<string, string>, file: { name: Buffer; rawParam?: string; type: string; bytes: Buffer }): { body: Buffer; type: string } {
  const boundary = `----kp${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const param = file.rawParam ? ascii(file.rawParam) : Buffer.concat([ascii('filename="'), file.name, ascii('"')]);
  parts.push(Buffer.concat([ascii(`--${boundary}\r\nContent-Disposition: form-data; name="pdf"; `), param, ascii(`\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, ascii('\r\n')]));
  parts.push(ascii(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** Every path under `dir`, directories marked with a trailing slash. */
async function tree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)) + (e.isDirectory() ? '/' : '')).sort();
}

describe('S5 hostile upload corpus', () => {
  // The data directory sits three levels down in a sandbox of its own, so a `../..` that escaped it would land
  // where the test can see it, without another test's temp files changing the listing.
  let sandbox: string;
  let dataDir: string;
  let server: TestServer;
  let shop: TestAccount;
  let customerId: string;
  let tmpBefore: string[];

  before(async () => {
    sandbox = await tempDir('kp-s5-');
    dataDir = path.join(sandbox, 'a', 'b', 'data');
    await fs.mkdir(dataDir, { recursive: true });
    tmpBefore = await fs.readdir(os.tmpdir());
    server = await startTestServer({ DATA_DIR: dataDir });
    shop = await server.account('Upload BV');
    customerId = (await shop.createCustomer()).id;
  });
  after(async () => {
    await server?.close();
    await fs.rm(sandbox, { recursive: true, force: true });
  });

  const upload = (file: { name: Buffer; rawParam?: string; type?: string; bytes: Buffer }, number = `S5-${randomBytes(6).toString('hex')}`) => {
    const { body, type } = multipart(validInvoice(customerId, { invoiceNumber: number }), { type: 'application/pdf', ...file });
    return shop.request('/v1/customer-invoices', { method: 'POST', body, headers: { 'content-type': type } });
  };

  it('accepts only %PDF- at byte 0, whatever the name and declared type; stores only <sha256>.pdf; creates nothing elsewhere', async () => {
    const accepted = new Set<string>();
    let rejected = 0;
    for (const [label, bytes] of NOT_PDF) {
      for (const [type, name] of [['application/pdf', 'invoice.pdf'], ['image/png', 'invoice.png']] as const) {
        const res = await upload({ name: ascii(name), type, bytes });
        await expectProblem(res, 422, ['pdf']).catch((error: Error) => assert.fail(`${label} as ${type}: ${error.message}`));
        rejected += 1;
      }
    }
    // The smallest PDF by its signature, declared as anything.
    for (const type of ['application/pdf', 'text/html', 'application/octet-stream']) {
      const bytes = ascii(`%PDF-${type}`);
      const res = await upload({ name: ascii('x.html'), type, bytes });
      assert.equal(res.status, 201, `%PDF- declared as ${type}: ${await res.text()}`);
      accepted.add(createHash('sha256').update(bytes).digest('hex'));
    }
    // Hostile names on real PDFs: the upload is judged by its bytes; a name that breaks the part's header may be
    // refused (400 malformed, or 422 when what follows the break is not a PDF), but nothing is written under it.
    const outcomes: Record<string, number> = {};
    const named: [string, { name: Buffer; rawParam?: string }][] = [
      ...HOSTILE_NAMES.map(([label, name]) => [label, { name }] as [string, { name: Buffer }]),
      ['RFC 5987 filename* traversal', { name: Buffer.alloc(0), rawParam: "filename*=UTF-8''..%2F..%2F..%2Fkp-escape.pdf" }],
      ['both filename and filename*', { name: Buffer.alloc(0), rawParam: "filename=\"ok.pdf\"; filename*=UTF-8''%2Fetc%2Fpasswd" }],
    ];
    for (const [label, file] of named) {
      const bytes = Buffer.from(samplePdf(`name ${label}`, 700));
      const res = await upload({ ...file, bytes });
      const text = await res.text();
      outcomes[res.status] = (outcomes[res.status] ?? 0) + 1;
      // A CR/LF in the name ends the part's header early: what follows is the "file", not a PDF (422 on pdf).
      const refusedAsNotPdf = res.status === 422 && JSON.stringify((JSON.parse(text) as { errors?: { field: string }[] }).errors?.map((e) => e.field)) === '["pdf"]';
      assert.ok([201, 400].includes(res.status) || refusedAsNotPdf, `${label}: ${res.status} ${text}`);
      if (res.status === 201) accepted.add(createHash('sha256').update(bytes).digest('hex'));
    }
    // The named ones that were stored come back byte for byte, under our id, never under their name.
    const list = (await (await shop.request('/v1/customer-invoices?per_page=250')).json()) as { data: unknown[] };
    assert.equal(list.data.length, accepted.size);

    const files = await tree(dataDir);
    const stray = files.filter((f) => !/^(klantportaal\.sqlite(-wal|-shm|-journal)?|pdfs\/|pdfs\/[0-9a-f]{64}\.pdf)$/.test(f));
    assert.deepEqual(stray, [], 'only the database and content-addressed PDFs under the data directory');
    const pdfs = files.filter((f) => f.endsWith('.pdf')).map((f) => path.basename(f, '.pdf'));
    assert.deepEqual(pdfs.sort(), [...accepted].sort(), 'exactly one file per accepted PDF');
    assert.deepEqual(await tree(sandbox), ['a/', 'a/b/', 'a/b/data/', ...files.map((f) => `a/b/data/${f}`)].sort(), 'nothing beside the data directory');
    const tmpNew = (await fs.readdir(os.tmpdir())).filter((name) => !tmpBefore.includes(name));
    assert.deepEqual(tmpNew.filter((name) => ESCAPES.includes(name)), [], `new in ${os.tmpdir()}: ${tmpNew.join(', ')}`);
    for (const target of ['/etc/cron.d/kp-evil', path.join(os.homedir(), '.ssh', 'authorized_keys.pdf')]) {
      await assert.rejects(fs.stat(target), `${target} exists`);
    }
    report('S5 upload corpus', { notPdf: NOT_PDF.length, rejected, hostileNames: named.length, outcomes, accepted: accepted.size, filesUnderDataDir: files.length });
  });
});
