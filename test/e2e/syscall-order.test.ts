import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { TEST_DIALECT } from '../helpers/database.js';
import { report, size } from '../helpers/hostile.js';
import { demoAccount, startServeProcess, type ServeProcess } from '../helpers/process.js';
import { accountClient, createTestData, samplePdf, tempDir, type TestData } from '../helpers/server.js';
import { readStrace, straceAvailable, straceCommand, uploadOrderProblems, type Upload } from '../helpers/strace.js';

// RELIABILITY.md D2: the real server process under strace, N uploads one after another; each must show
// write(temp) < fsync(temp) < rename < fsync(dir) < commit < 201. 50 in CI too: strace costs a few seconds.
const uploads = size('STRACE_UPLOADS', 50, 50);
const required = process.env.CI === 'true' || process.env.KLANTPORTAAL_TEST_REQUIRE_POSTGRES === '1';
const haveStrace = straceAvailable();
const skip = haveStrace || required ? false : 'strace is not installed (Debian package strace); CI installs it and fails without it';

const SYSCALLS = ['openat', 'write', 'writev', 'pwrite64', 'pwritev', 'pwritev2', 'fsync', 'fdatasync', 'rename', 'renameat', 'renameat2', 'sendto', 'sendmsg'];

/** The process strace started (the server), from the kernel's list of strace's children. */
function traced(server: ServeProcess): number | null {
  const pid = server.child.pid;
  if (pid === undefined) return null;
  const children = (fs.existsSync(`/proc/${pid}/task/${pid}/children`) ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8') : '').trim().split(/\s+/).map(Number);
  return children.find((child) => child > 0) ?? null;
}

/** strace blocks SIGTERM while it runs a command: the server is stopped itself, and strace ends with it. */
async function stopTraced(server: ServeProcess): Promise<void> {
  const pid = server.child.exitCode === null ? traced(server) : null;
  if (pid !== null) process.kill(pid, 'SIGTERM');
  await server.stop();
}

describe(`syscall order of an upload under strace (D2, ${TEST_DIALECT})`, { skip }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`${uploads} uploads: PDF written, fsync'd, renamed, directory fsync'd, row committed, then 201`, async () => {
    assert.ok(haveStrace, 'strace is required here (CI=true or KLANTPORTAAL_TEST_REQUIRE_POSTGRES=1): apt-get install strace');
    const data: TestData = await createTestData('kp-strace-');
    cleanups.push(() => data.cleanup());
    const traceDir = await tempDir('kp-strace-out-');
    cleanups.push(() => fs.promises.rm(traceDir, { recursive: true, force: true }));
    const traceFile = path.join(traceDir, 'trace');
    // On PostgreSQL the commit is the server's COMMIT answer, read off the connection: trace reads too.
    const syscalls = TEST_DIALECT === 'postgres' ? [...SYSCALLS, 'read'] : SYSCALLS;
    const env = { ...data.env, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', MAIL_POLL_MS: '3600000', WEBHOOK_POLL_MS: '3600000' };
    const server = await startServeProcess(env, { wrapper: straceCommand(traceFile, syscalls) });
    cleanups.push(() => stopTraced(server));
    const { apiKey, customerId } = await demoAccount(server);
    const shop = accountClient(server.url, 'demo', apiKey);

    const made: Upload[] = [];
    for (let i = 0; i < uploads; i++) {
      // 1 KiB to 512 KiB: several write calls for the larger ones.
      const bytes = samplePdf(randomUUID(), Math.round(1024 * Math.pow(512, Math.random())));
      const invoiceNumber = `D2-${randomUUID().slice(0, 13)}`;
      const res = await shop.createInvoice({ customerId, invoiceNumber, issuedAt: '2024-04-30', amount: '12.95' }, bytes);
      const body = (await res.json()) as { id?: string };
      assert.equal(res.status, 201, JSON.stringify(body));
      made.push({ invoiceNumber, id: body.id ?? '', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    }
    await stopTraced(server);

    const calls = readStrace(traceFile);
    const pdfDir = fs.realpathSync(path.join(data.dir, 'pdfs'));
    const failures = made.map((upload) => ({ upload: upload.invoiceNumber, problems: uploadOrderProblems(calls, upload, pdfDir, TEST_DIALECT) })).filter((f) => f.problems.length > 0);
    report('syscall-order', { uploads: made.length, inOrder: made.length - failures.length, tracedCalls: calls.length });
    assert.deepEqual(failures, []);
  });
});
