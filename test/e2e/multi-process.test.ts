import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { TEST_DIALECT } from '../helpers/database.js';
import { demoAccount, REPO_ROOT, startServeProcess, type ServeProcess } from '../helpers/process.js';
import { accountClient, createTestData, samplePdf, validInvoice, type TestAccount, type TestData } from '../helpers/server.js';

const run = promisify(execFile);
const CLI = `${REPO_ROOT}/bin/klantportaal.js`;

// Several `serve` processes share one database only on PostgreSQL; SQLite is one process per DATA_DIR by design.
const onlyPostgres = TEST_DIALECT === 'postgres' ? false : 'several serve processes need PostgreSQL (SQLite runs one process per DATA_DIR)';

describe('two serve processes on one database', { skip: onlyPostgres }, () => {
  let data: TestData;
  let servers: ServeProcess[];
  let clients: TestAccount[];
  let customerId: string;

  before(async () => {
    data = await createTestData('kp-multi-');
    // One after the other, so only the first finds an empty database and creates the demo account.
    const first = await startServeProcess({ ...data.env, LOG_LEVEL: 'warn' });
    const demo = await demoAccount(first);
    const second = await startServeProcess({ ...data.env, LOG_LEVEL: 'warn' });
    servers = [first, second];
    customerId = demo.customerId;
    clients = servers.map((s) => accountClient(s.url, demo.accountId, demo.apiKey));
    assert.doesNotMatch(second.output(), /Created a demo account/);
  });
  after(async () => {
    for (const server of servers ?? []) assert.equal(await server.stop(), 0);
    await data?.cleanup();
  });

  const client = (i: number) => clients[i % 2] as TestAccount;

  it('20 concurrent creates of one invoice number over both servers: exactly one 201 and nineteen 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client(i).createInvoice(validInvoice(customerId, { invoiceNumber: 'RACE-1' }), samplePdf(`race-${i}`))),
    );
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [201, ...Array<number>(19).fill(409)]);
    const list = (await (await client(0).request('/v1/customer-invoices?invoiceNumber=RACE-1')).json()) as { data: unknown[] };
    assert.equal(list.data.length, 1);
  });

  it('one Idempotency-Key sent to both servers at once creates one invoice', async () => {
    const fields = validInvoice(customerId);
    const pdf = samplePdf();
    const send = (i: number) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'invoice.pdf');
      return client(i).request('/v1/customer-invoices', { method: 'POST', body: form, headers: { 'idempotency-key': 'same-key-both-servers' } });
    };
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i)));
    const ids = new Set<string>();
    for (const answer of answers) {
      assert.ok([201, 409].includes(answer.status), `status ${answer.status}`);
      if (answer.status === 201) ids.add(((await answer.json()) as { id: string }).id);
    }
    assert.equal(ids.size, 1);
    const list = (await (await client(1).request(`/v1/customer-invoices?invoiceNumber=${fields.invoiceNumber}`)).json()) as { data: unknown[] };
    assert.equal(list.data.length, 1);
  });

  it('creates that share PDF bytes and fail on both servers never remove the file another server committed', async () => {
    const pdf = samplePdf('shared-between-processes', 64 * 1024);
    const sha = createHash('sha256').update(pdf).digest('hex');
    // Five numbers, each tried four times on alternating servers: five win, fifteen fail after or before publishing.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client(i).createInvoice(validInvoice(customerId, { invoiceNumber: `SHARED-${i % 5}` }), pdf)),
    );
    const created = answers.filter((a) => a.status === 201);
    assert.equal(created.length, 5);
    for (const answer of answers.filter((a) => a.status !== 201)) assert.equal(answer.status, 409);
    for (const [i, answer] of created.entries()) {
      const invoice = (await answer.json()) as { id: string };
      // A link issued by one process is served by the other: the signing key is the database's, not the process's.
      const issued = (await (await client(i).request(`/v1/customer-invoices/${invoice.id}/pdf`)).json()) as { link: string };
      const res = await fetch(servers[(i + 1) % 2]?.url + new URL(issued.link).pathname);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), `"${sha}"`);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
    }
  });
});

describe('klantportaal migrate, several processes at once', () => {
  it('four concurrent migrate processes on a fresh database all succeed and apply each migration once', async () => {
    const data = await createTestData('kp-migrate-');
    try {
      const env = { PATH: process.env.PATH ?? '', ...data.env, LOG_LEVEL: 'silent' };
      const runs = await Promise.all(Array.from({ length: 4 }, () => run(process.execPath, [CLI, 'migrate'], { env, cwd: REPO_ROOT })));
      const applied = runs.filter((r) => r.stdout.startsWith('Applied:'));
      assert.equal(applied.length, 1, runs.map((r) => r.stdout).join(''));
      for (const r of runs) assert.match(r.stdout, /^(Applied: 0001-initial, .+|Database schema is up to date\.)\n$/);
      const again = await run(process.execPath, [CLI, 'migrate'], { env, cwd: REPO_ROOT });
      assert.equal(again.stdout, 'Database schema is up to date.\n');
    } finally {
      await data.cleanup();
    }
  });
});
