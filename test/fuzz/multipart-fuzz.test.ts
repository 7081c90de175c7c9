import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { report, size } from '../helpers/hostile.js';
import { demoAccount, startServeProcess, type ServeProcess } from '../helpers/process.js';
import { rawExchange } from '../helpers/raw-http.js';
import { createTestData, type TestData } from '../helpers/server.js';

// RELIABILITY.md F2: multipart bodies no client library would produce, over a raw socket, against
// `klantportaal serve`: never a 5xx, never a hang, no temp file left, memory steady.
const cases = size('MULTIPART_CASES', 150, 2000);

const hostileName = fc.constantFrom('pdf', 'PDF', '', 'customerId', 'invoiceNumber', 'amount', 'pdf"; filename="x', 'a\u0000b', 'ü'.repeat(300), 'x'.repeat(5000));
const hostileFilename = fc.constantFrom('invoice.pdf', '../../../etc/passwd', '..\\..\\boot.ini', '/dev/null', 'a\r\nX-Injected: 1', '\u202etxt.pdf', 'x'.repeat(10_000), '', '%00.pdf');
const content = fc.oneof(
  fc.constant(Buffer.from('%PDF-1.4\n% fuzz\n')),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82])), // invalid UTF-8
  fc.constant(Buffer.from('2024-04-30')),
);
const part = fc.record({
  name: fc.option(hostileName, { freq: 6 }),
  filename: fc.option(hostileFilename, { freq: 2 }),
  type: fc.constantFrom('application/pdf', 'text/plain', 'application/octet-stream', '', 'multipart/mixed; boundary=inner'),
  body: content,
  extraHeaders: fc.constantFrom('', 'X-Huge: ' + 'h'.repeat(64 * 1024) + '\r\n', 'Content-Transfer-Encoding: base64\r\n', 'Bad header line\r\n'),
});
const request = fc.record({
  boundary: fc.constantFrom('kpfuzz', 'a'.repeat(70), 'a'.repeat(200), '', 'kp fuzz', '"quoted"'),
  declared: fc.constantFrom('same', 'other', 'missing'),
  parts: fc.array(part, { maxLength: 6 }),
  closing: fc.constantFrom('--\r\n', '--', '', '\r\n', '--\r\nepilogue'),
  cut: fc.option(fc.nat(), { freq: 3 }),
  chunked: fc.boolean(),
  badChunk: fc.boolean(),
  headerPadding: fc.constantFrom(0, 0, 0, 64 * 1024),
  delayMs: fc.constantFrom(0, 0, 0, 0, 20),
});

type HostileRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function build(r: HostileRequest, apiKey: string): Buffer[] {
  const parts = r.parts.map((p) => {
    const disposition = ['form-data', p.name === null ? null : `name="${p.name}"`, p.filename === null ? null : `filename="${p.filename}"`].filter(Boolean).join('; ');
    return Buffer.concat([Buffer.from(`--${r.boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}${p.extraHeaders}\r\n`, 'latin1'), p.body, Buffer.from('\r\n')]);
  });
  let body = Buffer.concat([...parts, Buffer.from(`--${r.boundary}${r.closing}`)]);
  if (r.cut !== null) body = body.subarray(0, r.cut % (body.length + 1));
  const type = r.declared === 'missing' ? 'multipart/form-data' : `multipart/form-data; boundary=${r.declared === 'same' ? r.boundary : 'other'}`;
  const framing = r.chunked ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${body.length}\r\n`;
  const head = Buffer.from(
    `POST /v1/customer-invoices HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ${apiKey}\r\n` +
      `Content-Type: ${type}\r\n${framing}${r.headerPadding ? `X-Padding: ${'p'.repeat(r.headerPadding)}\r\n` : ''}\r\n`,
  );
  if (!r.chunked) return [head, body.subarray(0, body.length >> 1), body.subarray(body.length >> 1)];
  const chunk = (bytes: Buffer) => Buffer.concat([Buffer.from(`${r.badChunk ? 'zz' : bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
  return [head, chunk(body), Buffer.from('0\r\n\r\n')];
}

async function rssMiB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe('raw multipart abuse (F2)', () => {
  let data: TestData;
  let server: ServeProcess;
  let apiKey: string;
  before(async () => {
    data = await createTestData('kp-multipart-fuzz-');
    // Short timeouts, so a truncated body that the server must wait out costs seconds, not minutes.
    server = await startServeProcess({ ...data.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', REQUEST_TIMEOUT_MS: '3000', HEADERS_TIMEOUT_MS: '2000', IDLE_TIMEOUT_MS: '2000' });
    ({ apiKey } = await demoAccount(server));
  });
  after(async () => {
    await server?.stop();
    await data?.cleanup();
  });

  it('a part without a name is a 422 naming it, not a 500 (found by this fuzzer)', async () => {
    const body = '--kp\r\nContent-Disposition: form-data\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--kp--\r\n';
    const head = `POST /v1/customer-invoices HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${apiKey}\r\nContent-Type: multipart/form-data; boundary=kp\r\nContent-Length: ${body.length}\r\n\r\n`;
    const exchange = await rawExchange(server.url, [head, body]);
    assert.equal(exchange.status, 422, exchange.response);
    assert.match(exchange.response, /"field":"\(unnamed part\)","message":"is not a known field"/);
  });

  it(`${cases} hostile bodies: no 5xx, no hang, every error problem+json, no temp file, RSS steady`, async () => {
    const pid = server.child.pid ?? 0;
    const statuses: Record<string, number> = {};
    let rssBefore = 0;
    let count = 0;
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const exchange = await rawExchange(server.url, build(r, apiKey), { delayMs: r.delayMs, giveUpMs: 15_000, endAfter: r.cut !== null });
        count += 1;
        if (count === 50) rssBefore = await rssMiB(pid); // after warm-up
        slowest = Math.max(slowest, exchange.ms);
        const key = String(exchange.status ?? 'closed');
        statuses[key] = (statuses[key] ?? 0) + 1;
        assert.ok(exchange.closedByServer || exchange.status !== null, `hang: no answer in ${exchange.ms} ms`);
        if (exchange.status !== null) {
          assert.ok(exchange.status < 500, exchange.response.slice(0, 500));
          if (exchange.status >= 400) assert.match(exchange.response, /content-type: application\/problem\+json/i, exchange.response.slice(0, 500));
        }
      }),
      { numRuns: cases },
    );
    const rssAfter = await rssMiB(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const temps = (await fs.readdir(path.join(data.dir, 'pdfs'))).filter((name) => name.startsWith('.tmp-'));
    report('multipart-fuzz', { cases, statuses, rssBeforeMiB: Math.round(rssBefore), rssAfterMiB: Math.round(rssAfter), slowestMs: slowest, temps: temps.length });
    assert.deepEqual(temps, []);
    assert.ok(rssAfter - rssBefore <= 20 || cases < 100, `RSS grew ${Math.round(rssAfter - rssBefore)} MiB`);
    assert.ok((await fetch(`${server.url}/healthz`)).ok);
  });
});
