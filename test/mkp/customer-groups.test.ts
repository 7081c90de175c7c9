/**
 * MijnKlantportaal compatibility, reference 3.3 (Customer Groups): the five documented endpoints with the
 * pages' bodies as written (the example customer id `cst_abc12345` is unknown, which the pages say is ignored
 * without an error) and with real customer ids, and every documented field checked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { GROUP_FIELDS, assertRecent, checkTwoPages, createCustomer, customer, customerGroup, documented, expectCreated, expectJson, type Json } from './mkp.js';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

function createGroup(account: TestAccount, body: unknown): Promise<Json> {
  return account.json('POST', '/v1/customer-groups', body).then((res) => expectCreated(res, '/v1/customer-groups', customerGroup, 'created group'));
}

/** The answer of POST /customer-groups/{id}/customers: exactly `{"data": [Customer…]}`; returns the ids. */
async function addCustomers(account: TestAccount, groupId: string, customers: string[]): Promise<string[]> {
  const res = await account.json('POST', `/v1/customer-groups/${groupId}/customers`, { customers });
  // The page gives no status code for this call; any success will do.
  assert.ok(res.status === 200 || res.status === 201, `expected a 2xx, got ${res.status}: ${await res.clone().text()}`);
  const body = await expectJson(res, res.status);
  assert.ok(body !== null && typeof body === 'object' && !Array.isArray(body));
  assert.deepEqual(Object.keys(body), ['data'], 'a non-paginated list: {"data": [...]}');
  const data = (body as Json).data;
  assert.ok(Array.isArray(data));
  data.forEach((item, i) => {
    customer(item, `data[${i}]`);
    assert.ok(((item as Json).customerGroups as string[]).includes(groupId), `data[${i}] lists the group in customerGroups`);
  });
  return data.map((item) => String((item as Json).id));
}

async function customerGroupsOf(account: TestAccount, customerId: string): Promise<string[]> {
  const got = await expectJson(await account.request(`/v1/customers/${customerId}`), 200);
  customer(got, 'GET customer');
  return (got as Json).customerGroups as string[];
}

describe('MKP 3.3 POST /customer-groups', () => {
  it('creates a group from the published body as written: 201, the unknown cst_abc12345 ignored', async () => {
    const account = await server.account();
    const since = Temporal.Now.instant();
    const group = await createGroup(account, { name: 'Hosting customers', customers: ['cst_abc12345'] });
    assert.equal(group.name, 'Hosting customers');
    assertRecent(group.createdAt, since, 'createdAt');
    assert.deepEqual(await addCustomers(account, String(group.id), []), [], 'the unknown id did not join the group');
  });

  it('creates a group with real customer ids: they list it in customerGroups', async () => {
    const account = await server.account();
    const first = String((await createCustomer(account)).id);
    const second = String((await createCustomer(account, { primaryEmail: 'second@test.com' })).id);
    const outsider = String((await createCustomer(account, { primaryEmail: 'outsider@test.com' })).id);
    const group = await createGroup(account, { name: 'Webhosting customers', customers: [first, 'cst_abc12345', second] });
    assert.deepEqual(await customerGroupsOf(account, first), [group.id]);
    assert.deepEqual(await customerGroupsOf(account, second), [group.id]);
    assert.deepEqual(await customerGroupsOf(account, outsider), []);
  });
});

describe('MKP 3.3 GET and PATCH /customer-groups/{customerGroupId}, POST …/customers', () => {
  let account: TestAccount;
  let group: Json;

  before(async () => {
    account = await server.account();
    group = await createGroup(account, { name: 'Webhosting customers', customers: [] });
  });

  it('GET returns the group with every documented field, as created', async () => {
    const got = await expectJson(await account.request(`/v1/customer-groups/${String(group.id)}`), 200);
    customerGroup(got, 'GET group');
    assert.deepEqual(documented(got as Json, GROUP_FIELDS), documented(group, GROUP_FIELDS));
  });

  it('PATCH {"name": "Hosting customers"} renames it: 200 and every documented field', async () => {
    const changed = await expectJson(await account.json('PATCH', `/v1/customer-groups/${String(group.id)}`, { name: 'Hosting customers' }), 200);
    customerGroup(changed, 'PATCHed group');
    assert.deepEqual(documented(changed as Json, GROUP_FIELDS), { ...documented(group, GROUP_FIELDS), name: 'Hosting customers' });
    const got = await expectJson(await account.request(`/v1/customer-groups/${String(group.id)}`), 200);
    assert.equal((got as Json).name, 'Hosting customers');
  });

  it('POST …/customers adds customers and answers {"data": [Customer…]} with the group\'s customers; unknown ids are ignored', async () => {
    const groupId = String(group.id);
    assert.deepEqual(await addCustomers(account, groupId, ['cst_abc12345']), [], 'the published body as written: nothing to add, no error');
    const first = String((await createCustomer(account)).id);
    const second = String((await createCustomer(account, { primaryEmail: 'second@test.com' })).id);
    assert.deepEqual(await addCustomers(account, groupId, [first, 'cst_abc12345']), [first]);
    assert.deepEqual((await addCustomers(account, groupId, [second])).sort(), [first, second].sort(), 'the answer lists all of the group\'s customers');
    assert.deepEqual((await addCustomers(account, groupId, [first])).sort(), [first, second].sort(), 'adding a member again changes nothing');
    assert.deepEqual(await customerGroupsOf(account, first), [groupId]);

    // A customer in two groups lists both, in the customer's own GET and in the customers list.
    const other = await createGroup(account, { name: 'Mail customers', customers: [first] });
    assert.deepEqual((await customerGroupsOf(account, first)).sort(), [groupId, String(other.id)].sort());
    const list = (await expectJson(await account.request('/v1/customers'), 200)) as { data: Json[] };
    const listed = list.data.find((item) => item.id === first);
    assert.ok(listed, 'the customer is in the list');
    assert.deepEqual([...(listed.customerGroups as string[])].sort(), [groupId, String(other.id)].sort());
  });
});

describe('MKP 3.3 GET /customer-groups (paginated)', () => {
  it('lists 16 groups on two pages of the documented envelope; ?page=2 as the examples write it', async () => {
    const account = await server.account();
    const ids: string[] = [];
    for (let i = 1; i <= 16; i++) ids.push(String((await createGroup(account, { name: `Groep ${i}`, customers: [] })).id));
    await checkTwoPages(account, server.url, '/v1/customer-groups', ids, customerGroup);
  });
});
