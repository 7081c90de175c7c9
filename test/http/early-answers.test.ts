import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { demoAccount, startServeProcess, type ServeProcess } from '../helpers/process.js';
import { rawExchange } from '../helpers/raw-http.js';
import { createTestData, samplePdf, validInvoice, type TestData } from '../helpers/server.js';

const MiB = 1024 * 1024;

function uploadForm(customerId: string, size: number): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(validInvoice(customerId))) form.append(name, value);
  form.append('pdf', new Blob([samplePdf(undefined, size)], { type: 'application/pdf' }), 'invoice.pdf');
  return form;
}

/** fetch's answer as "status", or the network error a client would see instead of it. */
async function answerOf(request: Promise<Response>): Promise<string> {
  try {
    const res = await request;
    const body = (await res.json()) as { status?: number };
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(body.status, res.status);
    return String(res.status);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `network error: ${cause?.message ?? String(error)}`;
  }
}

// An answer given before the body was read (wrong key, rate limit, key in flight, database away) must reach a
// client that is still sending its PDF. Closing the socket at once made the kernel reset it, and the client saw
// `write EPIPE` instead of the 401 in 59–100 % of uploads (64 KiB–20 MiB) before the fix. Real `serve` processes:
// with client and server in one process the reset did not show.
describe('answers given before an upload was read reach the client', () => {
  let data: TestData;
  let limitedData: TestData;
  let server: ServeProcess;
  let limited: ServeProcess;
  let limitedKey = '';
  let limitedCustomer = '';
  before(async () => {
    data = await createTestData('kp-early-');
    server = await startServeProcess({ ...data.env, LOG_LEVEL: 'fatal', MAX_PDF_BYTES: String(4 * MiB), RATE_LIMIT_PER_MINUTE: '0' });
    limitedData = await createTestData('kp-early-limited-');
    limited = await startServeProcess({ ...limitedData.env, LOG_LEVEL: 'fatal', RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_WINDOW_SECONDS: '60' });
    ({ apiKey: limitedKey, customerId: limitedCustomer } = await demoAccount(limited));
  });
  after(async () => {
    await server.stop();
    await limited.stop();
    await data.cleanup();
    await limitedData.cleanup();
  });

  it('a wrong API key on 64 KiB–4 MiB uploads gets its 401 every time, never a reset', async () => {
    const answers: Record<string, number> = {};
    for (const size of [64 * 1024, 2 * MiB, 4 * MiB]) {
      for (let i = 0; i < 10; i++) {
        const answer = await answerOf(
          fetch(`${server.url}/v1/customer-invoices`, { method: 'POST', body: uploadForm('cst_00000000000000', size), headers: { authorization: 'Bearer kp_live_wrong' } }),
        );
        answers[answer] = (answers[answer] ?? 0) + 1;
      }
    }
    assert.deepEqual(answers, { 401: 30 });
  });

  it('a rate-limited upload gets its 429 with Retry-After, not a reset', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${limited.url}/v1/customer-invoices`, {
        method: 'POST', body: uploadForm(limitedCustomer, 2 * MiB), headers: { authorization: `Bearer ${limitedKey}` },
      }).catch((error: unknown) => error);
      if (!(res instanceof Response)) {
        answers.push(`network error: ${String((res as { cause?: unknown }).cause ?? res)}`);
        continue;
      }
      if (res.status === 429) assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
      await res.arrayBuffer();
      answers.push(String(res.status));
    }
    // The window's one request creates the invoice; every upload after it is told to wait.
    assert.deepEqual(answers, ['201', '429', '429', '429', '429', '429']);
  });

  it('keeps the connection: after a 401 on an upload the same connection answers the next request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ports: number[] = [];
    const send = (method: string, pathname: string, body?: Buffer, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`${server.url}${pathname}`, { method, agent, headers }, (res) => {
          ports.push(res.socket.localPort ?? 0);
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
    const body = Buffer.concat([Buffer.from('--b\r\ncontent-disposition: form-data; name="pdf"; filename="a.pdf"\r\ncontent-type: application/pdf\r\n\r\n'), Buffer.from(samplePdf(undefined, MiB)), Buffer.from('\r\n--b--\r\n')]);
    const statuses = [
      await send('POST', '/v1/customer-invoices', body, { authorization: 'Bearer kp_live_wrong', 'content-type': 'multipart/form-data; boundary=b' }),
      await send('POST', '/v1/customer-invoices', body, { authorization: 'Bearer kp_live_wrong', 'content-type': 'multipart/form-data; boundary=b' }),
      await send('GET', '/healthz'),
    ];
    agent.destroy();
    assert.deepEqual(statuses, [401, 401, 200]);
    assert.equal(new Set(ports).size, 1, `one connection for all three requests, not ${new Set(ports).size}`);
  });

  it('does not read a body declared larger than the biggest upload it accepts: 401 at once, then the connection closes', async () => {
    const head =
      'POST /v1/customer-invoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer kp_live_wrong\r\n' +
      `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${100 * MiB}\r\n\r\n`;
    // Only the first KiB of the declared 100 MiB is ever sent: an answer shows the server did not wait for the rest.
    const exchange = await rawExchange(server.url, [head, Buffer.alloc(1024, 0x41)], { giveUpMs: 10_000 });
    assert.equal(exchange.status, 401, exchange.response);
    assert.match(exchange.response, /\r\nconnection: close\r\n/i);
    assert.equal(exchange.closedByServer, true);
  });
});
