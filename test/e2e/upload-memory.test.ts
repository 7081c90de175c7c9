import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startServeProcess, type ServeProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/server.js';

const MiB = 1024 * 1024;

/** Peak and current resident memory of a process, in bytes, from /proc. */
async function memory(pid: number): Promise<{ peak: number; current: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { peak: kb('VmHWM'), current: kb('VmRSS') };
}

/** Streams a multipart create whose PDF is `size` bytes generated on the fly; returns status and the PDF's sha256. */
function upload(url: string, apiKey: string, customerId: string, invoiceNumber: string, size: number): Promise<{ status: number; sha256: string; body: string }> {
  const boundary = `kp${invoiceNumber}`;
  const fields = { customerId, invoiceNumber, issuedAt: '2024-04-30', amount: '100.00' };
  let head = '';
  for (const [name, value] of Object.entries(fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/v1/customer-invoices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), body }));
    });
    req.write(head);
    const chunk = Buffer.alloc(256 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const piece = sent === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), chunk]).subarray(0, Math.min(chunk.length, size)) : chunk.subarray(0, Math.min(chunk.length, size - sent));
        // Vary the bytes so nothing compresses or dedupes by accident.
        piece.writeUInt32LE(sent >>> 0, piece.length >= 16 ? 12 : 0);
        hash.update(piece);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

describe('a 20 MiB upload is streamed, not held in memory', () => {
  let dataDir: string;
  let server: ServeProcess;
  let apiKey: string;
  let customerId: string;

  before(async () => {
    dataDir = await tempDir('kp-mem-');
    server = await startServeProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', MAX_PDF_BYTES: String(64 * MiB) });
    const banner = await server.waitFor('--form invoiceNumber');
    apiKey = /API key[^:]*: (kp_live_\w+)/.exec(banner)?.[1] ?? '';
    customerId = /Demo customer: (cst_\w+)/.exec(banner)?.[1] ?? '';
  });
  after(async () => {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('raises the server’s peak memory by no more than a few MiB per upload, and stores the bytes exactly', async (t) => {
    const pid = server.child.pid ?? assert.fail('no pid');
    const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
    // Warm up every code path on the way (parsing, hashing, fsync, insert) with small uploads.
    for (let i = 0; i < 3; i++) assert.equal((await upload(server.url, apiKey, customerId, `warm-${i}`, 256 * 1024)).status, 201);
    const start = await memory(pid);

    // The first large upload also brings the garbage collector's slack for freed chunks up to its usual size.
    const first = await upload(server.url, apiKey, customerId, 'big-1', 20 * MiB);
    assert.equal(first.status, 201, first.body);
    const afterFirst = await memory(pid);
    t.diagnostic(`first 20 MiB upload: peak RSS ${mib(start.peak)} → ${mib(afterFirst.peak)} (+${mib(afterFirst.peak - start.peak)}, collector slack included)`);
    assert.ok(afterFirst.peak - start.peak <= 12 * MiB, `peak RSS grew by ${mib(afterFirst.peak - start.peak)} for the first 20 MiB upload`);

    // From then on an upload costs a few MiB of peak memory, whatever its size: 20 MiB, and 60 MiB,
    // which could not pass through unnoticed if it were held whole.
    let previous = afterFirst;
    for (const [name, size] of [['big-2', 20 * MiB], ['big-3', 60 * MiB]] as const) {
      const result = await upload(server.url, apiKey, customerId, name, size);
      assert.equal(result.status, 201, result.body);
      const now = await memory(pid);
      const growth = now.peak - previous.peak;
      t.diagnostic(`${mib(size)} upload: peak RSS ${mib(previous.peak)} → ${mib(now.peak)} (+${mib(growth)})`);
      assert.ok(growth <= 6 * MiB, `peak RSS grew by ${mib(growth)} for a ${mib(size)} upload`);
      const stored = await fs.readFile(`${dataDir}/pdfs/${result.sha256}.pdf`);
      assert.equal(stored.length, size);
      assert.equal(createHash('sha256').update(stored).digest('hex'), result.sha256, 'stored bytes are the uploaded bytes');
      previous = now;
    }
    // 100 MiB uploaded in all, the largest 60 MiB: holding any one whole would show here.
    const total = previous.peak - start.peak;
    t.diagnostic(`all uploads: +${mib(total)} peak RSS`);
    assert.ok(total <= 20 * MiB, `peak RSS grew by ${mib(total)} over 100 MiB of uploads`);
  });
});
