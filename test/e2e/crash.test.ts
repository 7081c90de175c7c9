import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCrashCycles, fileStoreView } from '../helpers/crash-harness.js';
import { report, size } from '../helpers/hostile.js';
import { startS3ServerProcess, type S3ServerProcess } from '../helpers/s3.js';
import { createTestData, type TestData } from '../helpers/server.js';
import fs from 'node:fs/promises';

// RELIABILITY.md D1: kill -9 under load, restart, check. 40 cycles in CI, 20 per database (npm test runs every
// file on both): 16 with PDFs on local disk and 4 in S3; 200 of each per database under `npm run test:hostile`
// (CRASH_CYCLES and S3_CRASH_CYCLES override).
const cycles = size('CRASH_CYCLES', 16, 200);
const s3Cycles = size('S3_CRASH_CYCLES', 4, 200);
const log = (line: string) => process.env.HOSTILE_VERBOSE === '1' && process.stdout.write(`# ${line}\n`);

describe('kill -9 under 32 concurrent uploaders (D1)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it(`PDFs on local disk: ${cycles} cycles lose no acknowledged invoice and leave nothing half-written`, async () => {
    const data: TestData = await createTestData('kp-crash-');
    cleanups.push(() => data.cleanup());
    const figures = await runCrashCycles({ cycles, env: data.env, store: fileStoreView(path.join(data.dir, 'pdfs')), settleEvery: 25, log });
    report('crash-files', { ...figures, violations: figures.violations.length });
    assert.deepEqual(figures.violations, []);
    assert.ok(figures.acknowledged > 0, 'some uploads were acknowledged');
  });

  // s3rver runs in a process of its own (in the test process it competed with the 32 clients); a cycle costs
  // ~2 s and each settle 10–17 s (on PostgreSQL it waits out the killed process's Idempotency-Key leases; SQLite
  // forgets them at start), so npm test runs few.
  it(`PDFs in S3 (s3rver): ${s3Cycles} cycles`, async () => {
    const s3: S3ServerProcess = await startS3ServerProcess();
    const data: TestData = await createTestData('kp-crash-s3-');
    cleanups.push(async () => {
      await data.cleanup();
      await s3.close();
    });
    const staging = path.join(data.dir, 'pdf-staging');
    const store = {
      published: async () => (await s3.keys()).map((key) => /^pdfs\/([0-9a-f]{64})\.pdf$/.exec(key)?.[1]).filter((sha): sha is string => Boolean(sha)),
      temps: async () => (await fs.readdir(staging).catch(() => [] as string[])).filter((name) => name.startsWith('.tmp-')),
    };
    const figures = await runCrashCycles({ cycles: s3Cycles, env: { ...data.env, ...s3.env }, store, settleEvery: 25, log });
    report('crash-s3', { ...figures, violations: figures.violations.length });
    assert.deepEqual(figures.violations, []);
    assert.ok(figures.acknowledged > 0, 'some uploads were acknowledged');
  });
});
