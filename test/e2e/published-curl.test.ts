import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assertNoLeak } from '../helpers/problem.js';
import { PUBLISHED_CURL } from '../mkp/mkp.js';
import { startServeProcess, type ServeProcess } from '../helpers/process.js';
import { createTestData, tempDir, type TestData } from '../helpers/server.js';

const run = promisify(execFile);


async function curl(command: string, cwd: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error --write-out '\\n%{http_code}'`], { cwd });
  const lines = stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  const text = lines.join('\n');
  assertNoLeak(text);
  return { status, body: JSON.parse(text) as Record<string, unknown> };
}

describe('the curl commands users paste, against a server started as npm start starts it', () => {
  let data: TestData;
  let workDir: string;
  let server: ServeProcess;
  let banner: string;
  let linkToken = '';

  before(async () => {
    data = await createTestData('kp-curl-data-');
    workDir = await tempDir('kp-curl-work-');
    server = await startServeProcess(data.env);
    banner = await server.waitFor(/--form 'pdf=@[^']+'\n/);
  });
  after(async () => {
    const code = await server.stop();
    assert.equal(code, 0, 'SIGTERM shuts the server down cleanly');
    await data.cleanup();
    await fs.rm(workDir, { recursive: true, force: true });
  });

  const apiKey = () => /API key[^:]*: (kp_live_\w+)/.exec(banner)?.[1] ?? assert.fail('no API key printed');
  const customerId = () => /Demo customer: (cst_\w+)/.exec(banner)?.[1] ?? assert.fail('no customer id printed');

  it('prints an API key, a demo customer and a curl command whose paste gets 201', async () => {
    const printed = /curl --request POST[\s\S]*?--form 'pdf=@[^']+'/.exec(banner)?.[0];
    assert.ok(printed, banner);
    assert.match(printed, /issuedAt=2024-04-30/);
    const { status, body } = await curl(printed, workDir);
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.paidAt, '2024-05-11T12:59:00+02:00');
    assert.equal(body.customerId, customerId());
    assert.equal(body.amount, '12.95');
  });

  it('answers the published command verbatim with a 422 that says 2024-04-31 is not a date, and names the unknown customer', async () => {
    await fs.writeFile(path.join(workDir, 'example-file'), '%PDF-1.4\n% published example\n%%EOF\n');
    const command = PUBLISHED_CURL.replace('https://api.mijnklantportaal.nl', server.url).replace('<token>', apiKey());
    const { status, body } = await curl(command, workDir);
    assert.equal(status, 422);
    const errors = body.errors as { field: string; message: string }[];
    assert.deepEqual(errors.map((e) => e.field).sort(), ['customerId', 'issuedAt']);
    assert.match(errors.find((e) => e.field === 'issuedAt')?.message ?? '', /not a valid calendar date/);
  });

  it('creates the invoice from the published command once the customer and the date exist', async () => {
    const command = PUBLISHED_CURL.replace('https://api.mijnklantportaal.nl', server.url)
      .replace('<token>', apiKey())
      .replace('cst_abc12345def678', customerId())
      .replace('issuedAt=2024-04-31', 'issuedAt=2024-04-29');
    const { status, body } = await curl(command, workDir);
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.invoiceNumber, '2014-001');
    assert.equal(body.issuedAt, '2024-04-29');
    assert.equal(body.paidAt, '2024-05-11T12:59:00+02:00');
    // The two-step download as the README shows it: the cloud-file JSON with the key, then its link without one.
    const cloudFile = await run('curl', ['--silent', '--header', `Authorization: Bearer ${apiKey()}`, `${server.url}/v1/customer-invoices/${String(body.id)}/pdf`]);
    const { link } = JSON.parse(cloudFile.stdout) as { link: string; expiresAt: string };
    linkToken = link.slice(link.lastIndexOf('/') + 1);
    // The link is built on PUBLIC_BASE_URL (here the default http://localhost:<port>); the server listens on 127.0.0.1.
    const pdf = await run('curl', ['--silent', '--fail', server.url + new URL(link).pathname], { encoding: 'buffer' });
    assert.deepEqual(pdf.stdout, await fs.readFile(path.join(workDir, 'example-file')));
  });

  it('logs requests with their request id and never the API key', async () => {
    const logs = server.output().slice(banner.length);
    const lines = logs.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.ok(lines.some((line) => typeof line.requestId === 'string' && String(line.requestId).startsWith('req_')), logs);
    assert.equal(logs.includes(apiKey()), false, 'the API key appears in the logs');
    // A download link is a credential too: its request is logged with the token cut off.
    assert.ok(linkToken.length > 40 && logs.includes('/v1/downloads/[redacted]'), 'the download was logged');
    assert.equal(logs.includes(linkToken), false, 'a download link’s token appears in the logs');
  });

  it('does not create a second demo account on a restart', async () => {
    const again = await startServeProcess(data.env);
    try {
      assert.doesNotMatch(again.output(), /Created a demo account/);
    } finally {
      await again.stop();
    }
  });
});
