import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectProblem } from './helpers/problem.js';
import { startTestServer, type TestServer } from './helpers/server.js';

describe('health and readiness', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers /healthz and /readyz without a key, with a request id', async () => {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    assert.ok(health.headers.get('x-request-id'));
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ok', database: 'ok', storage: 'ok' });
  });

  it('reports 503 when the PDF store is gone, and recovers', async () => {
    const pdfs = path.join(server.dataDir, 'pdfs');
    await fs.rename(pdfs, `${pdfs}-away`);
    try {
      const problem = await expectProblem(await fetch(`${server.url}/readyz`), 503);
      assert.match(problem.detail, /storage unavailable/);
    } finally {
      await fs.rename(`${pdfs}-away`, pdfs);
    }
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  });
});
