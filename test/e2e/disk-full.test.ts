import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { invoiceCount, samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;

/** An 8 MiB tmpfs, or the reason there cannot be one here (mounting needs root). */
async function smallDisk(): Promise<{ dir: string } | { skip: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kp-tmpfs-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
    return { dir };
  } catch (error) {
    await fs.rmdir(dir);
    const reason = `cannot mount a tmpfs here (${String((error as Error).message).split('\n')[0]})`;
    process.stdout.write(`# disk-full test skipped: ${reason}\n`);
    return { skip: reason };
  }
}

const disk = await smallDisk();

// RELIABILITY.md D4: the data directory on an 8 MiB tmpfs; a 20 MiB upload cannot fit.
describe('a full disk', { skip: 'skip' in disk ? disk.skip : false }, () => {
  const dir = 'dir' in disk ? disk.dir : '';
  let server: TestServer;
  let client: TestAccount;
  let customerId: string;
  before(async () => {
    server = await startTestServer({ DATA_DIR: dir });
    client = await server.account();
    customerId = (await client.createCustomer()).id;
  });
  after(async () => {
    await server?.close();
    await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a 20 MiB upload gets 503 and leaves no row and no file; the next small upload gets 201', async () => {
    const before = await invoiceCount(server);
    const res = await client.createInvoice(validInvoice(customerId), samplePdf('too-big-for-the-disk', 20 * MiB));
    assert.equal(res.status, 503, await res.clone().text());
    assert.ok(res.headers.get('retry-after'));
    assert.equal(await invoiceCount(server), before);
    assert.deepEqual(await fs.readdir(path.join(dir, 'pdfs')), []);
    const small = await client.createInvoice(validInvoice(customerId), samplePdf('fits'));
    assert.equal(small.status, 201, await small.clone().text());
    assert.equal((await fs.readdir(path.join(dir, 'pdfs'))).length, 1);
  });
});
