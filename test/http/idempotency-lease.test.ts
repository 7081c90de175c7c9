import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createAccount, type Caller } from '../../src/accounts/account.service.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { idempotent, type IdempotentResult } from '../../src/http/idempotency.js';
import { ProblemError } from '../../src/http/problems.js';
import { createTestData, type TestData } from '../helpers/server.js';

/**
 * The in-flight claim of an Idempotency-Key against the real database: a request slower than the lease (a 20 MiB
 * PDF going to a slow S3, a busy database) keeps its key, so a retry sent meanwhile waits (409) and then gets the
 * replay, instead of taking the key over and running the request a second time. Found by the kill -9 loop on S3,
 * where such a takeover ended in a 409 "number already exists" for a same-key retry.
 */
describe('Idempotency-Key claims held by a slow request', () => {
  let data: TestData;
  let database: DatabaseHandle;
  let caller: Caller;
  const LEASE_MS = 300;
  before(async () => {
    data = await createTestData('kp-lease-');
    database = openDatabase(loadConfig(data.env).database);
    await migrateToLatest(database);
    const { account } = await createAccount(database.db, { name: 'Traag B.V.' });
    caller = { accountId: account.id, accountName: account.name, timeZone: account.timeZone };
  });
  after(async () => {
    await database?.close();
    await data?.cleanup();
  });

  const respond = (n: number) => ({ status: 201, body: { run: n }, location: null });

  it('a request running four leases long keeps its key: a retry meanwhile gets 409, then the replay; the work ran once', async () => {
    let runs = 0;
    const slow = idempotent(database.db, caller, 'slow-key', 'print', respond, async () => {
      runs += 1;
      await sleep(LEASE_MS * 4);
      return runs;
    }, LEASE_MS);
    await sleep(LEASE_MS * 2);
    const meanwhile = await idempotent(database.db, caller, 'slow-key', 'print', respond, async () => {
      runs += 1;
      return runs;
    }, LEASE_MS).then(
      (result: IdempotentResult) => result,
      (error: unknown) => error,
    );
    assert.ok(meanwhile instanceof ProblemError && meanwhile.status === 409, `a retry while the first runs is 409 in flight, got ${JSON.stringify(meanwhile)}`);
    const first = await slow;
    assert.deepEqual({ status: first.status, body: first.body, replayed: first.replayed }, { status: 201, body: { run: 1 }, replayed: false });
    const replay = await idempotent(database.db, caller, 'slow-key', 'print', respond, async () => {
      runs += 1;
      return runs;
    }, LEASE_MS);
    assert.deepEqual({ status: replay.status, body: replay.body, replayed: replay.replayed }, { status: 201, body: { run: 1 }, replayed: true });
    assert.equal(runs, 1, 'the request ran once');
  });

  it('a claim whose request stopped renewing (its process died) is taken over once the lease has run out', async () => {
    // A claim left behind: the first request fails without releasing (as if killed) is modelled by a claim made
    // with a lease, then abandoned: its row stays in_flight and nobody renews it.
    await database.db
      .insertInto('idempotency_keys')
      .values({
        account_id: caller.accountId, idempotency_key: 'dead-key', fingerprint: 'print', state: 'in_flight',
        response_status: null, response_body: null, response_location: null,
        created_at: new Date(Date.now() - 1000).toISOString(), locked_until: new Date(Date.now() - 1).toISOString(),
      })
      .execute();
    const taken = await idempotent(database.db, caller, 'dead-key', 'print', respond, async () => 7, LEASE_MS);
    assert.deepEqual({ status: taken.status, body: taken.body, replayed: taken.replayed }, { status: 201, body: { run: 7 }, replayed: false });
  });
});
