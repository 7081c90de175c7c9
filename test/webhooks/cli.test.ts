import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/process.js';
import { createTestData, type TestData } from '../helpers/server.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI as a real process, with only this test's configuration (WEBHOOK_* from the shell left out). */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(REPO_ROOT, 'bin', 'klantportaal.js'), ...args], { cwd: REPO_ROOT, env: { ...base, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function assertOneLineFailure(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 64, JSON.stringify(run));
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at |node_modules/);
}

describe('klantportaal webhooks create | list | delete', () => {
  let data: TestData;
  let env: Record<string, string>;
  let accountId: string;
  before(async () => {
    data = await createTestData('kp-cli-webhooks-');
    env = { ...data.env, LOG_LEVEL: 'silent' };
    const created = await cli(['accounts', 'create', '--name', 'Haken B.V.', '--json'], env);
    assert.equal(created.code, 0, created.stderr);
    accountId = (JSON.parse(created.stdout) as { account: { id: string } }).account.id;
  });
  after(() => data.cleanup());

  it('creates an endpoint (the secret printed once), lists it and deletes it', async () => {
    const created = await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/hook', '--events', 'customer-invoice.created,customer-invoice.paid', '--json'], env);
    assert.equal(created.code, 0, created.stderr);
    const endpoint = JSON.parse(created.stdout) as { id: string; url: string; events: string[]; secret: string };
    assert.match(endpoint.id, /^whe_[0-9a-z]{14}$/);
    assert.match(endpoint.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(endpoint.events, ['customer-invoice.created', 'customer-invoice.paid']);

    const human = await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/other', '--events', 'notification.failed'], env);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /Signing secret \(shown once\): whsec_/);

    const listed = await cli(['webhooks', 'list', '--account', accountId], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${endpoint.id}\\s+https://example.com/hook\\s+customer-invoice.created,customer-invoice.paid`));
    assert.doesNotMatch(listed.stdout, /whsec_/, 'the secret is not shown again');

    const deleted = await cli(['webhooks', 'delete', endpoint.id], env);
    assert.equal(deleted.code, 0, deleted.stderr);
    const json = JSON.parse((await cli(['webhooks', 'list', '--account', accountId, '--json'], env)).stdout) as { data: { id: string }[] };
    assert.equal(json.data.length, 1);
    assert.notEqual(json.data[0]?.id, endpoint.id);
  });

  it('refuses a private address, an unknown event, an unknown account and an unknown endpoint in one line each', async () => {
    assertOneLineFailure(await cli(['webhooks', 'create', '--account', accountId, '--url', 'http://10.0.0.1/hook', '--events', 'customer-invoice.created'], env), /url must not point at a loopback, private/);
    assertOneLineFailure(await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/x', '--events', 'invoice.eaten'], env), /unknown: invoice\.eaten/);
    assertOneLineFailure(await cli(['webhooks', 'list', '--account', 'acc_aaaaaaaaaaaaaa'], env), /no account acc_aaaaaaaaaaaaaa/);
    assertOneLineFailure(await cli(['webhooks', 'delete', 'whe_aaaaaaaaaaaaaa'], env), /no webhook endpoint whe_aaaaaaaaaaaaaa/);
  });
});
