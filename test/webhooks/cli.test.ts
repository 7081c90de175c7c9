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

describe('klantportaal webhooks create | list | delete (one record per event type)', () => {
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

  it('creates a record for one type (the secret printed), lists it (the secret only in --json, as the API shows it) and deletes it', async () => {
    const created = await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/hook', '--type', 'invoice-created', '--json'], env);
    assert.equal(created.code, 0, created.stderr);
    const webhook = JSON.parse(created.stdout) as { id: string; url: string; type: string; secret: string };
    assert.match(webhook.id, /^wbh_[0-9a-z]{14}$/);
    assert.match(webhook.secret, /^[A-Za-z0-9]{32}$/);
    assert.equal(webhook.type, 'invoice-created');

    const human = await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/other', '--type', 'notification-failed'], env);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /Secret \(X-Webhook-Signature, HMAC key\): [A-Za-z0-9]{32}\n/);

    const listed = await cli(['webhooks', 'list', '--account', accountId], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`${webhook.id}\\s+invoice-created\\s+https://example.com/hook`));
    assert.ok(!listed.stdout.includes(webhook.secret), 'not on a terminal line');
    const asJson = JSON.parse((await cli(['webhooks', 'list', '--account', accountId, '--json'], env)).stdout) as { data: { id: string; secret: string }[] };
    assert.equal(asJson.data.find((w) => w.id === webhook.id)?.secret, webhook.secret);

    const deleted = await cli(['webhooks', 'delete', webhook.id], env);
    assert.equal(deleted.code, 0, deleted.stderr);
    const json = JSON.parse((await cli(['webhooks', 'list', '--account', accountId, '--json'], env)).stdout) as { data: { id: string }[] };
    assert.equal(json.data.length, 1);
    assert.notEqual(json.data[0]?.id, webhook.id);
  });

  it('refuses a private address, an unknown type, the old --events, an unknown account and an unknown record in one line each', async () => {
    assertOneLineFailure(await cli(['webhooks', 'create', '--account', accountId, '--url', 'http://10.0.0.1/hook', '--type', 'invoice-created'], env), /url must not point at a loopback, private/);
    assertOneLineFailure(await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/x', '--type', 'invoice.eaten'], env), /unknown: invoice\.eaten/);
    assertOneLineFailure(await cli(['webhooks', 'create', '--account', accountId, '--url', 'https://example.com/x', '--events', 'invoice-created'], env), /--events/);
    assertOneLineFailure(await cli(['webhooks', 'list', '--account', 'acc_aaaaaaaaaaaaaa'], env), /no account acc_aaaaaaaaaaaaaa/);
    assertOneLineFailure(await cli(['webhooks', 'delete', 'wbh_aaaaaaaaaaaaaa'], env), /no webhook wbh_aaaaaaaaaaaaaa/);
  });
});
