import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

const keys = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG' };

describe('STORAGE_URL', () => {
  it('unset: PDFs as files in DATA_DIR/pdfs', () => {
    assert.deepEqual(loadConfig({ DATA_DIR: '/srv/kp' }).storage, { kind: 'files', dir: path.join('/srv/kp', 'pdfs') });
  });

  it('s3://bucket?endpoint=…&region=…&forcePathStyle=true, credentials from AWS_*', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/kp',
      STORAGE_URL: 's3://invoices-prod?endpoint=http://127.0.0.1:9000/&region=eu-west-1&forcePathStyle=true',
      ...keys,
      AWS_SESSION_TOKEN: 'token',
    });
    assert.deepEqual(config.storage, {
      kind: 's3',
      bucket: 'invoices-prod',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG', sessionToken: 'token' },
      stagingDir: path.join('/srv/kp', 'pdf-staging'),
    });
  });

  it('AWS itself: no endpoint, region from AWS_REGION, no keys (the SDK’s role chain)', () => {
    const { storage } = loadConfig({ STORAGE_URL: 's3://invoices-prod', AWS_REGION: 'eu-central-1' });
    assert.equal(storage.kind, 's3');
    assert.equal(storage.endpoint, null);
    assert.equal(storage.region, 'eu-central-1');
    assert.equal(storage.forcePathStyle, false);
    assert.equal(storage.credentials, null);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['another scheme', { STORAGE_URL: 'ftp://bucket' }, /^STORAGE_URL must start with s3:\/\//],
    ['no bucket', { STORAGE_URL: 's3://?region=x' }, /^STORAGE_URL must name a bucket/],
    ['a bucket S3 would refuse', { STORAGE_URL: 's3://My_Bucket?region=x' }, /^STORAGE_URL must name a bucket/],
    ['a path', { STORAGE_URL: 's3://bucket/prefix?region=x' }, /^STORAGE_URL takes no path/],
    ['credentials in the URL', { STORAGE_URL: 's3://key:secret@bucket?region=x' }, /^STORAGE_URL must not hold credentials/],
    ['an unknown parameter', { STORAGE_URL: 's3://bucket?region=x&pathStyle=true' }, /^STORAGE_URL: unknown parameter "pathStyle"/],
    ['no region anywhere', { STORAGE_URL: 's3://bucket' }, /^STORAGE_URL needs a region/],
    ['forcePathStyle=yes', { STORAGE_URL: 's3://bucket?region=x&forcePathStyle=yes' }, /^STORAGE_URL forcePathStyle must be true or false/],
    ['an endpoint that is not http(s)', { STORAGE_URL: 's3://bucket?region=x&endpoint=ftp://h' }, /^STORAGE_URL endpoint must start with http:\/\//],
    ['a key id without its secret', { STORAGE_URL: 's3://bucket?region=x', AWS_ACCESS_KEY_ID: 'AKID' }, /^AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together/],
  ];
  for (const [label, env, message] of bad) {
    it(`refuses ${label} with one line that does not echo a secret`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, /\n|key:secret/);
          return true;
        },
      );
    });
  }
});
