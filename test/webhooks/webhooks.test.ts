import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_WEBHOOKS_PER_ACCOUNT } from '../../src/webhooks/webhook.service.js';
import { PUBLISHED_EVENT_TYPES } from '../../src/webhooks/webhook.schemas.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';

interface Webhook {
  id: string;
  type: string;
  url: string;
  secret: string;
  createdAt: string;
  links: { self: { href: string }; deliveries: { href: string } };
}

describe('webhook records (reference 3.13): create, read, list, delete', () => {
  let server: TestServer;
  let shop: TestAccount;
  let other: TestAccount;
  // The SSRF rule is what these tests are about, so the allowance stays off here.
  before(async () => {
    server = await startTestServer();
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Andere Zaak');
  });
  after(() => server.close());

  const create = (account: TestAccount, body: unknown, headers: Record<string, string> = {}) =>
    account.request('/v1/webhooks', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  it('creates the published example as written: a wbh_ record with a 32-character letters-and-digits secret, shown on create, get and list', async () => {
    const res = await create(shop, { url: 'https://mijnklantportaal.nl/webhook-incoming', type: 'customer-created' });
    assert.equal(res.status, 201);
    const created = (await res.json()) as Webhook;
    assert.match(created.id, /^wbh_[0-9a-z]{14}$/);
    assert.equal(res.headers.get('location'), created.links.self.href);
    assert.equal(created.links.self.href, `${server.url}/v1/webhooks/${created.id}`);
    assert.equal(created.type, 'customer-created');
    assert.equal(created.url, 'https://mijnklantportaal.nl/webhook-incoming');
    assert.match(created.secret, /^[A-Za-z0-9]{32}$/, 'at least 128 bits: 32 × log2(62) ≈ 190');
    assert.match(created.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    const read = (await (await shop.request(`/v1/webhooks/${created.id}`)).json()) as Webhook;
    assert.deepEqual(read, created);
    const listed = (await (await shop.request('/v1/webhooks')).json()) as { data: Webhook[] };
    assert.deepEqual(listed.data.find((w) => w.id === created.id), created);
    const again = (await (await create(shop, { url: 'https://mijnklantportaal.nl/webhook-incoming', type: 'customer-created' })).json()) as Webhook;
    assert.notEqual(again.secret, created.secret, 'a secret per record');
  });

  it('accepts every published type (sections to come included) and our own two; refuses our former names', async () => {
    const account = await server.account('Alle Soorten');
    for (const type of [...PUBLISHED_EVENT_TYPES, 'invoice-viewed', 'notification-failed']) {
      const res = await create(account, { url: 'https://example.com/hook', type });
      assert.equal(res.status, 201, `${type}: ${await res.clone().text()}`);
      assert.equal(((await res.json()) as Webhook).type, type);
    }
    for (const type of ['customer-invoice.created', 'notification.failed', 'invoice.eaten']) {
      assert.match(fieldMessage(await expectProblem(await create(account, { url: 'https://example.com/hook', type }), 422, ['type']), 'type'), /must be one of/);
    }
  });

  it('replays a create with the same Idempotency-Key (same id, same secret), and 422s the key on another body', async () => {
    const body = { url: 'https://example.com/idem', type: 'notification-failed' };
    const first = await create(shop, body, { 'idempotency-key': 'wh-1' });
    const second = await create(shop, body, { 'idempotency-key': 'wh-1' });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await second.json(), await first.json());
    await expectProblem(await create(shop, { ...body, url: 'https://example.com/other' }, { 'idempotency-key': 'wh-1' }), 422, ['Idempotency-Key']);
  });

  for (const url of ['http://127.0.0.1/hook', 'http://10.0.0.1/hook', 'http://[::1]:8080/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.1/', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://192.168.1.10/']) {
    it(`refuses ${url} at registration (422 on url)`, async () => {
      const problem = await expectProblem(await create(shop, { url, type: 'invoice-created' }), 422, ['url']);
      assert.match(fieldMessage(problem, 'url'), /must not point at a loopback, private or otherwise non-public address/);
    });
  }

  it('reports every bad field at once: scheme, unknown type, extra field, an events list', async () => {
    // The URL's own rules are reported beside the schema's findings.
    await expectProblem(await create(shop, { url: 'ftp://example.com/x', type: 'invoice.eaten', secret: 'mine' }), 422, ['url', 'type', 'secret']);
    await expectProblem(await create(shop, { url: 'http://127.0.0.1/hook' }), 422, ['url', 'type']);
    await expectProblem(await create(shop, { url: 'ftp://example.com/x', type: 'invoice-created' }), 422, ['url']);
    await expectProblem(await create(shop, { url: 'https://user:pw@example.com/x', type: 'invoice-created' }), 422, ['url']);
    // The former shape: one type per record now.
    await expectProblem(await create(shop, { url: 'https://example.com/x', events: ['invoice-created'] }), 422, ['type', 'events']);
  });

  it('answers another account’s record with the same 404 as an unknown one, on every record route; /v1/webhook-endpoints is gone', async () => {
    const mine = (await (await create(shop, { url: 'https://example.com/mine', type: 'invoice-paid' })).json()) as Webhook;
    for (const id of [mine.id, 'wbh_aaaaaaaaaaaaaa', 'wbh_abc12345']) {
      const bodies = [
        await expectProblem(await other.request(`/v1/webhooks/${id}`), 404),
        await expectProblem(await other.request(`/v1/webhooks/${id}`, { method: 'DELETE' }), 404),
        await expectProblem(await other.request(`/v1/webhooks/${id}/deliveries`), 404),
        await expectProblem(await other.request(`/v1/webhooks/${id}/deliveries/whd_aaaaaaaaaaaaaa/redeliver`, { method: 'POST' }), 404),
      ];
      for (const body of bodies) assert.ok(!body.detail.includes('Andere') && !body.detail.includes('Bakkerij'));
    }
    const listed = (await (await other.request('/v1/webhooks')).json()) as { data: Webhook[] };
    assert.equal(listed.data.length, 0);
    assert.equal((await shop.request(`/v1/webhooks/${mine.id}`)).status, 200, 'still there');
    assert.equal((await shop.request('/v1/webhook-endpoints')).status, 404);
    assert.equal((await shop.request(`/v1/webhook-endpoints/${mine.id}`)).status, 404);
  });

  it('lists newest first and deletes (204, then 404)', async () => {
    const account = await server.account('Lijstjes');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await (await create(account, { url: `https://example.com/${i}`, type: 'invoice-created' })).json()) as Webhook).id);
    const page = (await (await account.request('/v1/webhooks')).json()) as { data: Webhook[] };
    assert.deepEqual(page.data.map((w) => w.id), [...ids].reverse());
    assert.equal((await account.request(`/v1/webhooks/${ids[0]}`, { method: 'DELETE' })).status, 204);
    await expectProblem(await account.request(`/v1/webhooks/${ids[0]}`), 404);
    await expectProblem(await account.request(`/v1/webhooks/${ids[0]}`, { method: 'DELETE' }), 404);
  });

  it(`caps an account at ${MAX_WEBHOOKS_PER_ACCOUNT} records (409)`, async () => {
    const account = await server.account('Veel Haken');
    for (let i = 0; i < MAX_WEBHOOKS_PER_ACCOUNT; i++) assert.equal((await create(account, { url: `https://example.com/${i}`, type: 'invoice-paid' })).status, 201);
    await expectProblem(await create(account, { url: 'https://example.com/over', type: 'invoice-paid' }), 409);
  });
});
