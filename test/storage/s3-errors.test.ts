import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createPdfStore } from '../../src/storage/index.js';
import { StorageUnavailableError, type PdfStore } from '../../src/storage/pdf-store.js';
import { tempDir } from '../helpers/server.js';

/**
 * A bucket that misbehaves the way real ones do, behind the real AWS client: objects are missing (HEAD 404) and
 * every write or bucket check gets the answer set by the test, or none at all.
 */
describe('S3 store: answers that mean "not now" become StorageUnavailableError (503)', () => {
  let answer: { status: number; code: string } | 'hang' = { status: 503, code: 'SlowDown' };
  let server: http.Server;
  let dataDir: string;
  let store: PdfStore;

  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      const isObjectHead = req.method === 'HEAD' && (req.url ?? '').includes('/pdfs/');
      if (isObjectHead) return void res.writeHead(404).end();
      if (answer === 'hang') return; // accepted, never answered
      const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${answer.code}</Code><Message>test</Message></Error>`;
      res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    dataDir = await tempDir();
    const env = {
      DATA_DIR: dataDir,
      STORAGE_URL: `s3://bucket?endpoint=http://127.0.0.1:${port}&region=us-east-1&forcePathStyle=true`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    };
    store = await createPdfStore(loadConfig(env).storage);
  });
  after(async () => {
    await store.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function publish(): Promise<unknown> {
    const staged = await store.stage(Readable.from([Buffer.from(`%PDF-1.7 ${Math.random()}`)]));
    try {
      await staged.publish();
      return null;
    } catch (error) {
      return error;
    } finally {
      await staged.discard();
    }
  }

  for (const [status, code] of [[503, 'SlowDown'], [503, 'ServiceUnavailable'], [500, 'InternalError'], [507, 'XMinioStorageFull'], [404, 'NoSuchBucket']] as const) {
    it(`${status} ${code} on the PUT`, async () => {
      answer = { status, code };
      const error = await publish();
      assert.ok(error instanceof StorageUnavailableError, String(error));
      assert.match(error.message, new RegExp(code));
      assert.deepEqual((await fs.readdir(`${dataDir}/pdf-staging`)).length, 0, 'staging file removed');
    });
  }

  it('403 AccessDenied is not "later" but a misconfiguration: it stays an error of ours (500, logged)', async () => {
    answer = { status: 403, code: 'AccessDenied' };
    const error = await publish();
    assert.ok(error instanceof Error && !(error instanceof StorageUnavailableError), String(error));
    assert.equal(error.name, 'AccessDenied');
  });

  it('check() fails on a 503 from the bucket', async () => {
    answer = { status: 503, code: 'SlowDown' };
    await assert.rejects(store.check(), StorageUnavailableError);
  });

  it('check() gives up on a bucket that accepts the connection and never answers, within seconds', async () => {
    answer = 'hang';
    const started = Date.now();
    await assert.rejects(store.check(), StorageUnavailableError);
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
  });
});
