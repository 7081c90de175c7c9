import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import { REPO_ROOT } from '../helpers/process.js';

const base = { DATA_DIR: '/tmp/kp-config-test' };

function refused(env: Record<string, string>): string {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.doesNotMatch(error.message, /\n/);
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('mail configuration', () => {
  it('defaults: .eml files under DATA_DIR, no-reply sender, retries over about three hours', () => {
    const config = loadConfig(base);
    assert.deepEqual(config.mail.transport, { kind: 'files', dir: path.join('/tmp/kp-config-test', 'outbox-mail') });
    assert.deepEqual(config.mail.from, { address: 'no-reply@localhost', name: null });
    assert.equal(config.mail.maxAttempts, 10);
    assert.equal(config.mail.retryBaseMs, 30_000);
    assert.equal(config.mail.retryMaxMs, 3_600_000);
    assert.deepEqual(loadConfig({ ...base, PUBLIC_BASE_URL: 'https://facturen.example.nl' }).mail.from, { address: 'no-reply@facturen.example.nl', name: null });
  });

  it('email caps: 1,000 per account and 20 per address an hour by default; 0 turns one off', () => {
    assert.deepEqual(loadConfig(base).mail.caps, { perAccount: 1000, perAddress: 20, windowSeconds: 3600 });
    const off = loadConfig({ ...base, MAIL_CAP_PER_ACCOUNT_PER_HOUR: '0', MAIL_CAP_PER_ADDRESS_PER_HOUR: '0', MAIL_CAP_WINDOW_SECONDS: '2' });
    assert.deepEqual(off.mail.caps, { perAccount: 0, perAddress: 0, windowSeconds: 2 });
  });

  it('reads SMTP_URL with credentials and MAIL_FROM with or without a name', () => {
    const config = loadConfig({ ...base, SMTP_URL: 'smtps://user:p%40ss@smtp.example.com:465', MAIL_FROM: '"Facturen" <facturen@example.nl>' });
    assert.equal(config.mail.transport.kind, 'smtp');
    assert.deepEqual(config.mail.from, { address: 'facturen@example.nl', name: 'Facturen' });
    assert.deepEqual(loadConfig({ ...base, MAIL_FROM: 'Bakkerij Jansen <info@jansen.nl>' }).mail.from, { address: 'info@jansen.nl', name: 'Bakkerij Jansen' });
  });

  it('refuses bad values in one line, never echoing an SMTP password', () => {
    assert.match(refused({ SMTP_URL: 'http://mail.example.com' }), /^SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    const message = refused({ SMTP_URL: 'smtp://user:s3cret@exa mple.com' });
    assert.doesNotMatch(message, /s3cret/);
    assert.match(refused({ SMTP_URL: 'smtp://mail.example.com?tls.rejectUnauthorized=false' }), /^SMTP_URL takes no query parameters/);
    assert.match(refused({ MAIL_FROM: 'not an address' }), /^MAIL_FROM must be an email address/);
    assert.match(refused({ MAIL_MAX_ATTEMPTS: '0' }), /^MAIL_MAX_ATTEMPTS must be a whole number from 1 to 100/);
    assert.match(refused({ MAIL_RETRY_BASE_MS: '5000', MAIL_RETRY_MAX_MS: '1000' }), /MAIL_RETRY_MAX_MS \(1000\) must not be below MAIL_RETRY_BASE_MS/);
    assert.match(refused({ MAIL_LEASE_MS: 'soon' }), /^MAIL_LEASE_MS must be a whole number/);
    assert.match(refused({ MAIL_CAP_PER_ACCOUNT_PER_HOUR: '1e3' }), /^MAIL_CAP_PER_ACCOUNT_PER_HOUR must be a whole number from 0 to 10000000, got "1e3"$/);
    assert.match(refused({ MAIL_CAP_PER_ADDRESS_PER_HOUR: '-1' }), /^MAIL_CAP_PER_ADDRESS_PER_HOUR must be a whole number from 0/);
    assert.match(refused({ MAIL_CAP_WINDOW_SECONDS: '0' }), /^MAIL_CAP_WINDOW_SECONDS must be a whole number from 1 to 86400/);
  });

  it('`klantportaal worker` with a bad setting stops with one line and status 78', async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(REPO_ROOT, 'bin/klantportaal.js'), 'worker'],
        { env: { PATH: process.env.PATH ?? '', DATA_DIR: '/tmp/kp-config-test', MAIL_FROM: 'nobody' }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
    assert.equal(run.code, 78);
    assert.match(run.stderr, /^klantportaal: MAIL_FROM must be an email address[^\n]*\n$/);
  });
});
