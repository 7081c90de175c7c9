import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../src/db/database.js';
import { fingerprint } from '../../src/http/idempotency.js';
import { TEST_DIALECT } from '../helpers/database.js';
import { demoAccount, startServeProcess, type DemoAccount, type ServeProcess } from '../helpers/process.js';
import { createTestData, samplePdf, type TestData } from '../helpers/server.js';

/**
 * After a kill -9, a client retries its request with the same Idempotency-Key. The killed process's claim on the
 * key is still in the database, in flight. On SQLite one process owns the file, so `serve` forgets such claims at
 * start and the retry runs at once; on PostgreSQL another process may be running that request, so the lease
 * stays and the retry hears 409 until it runs out.
 */
describe('an Idempotency-Key claim left by a killed process, after the restart', () => {
  let data: TestData;
  let server: ServeProcess | undefined;
  let demo: DemoAccount;
  const pdf = samplePdf('after the kill');
  const fields = { customerId: '', invoiceNumber: 'NA-KILL-1', issuedAt: '2024-04-30', amount: '12.95' };

  before(async () => {
    data = await createTestData('kp-restart-claims-');
    const first = await startServeProcess(data.env);
    demo = await demoAccount(first);
    fields.customerId = demo.customerId;
    await first.stop();
    // The very request the client will retry, as the killed process had claimed it.
    const print = fingerprint({
      method: 'POST', path: '/v1/customer-invoices', accountId: demo.accountId,
      payload: { fields, pdf: createHash('sha256').update(pdf).digest('hex') },
    });
    // What the killed process left: a claim in flight whose lease has a quarter of a minute to run.
    const database = openDatabase(loadConfig(data.env).database);
    try {
      const now = Date.now();
      await database.db
        .insertInto('idempotency_keys')
        .values({
          account_id: demo.accountId, idempotency_key: 'retry-after-kill', fingerprint: print, state: 'in_flight',
          response_status: null, response_body: null, response_location: null,
          created_at: new Date(now - 500).toISOString(), locked_until: new Date(now + 15_000).toISOString(),
        })
        .execute();
    } finally {
      await database.close();
    }
    server = await startServeProcess(data.env);
  });
  after(async () => {
    await server?.stop();
    await data?.cleanup();
  });

  it(TEST_DIALECT === 'sqlite' ? 'SQLite: the retry succeeds at once' : 'PostgreSQL: the lease stays, the retry hears 409 in flight', async () => {
    assert(server);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'invoice.pdf');
    const res = await fetch(`${server.url}/v1/customer-invoices`, { method: 'POST', body: form, headers: { authorization: `Bearer ${demo.apiKey}`, 'idempotency-key': 'retry-after-kill' } });
    const body = (await res.json()) as { invoiceNumber?: string; errors?: { field: string }[] };
    if (TEST_DIALECT === 'sqlite') {
      assert.equal(res.status, 201, JSON.stringify(body));
      assert.equal(body.invoiceNumber, 'NA-KILL-1');
    } else {
      assert.equal(res.status, 409, JSON.stringify(body));
      assert.equal(body.errors?.[0]?.field, 'Idempotency-Key');
      assert.ok(Number(res.headers.get('retry-after')) >= 1, 'Retry-After says when to come back');
    }
  });
});
