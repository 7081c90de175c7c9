import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  secret?: string;
  links: { self: { href: string }; deliveries: { href: string } };
}

describe('webhook endpoints: register, read, list, delete', () => {
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
    account.request('/v1/webhook-endpoints', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  it('creates an endpoint, shows the whsec_ secret (256 bits) once, and never again', async () => {
    const res = await create(shop, { url: 'https://boekhouding.example.nl/hooks', events: ['customer-invoice.created', 'customer-invoice.paid'] });
    assert.equal(res.status, 201);
    const created = (await res.json()) as Endpoint;
    assert.match(created.id, /^whe_[0-9a-z]{14}$/);
    assert.equal(res.headers.get('location'), created.links.self.href);
    assert.match(created.secret ?? '', /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.ok(Buffer.from((created.secret ?? '').slice(6), 'base64url').length >= 32);
    assert.deepEqual(created.events, ['customer-invoice.created', 'customer-invoice.paid']);

    const read = (await (await shop.request(`/v1/webhook-endpoints/${created.id}`)).json()) as Endpoint;
    assert.equal(read.secret, undefined);
    const { secret: _shown, ...withoutSecret } = created;
    assert.deepEqual(read, withoutSecret);
    const listed = (await (await shop.request('/v1/webhook-endpoints')).json()) as { data: Endpoint[] };
    assert.ok(listed.data.every((e) => e.secret === undefined));
  });

  it('replays a create with the same Idempotency-Key (same id, same secret), and 422s the key on another body', async () => {
    const body = { url: 'https://example.com/idem', events: ['notification.failed'] };
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
      const problem = await expectProblem(await create(shop, { url, events: ['customer-invoice.created'] }), 422, ['url']);
      assert.match(fieldMessage(problem, 'url'), /must not point at a loopback, private or otherwise non-public address/);
    });
  }

  it('reports every bad field at once: scheme, unknown event, extra field', async () => {
    // The URL's own rules are reported beside the schema's findings (they used to be checked only once those passed).
    await expectProblem(await create(shop, { url: 'ftp://example.com/x', events: ['invoice.eaten'], secret: 'mine' }), 422, ['url', 'events.0', 'secret']);
    await expectProblem(await create(shop, { url: 'http://127.0.0.1/hook' }), 422, ['url', 'events']);
    await expectProblem(await create(shop, { url: 'ftp://example.com/x', events: ['customer-invoice.created'] }), 422, ['url']);
    await expectProblem(await create(shop, { url: 'https://user:pw@example.com/x', events: ['customer-invoice.created'] }), 422, ['url']);
    await expectProblem(await create(shop, { url: 'https://example.com/x', events: [] }), 422, ['events']);
  });

  it('answers another account’s endpoint with the same 404 as an unknown one, on every endpoint route', async () => {
    const mine = (await (await create(shop, { url: 'https://example.com/mine', events: ['customer-invoice.paid'] })).json()) as Endpoint;
    const unknown = 'whe_aaaaaaaaaaaaaa';
    for (const id of [mine.id, unknown]) {
      const bodies = [
        await expectProblem(await other.request(`/v1/webhook-endpoints/${id}`), 404),
        await expectProblem(await other.request(`/v1/webhook-endpoints/${id}`, { method: 'DELETE' }), 404),
        await expectProblem(await other.request(`/v1/webhook-endpoints/${id}/deliveries`), 404),
        await expectProblem(await other.request(`/v1/webhook-endpoints/${id}/deliveries/whd_aaaaaaaaaaaaaa/redeliver`, { method: 'POST' }), 404),
      ];
      for (const body of bodies) assert.ok(!body.detail.includes('Andere') && !body.detail.includes('Bakkerij'));
    }
    const listed = (await (await other.request('/v1/webhook-endpoints')).json()) as { data: unknown[] };
    assert.equal(listed.data.length, 0);
    assert.equal((await shop.request(`/v1/webhook-endpoints/${mine.id}`)).status, 200, 'still there');
  });

  it('lists newest first with keyset paging and deletes (204, then 404)', async () => {
    const account = await server.account('Lijstjes');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await (await create(account, { url: `https://example.com/${i}`, events: ['customer-invoice.created'] })).json()) as Endpoint).id);
    const seen: string[] = [];
    let next: string | null = '/v1/webhook-endpoints?per_page=2';
    while (next) {
      const page = (await (await account.request(next)).json()) as { data: Endpoint[]; next_page_url: string | null };
      seen.push(...page.data.map((e) => e.id));
      next = page.next_page_url ? new URL(page.next_page_url).pathname + new URL(page.next_page_url).search : null;
    }
    assert.deepEqual(seen, [...ids].reverse());
    await expectProblem(await account.request('/v1/webhook-endpoints?per_page=0'), 422, ['per_page']);
    assert.equal((await account.request(`/v1/webhook-endpoints/${ids[0]}`, { method: 'DELETE' })).status, 204);
    await expectProblem(await account.request(`/v1/webhook-endpoints/${ids[0]}`), 404);
  });

  it('caps an account at 16 endpoints (409)', async () => {
    const account = await server.account('Veel Haken');
    for (let i = 0; i < 16; i++) assert.equal((await create(account, { url: `https://example.com/${i}`, events: ['customer-invoice.paid'] })).status, 201);
    await expectProblem(await create(account, { url: 'https://example.com/17', events: ['customer-invoice.paid'] }), 409);
  });
});
