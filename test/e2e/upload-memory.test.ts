import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { demoAccount, startServeProcess, type ServeProcess } from '../helpers/process.js';
import { createTestData, type TestData } from '../helpers/server.js';
import { memory, MiB, streamedUpload as upload } from '../helpers/streamed-upload.js';

describe('a 20 MiB upload is streamed, not held in memory', () => {
  let data: TestData;
  let server: ServeProcess;
  let apiKey: string;
  let customerId: string;

  before(async () => {
    data = await createTestData('kp-mem-');
    server = await startServeProcess({ ...data.env, LOG_LEVEL: 'warn', MAX_PDF_BYTES: String(64 * MiB) });
    ({ apiKey, customerId } = await demoAccount(server));
  });
  after(async () => {
    await server.stop();
    await data.cleanup();
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
    // Held whole, the upload alone would add its 20 MiB. The slack it brings depends on how small the warm-up left the
    // heap (with the old generation's limit, serve starts lower: 8.8–11.2 MiB before, 15.8 once), so the bound here
    // is "less than the upload"; the uploads after it are held to a few MiB each below.
    assert.ok(afterFirst.peak - start.peak <= 18 * MiB, `peak RSS grew by ${mib(afterFirst.peak - start.peak)} for the first 20 MiB upload`);

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
      const stored = await fs.readFile(`${data.dir}/pdfs/${result.sha256}.pdf`);
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
