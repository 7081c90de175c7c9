import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createPdfStore } from '../../src/storage/index.js';
import type { PdfStore } from '../../src/storage/pdf-store.js';
import { startS3Server, type S3Server } from '../helpers/s3.js';
import { tempDir } from '../helpers/server.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * What the store puts on the wire, seen by a recording proxy in front of s3rver. s3rver itself ignores
 * x-amz-checksum-* headers (it neither checks nor stores them), so only this test shows that the checksum is sent;
 * real S3 recomputes it and refuses the write on a mismatch.
 */
describe('S3 store on the wire', () => {
  let s3: S3Server;
  let proxy: http.Server;
  let dataDir: string;
  let store: PdfStore;
  const seen: Seen[] = [];

  before(async () => {
    s3 = await startS3Server();
    proxy = http.createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const upstream = http.request(`${s3.endpoint}${req.url ?? ''}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as AddressInfo;
    dataDir = await tempDir();
    const url = `s3://${s3.bucket}?endpoint=http://127.0.0.1:${port}&region=us-east-1&forcePathStyle=true`;
    store = await createPdfStore(loadConfig({ ...s3.env, STORAGE_URL: url, DATA_DIR: dataDir }).storage);
  });
  after(async () => {
    await store.close();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await s3.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function publish(size: number): Promise<{ sha256: string; requests: Seen[] }> {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
    const from = seen.length;
    const staged = await store.stage(Readable.from([bytes]));
    assert.deepEqual(await staged.publish(), { created: true });
    await staged.discard();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { sha256, requests: seen.slice(from) };
  }

  const noAwsChunked = (requests: Seen[]) => {
    for (const r of requests) {
      assert.doesNotMatch(String(r.headers['content-encoding'] ?? ''), /aws-chunked/, `${r.method} ${r.url}`);
      assert.equal(r.headers['x-amz-trailer'], undefined);
    }
  };

  it('up to 5 MiB: one plain PUT carrying x-amz-checksum-sha256 of the whole PDF, after a HEAD', async () => {
    const { sha256, requests } = await publish(300 * 1024);
    assert.deepEqual(requests.map((r) => r.method), ['HEAD', 'PUT']);
    const put = requests[1];
    assert.ok(put);
    assert.match(put.url, new RegExp(`^/${s3.bucket}/pdfs/${sha256}\\.pdf\\b`));
    assert.equal(put.headers['x-amz-checksum-sha256'], Buffer.from(sha256, 'hex').toString('base64'));
    assert.equal(put.headers['content-length'], String(300 * 1024));
    assert.equal(put.headers['content-type'], 'application/pdf');
    noAwsChunked(requests);
  });

  it('above 5 MiB: a multipart upload whose every part carries its own SHA-256, parts of 5 MiB', async () => {
    const size = 11 * 1024 * 1024;
    const { requests } = await publish(size);
    assert.deepEqual(requests.map((r) => r.method), ['HEAD', 'POST', 'PUT', 'PUT', 'PUT', 'POST']);
    assert.equal(requests[1]?.headers['x-amz-checksum-algorithm'], 'SHA256');
    const parts = requests.filter((r) => r.method === 'PUT');
    for (const part of parts) {
      assert.match(part.url, /partNumber=\d+/);
      assert.match(String(part.headers['x-amz-checksum-sha256']), /^[A-Za-z0-9+/]{43}=$/);
    }
    assert.deepEqual(parts.map((p) => Number(p.headers['content-length'])), [5 * 1024 * 1024, 5 * 1024 * 1024, 1024 * 1024]);
    noAwsChunked(requests);
  });

  it('bytes already in the bucket are not sent again', async () => {
    const bytes = Buffer.from('%PDF-1.7\nsame bytes twice');
    for (const expected of [true, false]) {
      const staged = await store.stage(Readable.from([bytes]));
      assert.deepEqual(await staged.publish(), { created: expected });
      await staged.discard();
    }
    const last = seen.slice(-1)[0];
    assert.equal(last?.method, 'HEAD');
  });
});
