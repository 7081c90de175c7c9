import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { TEST_DIALECT } from '../helpers/database.js';
import { REPO_ROOT } from '../helpers/process.js';
import { createTestData, type TestData } from '../helpers/server.js';

const run = promisify(execFile);

// RELIABILITY.md D3: a 201 promises a durable commit; the settings that make it so are read back at start.
describe('durability settings (D3)', () => {
  let data: TestData;
  before(async () => {
    data = await createTestData('kp-durability-');
  });
  after(() => data.cleanup());

  it('are on, as read back from the database', async () => {
    const database = openDatabase(loadConfig(data.env).database);
    try {
      const { ok, settings } = await database.durability();
      if (TEST_DIALECT === 'sqlite') {
        assert.deepEqual(settings, { journal_mode: 'wal', synchronous: 'FULL' });
        await database.db.selectFrom('accounts' as never).selectAll().execute().catch(() => undefined);
        // WAL is a property of the file too: byte 18 of the header is 2 (write-ahead log).
        const header = await fs.readFile(path.join(data.dir, 'klantportaal.sqlite'));
        assert.equal(header[18], 2);
      } else {
        assert.equal(settings.fsync, 'on');
        assert.equal(settings.full_page_writes, 'on');
        assert.equal(settings.synchronous_commit, 'on');
      }
      assert.equal(ok, true);
    } finally {
      await database.close();
    }
  });

  it('serve refuses to start, in one line, when synchronous_commit is off', { skip: TEST_DIALECT === 'postgres' ? false : 'SQLite sets its own settings on open (PRAGMA); nothing outside can turn them off' }, async () => {
    const url = new URL(data.env.DATABASE_URL ?? '');
    url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c synchronous_commit=off`.trim());
    const failed = await run(path.join(REPO_ROOT, 'bin/klantportaal.js'), ['serve'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: data.dir, DATABASE_URL: url.toString(), PORT: '0', LOG_LEVEL: 'warn' },
      timeout: 30_000,
    }).then(
      () => null,
      (error: { code?: number; stderr?: string; stdout?: string }) => error,
    );
    assert.ok(failed, 'serve started although commits would not be durable');
    assert.equal(failed.code, 1);
    assert.match(failed.stderr ?? '', /^klantportaal: postgres durability settings are off \(.*synchronous_commit=off.*\); refusing to serve\n$/);
    assert.doesNotMatch(failed.stdout ?? '', /listening/);
  });
});
