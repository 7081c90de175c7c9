/**
 * MijnKlantportaal compatibility, reference 3.13 (Webhooks): the published create body as written, one record
 * per published event type (reference 2.10, all 23), get, list and delete, and every documented field of the
 * `Webhook` answers checked, the secret included on create, get and list as published. No webhook is called
 * here (no worker runs); delivery is the webhooks tests' business.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { PUBLISHED_WEBHOOK_TYPES, WEBHOOK_FIELDS, assertRecent, checkTwoPages, documented, expectCreated, expectJson, webhook, type Json } from './mkp.js';

const PUBLISHED_URL = 'https://mijnklantportaal.nl/webhook-incoming';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

async function createWebhook(account: TestAccount, body: Json): Promise<Json> {
  return expectCreated(await account.json('POST', '/v1/webhooks', body), '/v1/webhooks', webhook, `webhook ${String(body.type)}`);
}

describe('MKP 3.13 POST /webhooks', () => {
  it('creates a record from the published body as written: 201, every documented field, the secret included', async () => {
    const account = await server.account();
    const since = Temporal.Now.instant();
    const created = await createWebhook(account, { url: 'https://mijnklantportaal.nl/webhook-incoming', type: 'customer-created' });
    assert.equal(created.url, PUBLISHED_URL);
    assert.equal(created.type, 'customer-created');
    assertRecent(created.createdAt, since, 'createdAt');
  });

  it('accepts every one of the 23 published event types, one record each, each with its own secret', async () => {
    const account = await server.account();
    const secrets = new Set<string>();
    for (const type of PUBLISHED_WEBHOOK_TYPES) {
      const created = await createWebhook(account, { url: PUBLISHED_URL, type });
      assert.equal(created.type, type);
      secrets.add(String(created.secret));
    }
    assert.equal(secrets.size, PUBLISHED_WEBHOOK_TYPES.length, 'no two records share a secret');
  });
});

describe('MKP 3.13 GET and DELETE /webhooks/{webhookId}', () => {
  it('GET returns the record with every documented field, the secret included, as created', async () => {
    const account = await server.account();
    const created = await createWebhook(account, { url: PUBLISHED_URL, type: 'invoice-paid' });
    const got = await expectJson(await account.request(`/v1/webhooks/${String(created.id)}`), 200);
    webhook(got, 'GET webhook');
    assert.deepEqual(documented(got as Json, WEBHOOK_FIELDS), documented(created, WEBHOOK_FIELDS));
  });

  it('GET of the example id wbh_abc12345def678 is 404, as documented', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/webhooks/wbh_abc12345def678'), 404);
  });

  it('DELETE removes the record: 204, then GET is 404 and the list no longer shows it', async () => {
    const account = await server.account();
    const kept = await createWebhook(account, { url: PUBLISHED_URL, type: 'invoice-created' });
    const gone = await createWebhook(account, { url: PUBLISHED_URL, type: 'invoice-deleted' });
    const res = await account.request(`/v1/webhooks/${String(gone.id)}`, { method: 'DELETE' });
    assert.equal(res.status, 204, await res.text());
    await expectProblem(await account.request(`/v1/webhooks/${String(gone.id)}`), 404);
    const list = (await expectJson(await account.request('/v1/webhooks'), 200)) as { data: Json[] };
    assert.deepEqual(
      list.data.map((item) => item.id),
      [kept.id],
    );
  });
});

describe('MKP 3.13 GET /webhooks (paginated)', () => {
  it('lists the 23 records on two pages of the documented envelope, secrets included; ?page=2 as the examples write it', async () => {
    const account = await server.account();
    const created = new Map<string, Json>();
    for (const type of PUBLISHED_WEBHOOK_TYPES) {
      const record = await createWebhook(account, { url: PUBLISHED_URL, type });
      created.set(String(record.id), record);
    }
    await checkTwoPages(account, server.url, '/v1/webhooks', [...created.keys()], webhook);
    for (const page of ['/v1/webhooks', '/v1/webhooks?page=2']) {
      const list = (await expectJson(await account.request(page), 200)) as { data: Json[] };
      for (const item of list.data) {
        assert.deepEqual(documented(item, WEBHOOK_FIELDS), documented(created.get(String(item.id)) ?? {}, WEBHOOK_FIELDS), 'the list shows each record as created, secret included');
      }
    }
  });
});
