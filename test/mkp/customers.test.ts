/**
 * MijnKlantportaal compatibility, reference 3.2 (Customers): every request the pages show, sent as written (host
 * and ids replaced), and every documented field of the `Customer` answers checked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { CUSTOMER_FIELDS, PUBLISHED_CUSTOMER, assertRecent, checkTwoPages, createCustomer, customer, documented, expectCreated, expectJson, type Json } from './mkp.js';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

describe('MKP 3.2 POST /customers', () => {
  it('creates a customer from the published body as written: 201 and every documented field', async () => {
    const account = await server.account();
    const since = Temporal.Now.instant();
    const res = await account.json('POST', '/v1/customers', PUBLISHED_CUSTOMER);
    const created = await expectCreated(res, '/v1/customers', customer, 'created customer');
    assert.deepEqual(documented(created, Object.keys(PUBLISHED_CUSTOMER)), PUBLISHED_CUSTOMER);
    // Not given on create, so not known: no phone, no bookkeeping integration, in no group yet.
    assert.equal(created.phone, null);
    assert.equal(created.integration, null);
    assert.equal(created.integrationId, null);
    assert.deepEqual(created.customerGroups, []);
    assertRecent(created.createdAt, since, 'createdAt');
  });

  it('falls back to countryCode NL when the body leaves it out (the older pages\' body)', async () => {
    const account = await server.account();
    const { countryCode: _left, ...older } = PUBLISHED_CUSTOMER;
    const created = await expectCreated(await account.json('POST', '/v1/customers', older), '/v1/customers', customer, 'created customer');
    assert.equal(created.countryCode, 'NL');
  });

  it('keeps another countryCode it is given', async () => {
    const account = await server.account();
    const created = await createCustomer(account, { countryCode: 'BE' });
    assert.equal(created.countryCode, 'BE');
  });
});

describe('MKP 3.2 GET and PATCH /customers/{customerId}', () => {
  it('GET returns the customer with every documented field, as created', async () => {
    const account = await server.account();
    const created = await createCustomer(account);
    const got = await expectJson(await account.request(`/v1/customers/${String(created.id)}`), 200);
    customer(got, 'GET customer');
    assert.deepEqual(documented(got as Json, CUSTOMER_FIELDS), documented(created, CUSTOMER_FIELDS));
  });

  it('GET of the example id cst_abc12345def678 is 404', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/customers/cst_abc12345def678'), 404);
  });

  it('PATCH with the published example body changes those fields: 200 and every documented field', async () => {
    const account = await server.account();
    const before = await createCustomer(account, {
      companyName: 'Oude Naam BV',
      address: 'Dorpsstraat 1',
      zipCode: '9999ZZ',
      city: 'Utrecht',
      primaryEmail: 'oud@example.com',
      countryCode: 'BE',
    });
    const res = await account.json('PATCH', `/v1/customers/${String(before.id)}`, {
      companyName: 'Test Company BV',
      address: 'Teststreet 123',
      zipCode: '1234AB',
      city: 'Amsterdam',
      primaryEmail: 'john.doe@test.com',
    });
    const changed = (await expectJson(res, 200)) as Json;
    customer(changed, 'PATCHed customer');
    assert.deepEqual(documented(changed, CUSTOMER_FIELDS), {
      ...documented(before, CUSTOMER_FIELDS),
      companyName: 'Test Company BV',
      address: 'Teststreet 123',
      zipCode: '1234AB',
      city: 'Amsterdam',
      primaryEmail: 'john.doe@test.com',
    });
    const got = await expectJson(await account.request(`/v1/customers/${String(before.id)}`), 200);
    assert.deepEqual(documented(got as Json, CUSTOMER_FIELDS), documented(changed, CUSTOMER_FIELDS));
  });

  it('PATCH takes any one of the fields alone', async () => {
    const account = await server.account();
    const before = await createCustomer(account);
    for (const [field, value] of Object.entries({ companyName: 'Ander BV', address: 'Kade 2', zipCode: '1011AA', city: 'Haarlem', primaryEmail: 'ander@example.com' })) {
      const changed = (await expectJson(await account.json('PATCH', `/v1/customers/${String(before.id)}`, { [field]: value }), 200)) as Json;
      customer(changed, `customer after PATCH ${field}`);
      assert.equal(changed[field], value);
    }
  });
});

describe('MKP 3.2 GET /customers (paginated)', () => {
  it('lists 16 customers on two pages of the documented envelope; ?page=2 as the examples write it', async () => {
    const account = await server.account();
    const ids: string[] = [];
    for (let i = 1; i <= 16; i++) ids.push(String((await createCustomer(account, { companyName: `Klant ${i} BV`, primaryEmail: `klant${i}@example.com` })).id));
    await checkTwoPages(account, server.url, '/v1/customers', ids, customer);
  });
});
