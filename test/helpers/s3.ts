import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { tempDir } from './server.js';

// s3rver's one built-in key pair; it checks SigV4 signatures against it.
const ACCESS_KEY = 'S3RVER';

export interface S3Server {
  bucket: string;
  endpoint: string;
  /** The environment that points the app at this server. */
  env: Record<string, string>;
  /** Every key in the bucket, sorted, read through the real AWS client. */
  keys(): Promise<string[]>;
  /** s3rver's events so far, e.g. "ObjectCreated:Put pdfs/….pdf". */
  events: string[];
  /** Stops answering (connections refused) until `start` again, on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes its data. */
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) on a loopback port, with one empty bucket. s3rver makes its listing
 * continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider: test/run.ts runs the test files
 * with `--openssl-legacy-provider` (only the test processes; `serve` runs without it), and without that flag a
 * listing of more than 1,000 keys answers InternalError.
 */
export async function startS3Server(bucket = 'klantportaal-test'): Promise<S3Server> {
  const directory = await tempDir('kp-s3rver-');
  const events: string[] = [];
  let port = 0;
  let running: S3rver | null = null;
  const start = async () => {
    const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
    server.on('event', (event: S3rver.Event) => {
      for (const record of event.Records) events.push(`${record.eventName} ${record.s3.object.key}`);
    });
    ({ port } = await server.run());
    running = server;
  };
  const stop = async () => {
    await running?.close();
    running = null;
  };
  await start();
  const { view, client } = bucketView(bucket, `http://127.0.0.1:${port}`);
  return {
    ...view,
    events,
    stop,
    start,
    async close() {
      await stop();
      client.destroy();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

export type S3ServerProcess = Pick<S3Server, 'bucket' | 'endpoint' | 'env' | 'keys' | 'close'>;

/**
 * s3rver in a child process (test/helpers/s3rver-main.ts), as a real S3 is a service of its own: under the kill
 * -9 loop's 32 uploaders an in-process s3rver shared the test's event loop with the clients feeding the server.
 */
export async function startS3ServerProcess(bucket = 'klantportaal-test'): Promise<S3ServerProcess> {
  const directory = await tempDir('kp-s3rver-');
  const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3rver-main.ts');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', main, directory, bucket], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /s3rver listening on (\d+)/.exec(stdout);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}: ${stderr.slice(-2000)}`)));
  });
  const { view, client } = bucketView(bucket, `http://127.0.0.1:${port}`);
  return {
    ...view,
    async close() {
      client.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** What both servers offer: the environment that points the app at `bucket`, and its listing through the AWS client. */
function bucketView(bucket: string, endpoint: string): { view: Pick<S3Server, 'bucket' | 'endpoint' | 'env' | 'keys'>; client: S3Client } {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const view = {
    bucket,
    endpoint,
    env: {
      STORAGE_URL: `s3://${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`,
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: ACCESS_KEY,
    },
    async keys() {
      // A listing answers at most 1,000 keys a page: follow the continuation tokens (the kill -9 gate stores more).
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
  };
  return { view, client };
}
