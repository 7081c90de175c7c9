import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { createClient } from '../../src/client/index.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface Link {
  href: string;
  type: string;
}

interface Group {
  id: string;
  name: string;
  createdAt: string;
  links: { self: Link; customers: Link };
}

interface Customer {
  id: string;
  companyName: string;
  customerGroups: string[];
  [field: string]: unknown;
}

const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

async function readJson<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return JSON.parse(text) as T;
}

async function createGroup(account: TestAccount, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return account.request('/v1/customer-groups', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

async function addCustomers(account: TestAccount, groupId: string, customers: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return account.request(`/v1/customer-groups/${groupId}/customers`, {
    method: 'POST',
    body: JSON.stringify({ customers }),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function customer(account: TestAccount, id: string): Promise<Customer> {
  return readJson<Customer>(await account.request(`/v1/customers/${id}`));
}

/** The ids in the first page of a list (read through `data` only). */
async function listIds(account: TestAccount, path: string): Promise<string[]> {
  return (await readJson<{ data: { id: string }[] }>(await account.request(path))).data.map((item) => item.id);
}

/** The typed client with the account's key (it walks pages by links, whatever their shape). */
function clientOf(account: TestAccount) {
  return createClient({ baseUrl: server.url, apiKey: account.apiKey });
}

async function spacedCustomers(account: TestAccount, count: number): Promise<Customer[]> {
  const made: Customer[] = [];
  for (let i = 0; i < count; i++) {
    made.push((await account.createCustomer()) as unknown as Customer);
    await sleep(5);
  }
  return made;
}

describe('POST /v1/customer-groups', () => {
  it('the published example: 201, Location, {id, name, createdAt} (+ links); the unknown id is ignored', async () => {
    const account = await server.account();
    const res = await createGroup(account, { name: 'Hosting customers', customers: ['cst_abc12345'] });
    const group = await readJson<Group>(res, 201);
    assert.deepEqual(Object.keys(group).sort(), ['createdAt', 'id', 'links', 'name']);
    assert.match(group.id, /^cug_[0-9a-z]{14}$/);
    assert.equal(group.name, 'Hosting customers');
    assert.match(group.createdAt, ATOM);
    assert.ok(Math.abs(Temporal.Instant.from(group.createdAt).epochMilliseconds - Date.now()) < 60_000);
    assert.deepEqual(group.links.self, { href: `${server.url}/v1/customer-groups/${group.id}`, type: 'application/json' });
    assert.deepEqual(group.links.customers, { href: `${server.url}/v1/customers?customerGroupId=${group.id}`, type: 'application/json' });
    assert.equal(res.headers.get('location'), group.links.self.href);
    assert.deepEqual(await readJson<Group>(await account.request(`/v1/customer-groups/${group.id}`)), group);
    assert.deepEqual(await listIds(account, `/v1/customers?customerGroupId=${group.id}`), []);
  });

  it('adds the account’s customers; unknown, malformed, repeated and other accounts’ ids are ignored silently', async () => {
    const account = await server.account();
    const other = await server.account('Ander');
    const [a, b] = await spacedCustomers(account, 2);
    const foreign = await other.createCustomer();
    const customers = [a!.id, a!.id, b!.id, foreign.id, 'cst_doesnotexist12', 'inv_aaaaaaaaaaaaaa', 'nonsense', '', 'cst_' + 'x'.repeat(300)];
    const group = await readJson<Group>(await createGroup(account, { name: 'Vaste klanten', customers }), 201);
    assert.deepEqual(await listIds(account, `/v1/customers?customerGroupId=${group.id}`), [b!.id, a!.id]);
    assert.deepEqual((await customer(account, a!.id)).customerGroups, [group.id]);
    assert.deepEqual((await customer(other, foreign.id)).customerGroups, [], 'another account’s customer is untouched');
  });

  it('validates every field at once and creates nothing', async () => {
    const account = await server.account();
    await expectProblem(await createGroup(account, {}), 422, ['name']);
    await expectProblem(await createGroup(account, { name: ' ', customers: 'cst_abc', id: 'cug_aaaaaaaaaaaaaa' }), 422, ['name', 'customers', 'id']);
    await expectProblem(await createGroup(account, { name: 'x'.repeat(201), customers: [42] }), 422, ['name', 'customers.0']);
    await expectProblem(await createGroup(account, { name: 'Te veel', customers: Array.from({ length: 1001 }, (_, i) => `cst_${i}`) }), 422, ['customers']);
    assert.deepEqual(await listIds(account, '/v1/customer-groups'), []);
  });

  it('Idempotency-Key: the same request replays the first answer and creates one group; another body is 422', async () => {
    const account = await server.account();
    const c = await account.createCustomer();
    const headers = { 'idempotency-key': 'groep-1' };
    const first = await createGroup(account, { name: 'Eén keer', customers: [c.id] }, headers);
    const group = await readJson<Group>(first, 201);
    const again = await createGroup(account, { customers: [c.id], name: 'Eén keer' }, headers);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.headers.get('location'), group.links.self.href);
    assert.deepEqual(await readJson<Group>(again, 201), group);
    await expectProblem(await createGroup(account, { name: 'Iets anders' }, headers), 422, ['Idempotency-Key']);
    assert.deepEqual(await listIds(account, '/v1/customer-groups'), [group.id]);
  });
});

describe('GET /v1/customer-groups and /{id}', () => {
  it('lists the account’s groups newest first, each as GET returns it', async () => {
    const account = await server.account();
    const made: Group[] = [];
    for (const name of ['Eerste', 'Tweede', 'Derde']) {
      made.push(await readJson<Group>(await createGroup(account, { name }), 201));
      await sleep(5);
    }
    const other = await server.account('Ander');
    await readJson<Group>(await createGroup(other, { name: 'Niet van ons' }), 201);
    const page = await readJson<{ data: Group[] }>(await account.request('/v1/customer-groups'));
    assert.deepEqual(page.data, [...made].reverse());
  });

  it('walks every group by pages without gaps or repeats', async () => {
    const account = await server.account();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await readJson<Group>(await createGroup(account, { name: `Groep ${i}` }), 201)).id);
      await sleep(5);
    }
    const seen: string[] = [];
    for await (const group of clientOf(account).groups.iterate()) seen.push(group.id);
    assert.deepEqual(seen, [...made].reverse());
  });

  it('an unknown, malformed or shorter id is 404', async () => {
    const account = await server.account();
    for (const id of ['cug_aaaaaaaaaaaaaa', 'cug_abc12345', 'cst_aaaaaaaaaaaaaa', 'nonsense']) {
      await expectProblem(await account.request(`/v1/customer-groups/${id}`), 404);
    }
  });
});

describe('PATCH /v1/customer-groups/{id}', () => {
  it('renames (the published example), keeps the id and createdAt', async () => {
    const account = await server.account();
    const group = await readJson<Group>(await createGroup(account, { name: 'Webhosting customers' }), 201);
    const renamed = await readJson<Group>(await account.json('PATCH', `/v1/customer-groups/${group.id}`, { name: 'Hosting customers' }));
    assert.deepEqual(renamed, { ...group, name: 'Hosting customers' });
    assert.deepEqual(await readJson<Group>(await account.request(`/v1/customer-groups/${group.id}`)), renamed);
  });

  it('name is required; nothing else can be set', async () => {
    const account = await server.account();
    const group = await readJson<Group>(await createGroup(account, { name: 'Vast' }), 201);
    await expectProblem(await account.json('PATCH', `/v1/customer-groups/${group.id}`, {}), 422, ['name']);
    await expectProblem(await account.json('PATCH', `/v1/customer-groups/${group.id}`, { name: '', customers: [] }), 422, ['name', 'customers']);
    assert.deepEqual(await readJson<Group>(await account.request(`/v1/customer-groups/${group.id}`)), group);
  });
});

describe('POST /v1/customer-groups/{id}/customers', () => {
  it('answers {"data": [<Customer>…]} with the group’s customers, newest first; adding twice changes nothing', async () => {
    const account = await server.account();
    const [a, b, c] = await spacedCustomers(account, 3);
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep', customers: [a!.id] }), 201);

    const answer = await readJson<{ data: Customer[] }>(await addCustomers(account, group.id, [c!.id, 'cst_abc12345', a!.id]));
    assert.deepEqual(Object.keys(answer), ['data']);
    assert.deepEqual(answer.data.map((x) => x.id), [c!.id, a!.id]);
    for (const item of answer.data) assert.deepEqual(item, await customer(account, item.id), 'each item is the customer as GET returns it');
    assert.deepEqual(answer.data[0]?.customerGroups, [group.id]);

    const again = await readJson<{ data: Customer[] }>(await addCustomers(account, group.id, [b!.id, b!.id, c!.id]));
    assert.deepEqual(again.data.map((x) => x.id), [c!.id, b!.id, a!.id]);
    const empty = await readJson<{ data: Customer[] }>(await addCustomers(account, group.id, []));
    assert.deepEqual(empty.data.map((x) => x.id), [c!.id, b!.id, a!.id]);
  });

  it('customerGroups lists every group of a customer, oldest membership first, on GET and in lists', async () => {
    const account = await server.account();
    const [a, b] = await spacedCustomers(account, 2);
    const first = await readJson<Group>(await createGroup(account, { name: 'Een', customers: [a!.id] }), 201);
    await sleep(5);
    const second = await readJson<Group>(await createGroup(account, { name: 'Twee', customers: [a!.id, b!.id] }), 201);
    assert.deepEqual((await customer(account, a!.id)).customerGroups, [first.id, second.id]);
    assert.deepEqual((await customer(account, b!.id)).customerGroups, [second.id]);
    const listed = await readJson<{ data: Customer[] }>(await account.request('/v1/customers'));
    assert.deepEqual(
      listed.data.map((x) => [x.id, x.customerGroups]),
      [
        [b!.id, [second.id]],
        [a!.id, [first.id, second.id]],
      ],
    );
  });

  it('Idempotency-Key replays the first answer', async () => {
    const account = await server.account();
    const [a, b] = await spacedCustomers(account, 2);
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep' }), 201);
    const headers = { 'idempotency-key': 'toevoegen-1' };
    const first = await readJson<{ data: Customer[] }>(await addCustomers(account, group.id, [a!.id], headers));
    await addCustomers(account, group.id, [b!.id]).then((res) => res.arrayBuffer());
    const replay = await addCustomers(account, group.id, [a!.id], headers);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await readJson<{ data: Customer[] }>(replay), first);
    await expectProblem(await addCustomers(account, group.id, [b!.id], headers), 422, ['Idempotency-Key']);
  });

  it('validates the body; an unknown group is 404', async () => {
    const account = await server.account();
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep' }), 201);
    await expectProblem(await account.json('POST', `/v1/customer-groups/${group.id}/customers`, {}), 422, ['customers']);
    await expectProblem(await addCustomers(account, group.id, 'cst_abc'), 422, ['customers']);
    await expectProblem(await addCustomers(account, 'cug_aaaaaaaaaaaaaa', []), 404);
  });
});

describe('filter GET /v1/customers?customerGroupId=', () => {
  it('only the group’s customers, newest first, walked in pages; an unknown or malformed group has none', async () => {
    const account = await server.account();
    const made = await spacedCustomers(account, 5);
    const members = [made[0]!, made[2]!, made[3]!];
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep', customers: members.map((c) => c.id) }), 201);
    const seen: string[] = [];
    for await (const c of clientOf(account).customers.iterate({ customerGroupId: group.id, per_page: 2 })) seen.push(c.id);
    assert.deepEqual(seen, members.map((c) => c.id).reverse());
    assert.deepEqual(await listIds(account, `/v1/customers?customerGroupId=${group.id}&primaryEmail=${encodeURIComponent(String(made[2]!.primaryEmail))}`), [made[2]!.id]);
    assert.deepEqual(await listIds(account, '/v1/customers?customerGroupId=cug_aaaaaaaaaaaaaa'), []);
    assert.deepEqual(await listIds(account, '/v1/customers?customerGroupId=nonsense'), []);
  });
});

describe('removing', () => {
  it('DELETE …/customers/{customerId}: 204, the customer leaves the group and stays; again is 404', async () => {
    const account = await server.account();
    const [a, b] = await spacedCustomers(account, 2);
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep', customers: [a!.id, b!.id] }), 201);
    const res = await account.request(`/v1/customer-groups/${group.id}/customers/${a!.id}`, { method: 'DELETE' });
    assert.equal(res.status, 204, await res.clone().text());
    assert.equal(await res.text(), '');
    assert.deepEqual(await listIds(account, `/v1/customers?customerGroupId=${group.id}`), [b!.id]);
    assert.deepEqual((await customer(account, a!.id)).customerGroups, []);
    await expectProblem(await account.request(`/v1/customer-groups/${group.id}/customers/${a!.id}`, { method: 'DELETE' }), 404);
    await expectProblem(await account.request(`/v1/customer-groups/${group.id}/customers/nonsense`, { method: 'DELETE' }), 404);
  });

  it('DELETE a group: 204, its customers stay and lose it; then 404 everywhere', async () => {
    const account = await server.account();
    const a = await account.createCustomer();
    const keep = await readJson<Group>(await createGroup(account, { name: 'Blijft', customers: [a.id] }), 201);
    const group = await readJson<Group>(await createGroup(account, { name: 'Weg', customers: [a.id] }), 201);
    const res = await account.request(`/v1/customer-groups/${group.id}`, { method: 'DELETE' });
    assert.equal(res.status, 204, await res.clone().text());
    assert.deepEqual((await customer(account, a.id)).customerGroups, [keep.id]);
    await expectProblem(await account.request(`/v1/customer-groups/${group.id}`), 404);
    await expectProblem(await account.json('PATCH', `/v1/customer-groups/${group.id}`, { name: 'Terug' }), 404);
    await expectProblem(await addCustomers(account, group.id, [a.id]), 404);
    await expectProblem(await account.request(`/v1/customer-groups/${group.id}`, { method: 'DELETE' }), 404);
    assert.deepEqual(await listIds(account, '/v1/customer-groups'), [keep.id]);
  });

  it('deleting a customer removes its memberships', async () => {
    const account = await server.account();
    const [a, b] = await spacedCustomers(account, 2);
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep', customers: [a!.id, b!.id] }), 201);
    assert.equal((await account.request(`/v1/customers/${a!.id}`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await listIds(account, `/v1/customers?customerGroupId=${group.id}`), [b!.id]);
    const answer = await readJson<{ data: Customer[] }>(await addCustomers(account, group.id, [a!.id]));
    assert.deepEqual(answer.data.map((x) => x.id), [b!.id]);
  });

  it('a customer with invoices cannot be deleted and keeps its groups', async () => {
    const account = await server.account();
    const a = await account.createCustomer();
    assert.equal((await account.createInvoice(validInvoice(a.id))).status, 201);
    const group = await readJson<Group>(await createGroup(account, { name: 'Groep', customers: [a.id] }), 201);
    await expectProblem(await account.request(`/v1/customers/${a.id}`, { method: 'DELETE' }), 409);
    assert.deepEqual((await customer(account, a.id)).customerGroups, [group.id]);
  });
});

describe("another account's group", () => {
  /** Everything a client could compare between two answers, apart from the per-request id and date. */
  async function comparable(res: Response, id: string): Promise<{ status: number; headers: [string, string][]; body: string }> {
    const body = (await res.text()).replaceAll(id, '{id}');
    const headers = [...res.headers].filter(([name]) => !['x-request-id', 'date', 'connection', 'keep-alive', 'content-length'].includes(name));
    return { status: res.status, headers, body };
  }

  it('is a 404 identical to a missing id on every route, and nothing changes', async () => {
    const owner = await server.account('Eigenaar');
    const intruder = await server.account('Indringer');
    const theirs = await owner.createCustomer();
    const mine = await intruder.createCustomer();
    const group = await readJson<Group>(await createGroup(owner, { name: 'Geheim', customers: [theirs.id] }), 201);
    const missing = `cug_${'0'.repeat(14)}`;
    const attempts = (id: string) => [
      intruder.request(`/v1/customer-groups/${id}`),
      intruder.json('PATCH', `/v1/customer-groups/${id}`, { name: 'Overgenomen' }),
      addCustomers(intruder, id, [mine.id, theirs.id]),
      intruder.request(`/v1/customer-groups/${id}/customers/${theirs.id}`, { method: 'DELETE' }),
      intruder.request(`/v1/customer-groups/${id}`, { method: 'DELETE' }),
    ];
    for (const [i, attempt] of attempts(group.id).entries()) {
      const foreign = await attempt;
      assert.equal(foreign.status, 404);
      const absent = await attempts(missing)[i]!;
      assert.deepEqual(await comparable(foreign, group.id), await comparable(absent, missing));
    }
    assert.deepEqual(await readJson<Group>(await owner.request(`/v1/customer-groups/${group.id}`)), group);
    assert.deepEqual(await listIds(owner, `/v1/customers?customerGroupId=${group.id}`), [theirs.id]);
    assert.deepEqual(await listIds(intruder, `/v1/customers?customerGroupId=${group.id}`), []);
    assert.deepEqual(await listIds(intruder, '/v1/customer-groups'), []);
    assert.deepEqual((await customer(intruder, mine.id)).customerGroups, []);
  });

  it('a group cannot take in another account’s customer by id, nor remove one', async () => {
    const owner = await server.account('Eigenaar');
    const intruder = await server.account('Indringer');
    const theirs = await owner.createCustomer();
    const group = await readJson<Group>(await createGroup(intruder, { name: 'Buit' }), 201);
    const answer = await readJson<{ data: Customer[] }>(await addCustomers(intruder, group.id, [theirs.id]));
    assert.deepEqual(answer.data, []);
    await expectProblem(await intruder.request(`/v1/customer-groups/${group.id}/customers/${theirs.id}`, { method: 'DELETE' }), 404);
    assert.deepEqual((await customer(owner, theirs.id)).customerGroups, []);
  });
});
