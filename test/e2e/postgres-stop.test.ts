import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import pg from 'pg';
import { fileStoreView, runCrashCycles } from '../helpers/crash-harness.js';
import { TEST_DIALECT, TEST_POSTGRES_URL } from '../helpers/database.js';
import { HOSTILE, report, size } from '../helpers/hostile.js';
import { createTestData, type TestData } from '../helpers/server.js';

const run = promisify(execFile);

// RELIABILITY.md D5: PostgreSQL stopped with `-m immediate` (its crash: no checkpoint, recovery from the WAL
// at start) under D1's load, and started again; the server process lives through it. D1's pass criteria must
// hold after every restart of PostgreSQL.
const stops = size('PG_STOPS', 1, 20);
const log = (line: string) => process.env.HOSTILE_VERBOSE === '1' && process.stdout.write(`# ${line}\n`);

// The cluster the suite's PostgreSQL is: Debian's pg_ctlcluster manages it (the one in /etc/postgresql).
const version = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql').sort().at(-1) : undefined;
const skip =
  TEST_DIALECT !== 'postgres'
    ? 'stops PostgreSQL: runs on the PostgreSQL half only'
    : !HOSTILE
      ? 'stops the PostgreSQL server that the test files running in parallel share: runs under npm run test:hostile only (HOSTILE=1, one file at a time)'
      : version === undefined || new URL(TEST_POSTGRES_URL).port !== '5432'
        ? `needs the local Debian cluster (pg_ctlcluster, /etc/postgresql) behind ${TEST_POSTGRES_URL}`
        : false;

const cluster = (...args: string[]) => run('pg_ctlcluster', ['--skip-systemctl-redirect', version ?? '', 'main', ...args]);

async function answers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the cluster (if it is down) and waits until it takes queries again, after its crash recovery. */
async function startPostgres(): Promise<number> {
  const started = Date.now();
  if (!(await answers())) await cluster('start').catch((error: unknown) => log(`pg_ctlcluster start: ${String(error)}`));
  while (!(await answers())) {
    if (Date.now() - started > 60_000) throw new Error('PostgreSQL did not answer within 60 s of its start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe('PostgreSQL stopped -m immediate under load (D5)', { skip }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  // PostgreSQL is started again whatever happened: the rest of the suite and everyone else need it.
  after(async () => {
    await startPostgres();
    for (const cleanup of cleanups) await cleanup();
  });

  it(`${stops} stops: no acknowledged invoice lost, nothing half-written, the server recovers without a restart`, async () => {
    const data: TestData = await createTestData('kp-pg-stop-');
    cleanups.push(() => data.cleanup());
    let outageMs = 0;
    let recoveryMs = 0;
    const disrupt = async () => {
      const stopped = Date.now();
      try {
        await cluster('stop', '-m', 'immediate');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
      } finally {
        const recovery = await startPostgres();
        recoveryMs = Math.max(recoveryMs, recovery);
        outageMs = Math.max(outageMs, Date.now() - stopped);
      }
    };
    const figures = await runCrashCycles({ cycles: stops, env: data.env, store: fileStoreView(path.join(data.dir, 'pdfs')), settleEvery: 5, log, disrupt });
    report('postgres-stop', { ...figures, violations: figures.violations.length, maxOutageMs: outageMs, maxStartMs: recoveryMs });
    assert.deepEqual(figures.violations, []);
    assert.ok(figures.acknowledged > 0, 'some uploads were acknowledged');
  });
});
