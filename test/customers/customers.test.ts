import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import type { ListPage } from '../../src/http/pagination.js';
import { customerBody } from '../helpers/customers.js';
import { PUBLISHED_CUSTOMER } from '../mkp/mkp.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface Link {
  href: string;
  type: string;
}

interface Customer {
  id: string;
  companyName: string;
  address: string;
  zipCode: string;
  city: string;
  countryCode: string;
  primaryEmail: string;
  phone: string | null;
  integration: string | null;
  integrationId: string | null;
  customerGroups: string[];
  createdAt: string;
  locale: string;
  links: { self: Link; invoices: Link };
}

type CustomerPage = ListPage<Customer>;

const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
/** The published create example (reference 3.2), word for word. */
const PUBLISHED = PUBLISHED_CUSTOMER;
const REQUIRED = ['companyName', 'address', 'zipCode', 'city', 'primaryEmail'];

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

async function create(account: TestAccount, body: unknown): Promise<Response> {
  return account.json('POST', '/v1/customers', body);
}

async function readCustomer(res: Response, status = 200): Promise<Customer> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return JSON.parse(text) as Customer;
}

async function readPage(res: Response): Promise<CustomerPage> {
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as CustomerPage;
}

/** Follows an absolute link from a response, with the account's key. */
function follow(account: TestAccount, link: Link): Promise<Response> {
  return fetch(link.href, { headers: { authorization: `Bearer ${account.apiKey}` } });
}

/** Every customer the account can see, by following next_page_url from a first page. */
async function listAll(account: TestAccount, query = ''): Promise<Customer[]> {
  const all: Customer[] = [];
  let page = await readPage(await account.request(`/v1/customers${query}`));
  all.push(...page.data);
  while (page.next_page_url) {
    page = await readPage(await follow(account, { href: page.next_page_url, type: 'application/json' }));
    all.push(...page.data);
  }
  return all;
}

/** The ids of the first page of a filtered list. */
async function idsOf(account: TestAccount, query: string): Promise<string[]> {
  return (await readPage(await account.request(`/v1/customers${query}`))).data.map((c) => c.id);
}

/** Creates customers one by one, a few milliseconds apart so each has its own creation instant. */
async function createSpaced(account: TestAccount, count: number, fields: (i: number) => Record<string, unknown> = () => ({})): Promise<Customer[]> {
  const created: Customer[] = [];
  for (let i = 0; i < count; i++) {
    created.push((await account.createCustomer(fields(i))) as unknown as Customer);
    await sleep(5);
  }
  return created;
}

describe('POST /v1/customers (happy)', () => {
  it('creates the published example: 201, Location, every documented field, our locale and links', async () => {
    const account = await server.account();
    const before = Temporal.Now.instant();
    const res = await create(account, PUBLISHED);
    const customer = await readCustomer(res, 201);
    const afterCreate = Temporal.Now.instant();

    assert.deepEqual(Object.keys(customer).sort(), [
      'address',
      'city',
      'companyName',
      'countryCode',
      'createdAt',
      'customerGroups',
      'id',
      'integration',
      'integrationId',
      'links',
      'locale',
      'phone',
      'primaryEmail',
      'zipCode',
    ]);
    assert.match(customer.id, /^cst_[0-9a-z]{14}$/);
    const { id: _id, createdAt: _createdAt, links, ...fields } = customer;
    assert.deepEqual(fields, { ...PUBLISHED, phone: null, integration: null, integrationId: null, customerGroups: [], locale: 'nl' });
    assert.deepEqual(links.self, { href: `${server.url}/v1/customers/${customer.id}`, type: 'application/json' });
    assert.deepEqual(links.invoices, { href: `${server.url}/v1/customer-invoices?customerId=${customer.id}`, type: 'application/json' });
    assert.equal(res.headers.get('location'), links.self.href);

    // ATOM, seconds precision, in the account's zone (default Europe/Amsterdam), and about now.
    assert.match(customer.createdAt, ATOM);
    const instant = Temporal.Instant.from(customer.createdAt);
    assert.equal(customer.createdAt.slice(19), instant.toZonedDateTimeISO('Europe/Amsterdam').offset);
    assert.ok(Temporal.Instant.compare(instant, before.round({ smallestUnit: 'second', roundingMode: 'floor' })) >= 0);
    assert.ok(Temporal.Instant.compare(instant, afterCreate) <= 0);

    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), customer);
  });

  it('countryCode defaults to NL; another code is kept', async () => {
    const account = await server.account();
    const { countryCode: _omitted, ...withoutCountry } = PUBLISHED;
    assert.equal((await readCustomer(await create(account, withoutCountry), 201)).countryCode, 'NL');
    assert.equal((await readCustomer(await create(account, { ...PUBLISHED, countryCode: 'BE' }), 201)).countryCode, 'BE');
  });

  it('keeps locale en, phone, integration and integrationId (ours), trimmed', async () => {
    const account = await server.account();
    const body = { ...PUBLISHED, companyName: '  Smith Ltd ', locale: 'en', phone: '+312012345678', integration: 'acumulus', integrationId: ' 123456789 ' };
    const customer = await readCustomer(await create(account, body), 201);
    assert.equal(customer.companyName, 'Smith Ltd');
    assert.equal(customer.locale, 'en');
    assert.equal(customer.phone, '+312012345678');
    assert.equal(customer.integration, 'acumulus');
    assert.equal(customer.integrationId, '123456789');
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), customer);
  });

  it("writes createdAt with the offset of the account's own time zone", async () => {
    const account = await server.account('Deli on 5th', 'America/New_York');
    const customer = await readCustomer(await create(account, customerBody('joe')), 201);
    assert.match(customer.createdAt, ATOM);
    const zoned = Temporal.Instant.from(customer.createdAt).toZonedDateTimeISO('America/New_York');
    assert.match(zoned.offset, /^-0[45]:00$/);
    assert.equal(customer.createdAt, zoned.toString({ smallestUnit: 'second', timeZoneName: 'never', calendarName: 'never' }));
  });
});

describe('POST /v1/customers (validation)', () => {
  it('an empty body reports every required field at once', async () => {
    const account = await server.account();
    const problem = await expectProblem(await create(account, {}), 422, REQUIRED);
    for (const field of REQUIRED) assert.match(fieldMessage(problem, field), /required/);
    assert.deepEqual(await listAll(account), []);
  });

  it('the old body (name, email, reference) is a 422 naming every missing and every unknown field', async () => {
    const account = await server.account();
    const problem = await expectProblem(await create(account, { name: 'Jansen', email: 'a@example.com', reference: 'DEB-1' }), 422, [...REQUIRED, 'name', 'email', 'reference']);
    assert.match(fieldMessage(problem, 'reference'), /not a known field/);
    assert.deepEqual(await listAll(account), []);
  });

  it('reports every failing field at once', async () => {
    const account = await server.account();
    const body = { companyName: '', address: ' ', zipCode: 'x'.repeat(21), city: 42, primaryEmail: 'not-an-email', countryCode: 'nl', locale: 'de', phone: '' };
    const problem = await expectProblem(await create(account, body), 422, ['companyName', 'address', 'zipCode', 'city', 'primaryEmail', 'countryCode', 'locale', 'phone']);
    assert.match(fieldMessage(problem, 'locale'), /nl/);
    assert.match(fieldMessage(problem, 'primaryEmail'), /email/i);
    assert.match(fieldMessage(problem, 'countryCode'), /ISO 3166-1 alpha-2/);
    assert.deepEqual(await listAll(account), []);
  });

  for (const primaryEmail of ['nope', 'a@', '@example.com', 'two words@example.com', '']) {
    it(`refuses primaryEmail ${JSON.stringify(primaryEmail)}`, async () => {
      const account = await server.account();
      await expectProblem(await create(account, { ...PUBLISHED, primaryEmail }), 422, ['primaryEmail']);
    });
  }

  for (const countryCode of ['nl', 'NLD', 'N', '', '31', 'N1', ' NL', 'XX', 'EU', 'ZZ', 'UK']) {
    it(`refuses countryCode ${JSON.stringify(countryCode)}`, async () => {
      const account = await server.account();
      await expectProblem(await create(account, { ...PUBLISHED, countryCode }), 422, ['countryCode']);
    });
  }

  for (const companyName of ['', '   ', 'x'.repeat(201)]) {
    it(`refuses companyName of ${companyName.length} characters ${companyName.trim() ? '' : '(blank)'}`, async () => {
      const account = await server.account();
      await expectProblem(await create(account, { ...PUBLISHED, companyName }), 422, ['companyName']);
    });
  }

  it('refuses wrong JSON types without coercing them', async () => {
    const account = await server.account();
    await expectProblem(await create(account, { ...PUBLISHED, companyName: 42, primaryEmail: ['a@example.com'], zipCode: 1234, locale: null }), 422, [
      'companyName',
      'primaryEmail',
      'zipCode',
      'locale',
    ]);
  });

  for (const field of ['id', 'accountId', 'createdAt', 'customerGroups']) {
    it(`refuses mass assignment of ${field}`, async () => {
      const account = await server.account();
      const value = field === 'createdAt' ? '2020-01-01T00:00:00+01:00' : field === 'id' ? 'cst_aaaaaaaaaaaaaa' : field === 'customerGroups' ? [] : account.id;
      const problem = await expectProblem(await create(account, { ...PUBLISHED, [field]: value }), 422, [field]);
      assert.match(fieldMessage(problem, field), /not a known field|cannot be set/);
      assert.deepEqual(await listAll(account), [], 'nothing was created');
    });
  }

  it('answers a body that is not JSON with a 400 problem', async () => {
    const account = await server.account();
    const res = await account.request('/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"companyName": "A", "primaryEmail": ',
    });
    await expectProblem(res, 400);
    assert.deepEqual(await listAll(account), []);
  });

  it('answers a body that is not JSON at all (text/plain) with a 415 problem', async () => {
    const account = await server.account();
    const res = await account.request('/v1/customers', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'companyName=A' });
    await expectProblem(res, 415);
  });
});

describe('integrationId is unique per account and integration', () => {
  it('a duplicate is 409 on integrationId; another integration or another account may use it', async () => {
    const account = await server.account();
    await readCustomer(await create(account, customerBody(1, { integration: 'acumulus', integrationId: 'DEB-7' })), 201);
    const problem = await expectProblem(await create(account, customerBody(2, { integration: 'acumulus', integrationId: 'DEB-7' })), 409);
    assert.equal(problem.errors?.[0]?.field, 'integrationId');
    assert.equal((await listAll(account)).length, 1);

    await readCustomer(await create(account, customerBody(3, { integration: 'moneybird', integrationId: 'DEB-7' })), 201);
    // No integration is a namespace of its own, and unique in it too.
    await readCustomer(await create(account, customerBody(4, { integrationId: 'DEB-7' })), 201);
    const own = await expectProblem(await create(account, customerBody(5, { integration: null, integrationId: 'DEB-7' })), 409);
    assert.equal(own.errors?.[0]?.field, 'integrationId');
    assert.equal((await listAll(account)).length, 3);

    const other = await server.account('Andere Zaak');
    await readCustomer(await create(other, customerBody(1, { integration: 'acumulus', integrationId: 'DEB-7' })), 201);
  });

  it('concurrent creates with one integrationId: exactly one wins, the others are 409 (the unique index decides)', async () => {
    const account = await server.account();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => create(account, customerBody(i, { integration: 'exact', integrationId: 'RACE-1' }))));
    const statuses = answers.map((res) => res.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
    await Promise.all(answers.map((res) => res.arrayBuffer()));
    assert.equal((await listAll(account, '?integrationId=RACE-1')).length, 1);
  });

  it('customers without an integrationId do not clash', async () => {
    const account = await server.account();
    await account.createCustomer();
    await account.createCustomer({ integrationId: null });
    await account.createCustomer({ integration: 'acumulus' });
    await account.createCustomer({ integration: 'acumulus', integrationId: null });
    assert.equal((await listAll(account)).length, 4);
  });

  it('PATCH to a taken integrationId (or into an integration where it is taken) is 409 and changes nothing', async () => {
    const account = await server.account();
    await account.createCustomer({ integration: 'acumulus', integrationId: 'R-1' });
    const second = (await account.createCustomer({ integrationId: 'R-1' })) as unknown as Customer;
    const third = (await account.createCustomer({ integrationId: 'R-2' })) as unknown as Customer;
    const moved = await expectProblem(await account.json('PATCH', `/v1/customers/${second.id}`, { integration: 'acumulus', companyName: 'Renamed' }), 409);
    assert.equal(moved.errors?.[0]?.field, 'integrationId');
    const taken = await expectProblem(await account.json('PATCH', `/v1/customers/${third.id}`, { integrationId: 'R-1' }), 409);
    assert.equal(taken.errors?.[0]?.field, 'integrationId');
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${second.id}`)), second);
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${third.id}`)), third);
  });

  it('PATCH integrationId to null clears it and frees it', async () => {
    const account = await server.account();
    const first = (await account.createCustomer({ integrationId: 'R-9' })) as unknown as Customer;
    const patched = await readCustomer(await account.json('PATCH', `/v1/customers/${first.id}`, { integrationId: null }));
    assert.deepEqual(patched, { ...first, integrationId: null });
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${first.id}`)), patched);
    await readCustomer(await create(account, customerBody('new', { integrationId: 'R-9' })), 201);
  });
});

describe('PATCH /v1/customers/:id', () => {
  const changes: Record<string, unknown> = {
    companyName: 'Nieuwe Naam B.V.',
    address: 'Nieuwe Gracht 5',
    zipCode: '9999ZZ',
    city: 'Groningen',
    countryCode: 'DE',
    primaryEmail: 'nieuw@example.com',
    phone: '+31612345678',
    integration: 'exact',
    integrationId: 'EX-1',
    locale: 'en',
  };
  for (const [field, value] of Object.entries(changes)) {
    it(`changes ${field} alone and keeps it`, async () => {
      const account = await server.account();
      const customer = (await account.createCustomer()) as unknown as Customer;
      const patched = await readCustomer(await account.json('PATCH', `/v1/customers/${customer.id}`, { [field]: value }));
      assert.deepEqual(patched, { ...customer, [field]: value });
      assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), patched);
    });
  }

  it('takes the published example body (all five fields at once)', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer({ countryCode: 'BE' })) as unknown as Customer;
    const { countryCode: _kept, ...body } = PUBLISHED;
    const patched = await readCustomer(await account.json('PATCH', `/v1/customers/${customer.id}`, body));
    assert.deepEqual(patched, { ...customer, ...body });
  });

  it('phone and integration can be cleared with null', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer({ phone: '+3120', integration: 'acumulus' })) as unknown as Customer;
    const patched = await readCustomer(await account.json('PATCH', `/v1/customers/${customer.id}`, { phone: null, integration: null }));
    assert.deepEqual(patched, { ...customer, phone: null, integration: null });
  });

  it('validates like create, every field at once, and changes nothing', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer()) as unknown as Customer;
    await expectProblem(
      await account.json('PATCH', `/v1/customers/${customer.id}`, {
        companyName: '',
        primaryEmail: 'x',
        countryCode: 'xx',
        locale: 'fr',
        createdAt: '2020-01-01T00:00:00Z',
        name: 'old field',
      }),
      422,
      ['companyName', 'primaryEmail', 'countryCode', 'locale', 'createdAt', 'name'],
    );
    await expectProblem(await account.json('PATCH', `/v1/customers/${customer.id}`, {}), 422);
    await expectProblem(await account.json('PATCH', `/v1/customers/${customer.id}`, { companyName: null, address: null }), 422, ['companyName', 'address']);
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), customer);
  });
});

describe('ids of other lengths', () => {
  it('a well-formed id of another length is a 404 like any missing id, never a 422 or 500', async () => {
    const account = await server.account();
    for (const id of ['cst_abc12345', 'cst_a', `cst_${'a'.repeat(64)}`, `cst_${'a'.repeat(65)}`, 'cst_ABC', 'cst_']) {
      await expectProblem(await account.request(`/v1/customers/${id}`), 404);
    }
  });
});

describe('DELETE /v1/customers/:id', () => {
  it('204, then the customer is gone (404 on GET, PATCH and DELETE)', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer()) as unknown as Customer;
    const res = await account.request(`/v1/customers/${customer.id}`, { method: 'DELETE' });
    assert.equal(res.status, 204, await res.clone().text());
    assert.equal(await res.text(), '');
    await expectProblem(await account.request(`/v1/customers/${customer.id}`), 404);
    await expectProblem(await account.json('PATCH', `/v1/customers/${customer.id}`, { companyName: 'X' }), 404);
    await expectProblem(await account.request(`/v1/customers/${customer.id}`, { method: 'DELETE' }), 404);
    assert.deepEqual(await listAll(account), []);
  });

  it('is 409 while the customer has an invoice, and the customer stays', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer()) as unknown as Customer;
    const invoice = await account.createInvoice(validInvoice(customer.id));
    assert.equal(invoice.status, 201, await invoice.text());
    await expectProblem(await account.request(`/v1/customers/${customer.id}`, { method: 'DELETE' }), 409);
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), customer);
  });
});

describe("another account's customer", () => {
  /** Everything a client could compare between two answers, apart from the per-request id and date. */
  async function comparable(res: Response): Promise<{ status: number; headers: [string, string][]; body: string }> {
    const body = await res.text();
    const headers = [...res.headers].filter(([name]) => !['x-request-id', 'date', 'connection', 'keep-alive'].includes(name));
    return { status: res.status, headers, body };
  }

  it('is a 404 identical to a missing id on GET, PATCH and DELETE, and nothing changes', async () => {
    const owner = await server.account('Eigenaar');
    const intruder = await server.account('Indringer');
    const customer = (await owner.createCustomer({ integrationId: 'SECRET-1' })) as unknown as Customer;
    const path = `/v1/customers/${customer.id}`;
    const attempts = () => [
      intruder.request(path),
      intruder.json('PATCH', path, { companyName: 'Hijacked', primaryEmail: 'evil@example.com' }),
      intruder.request(path, { method: 'DELETE' }),
    ];

    const foreign: Awaited<ReturnType<typeof comparable>>[] = [];
    for (const attempt of attempts()) {
      const res = await attempt;
      foreign.push(await comparable(res.clone()));
      await expectProblem(res, 404);
    }
    assert.deepEqual(await readCustomer(await owner.request(path)), customer, 'nothing changed');
    const intruderList = await readPage(await intruder.request('/v1/customers?integrationId=SECRET-1'));
    assert.deepEqual(intruderList.data, []);

    // Now make the id really missing and ask again: the answers must not tell the two apart.
    const deleted = await owner.request(path, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    const missing: Awaited<ReturnType<typeof comparable>>[] = [];
    for (const attempt of attempts()) missing.push(await comparable(await attempt));
    assert.deepEqual(foreign, missing);
  });

  it('the intruder cannot take over the customer through a list filter', async () => {
    const owner = await server.account('Eigenaar');
    const intruder = await server.account('Indringer');
    const customer = (await owner.createCustomer({ primaryEmail: 'shared@example.com' })) as unknown as Customer;
    const page = await readPage(await intruder.request('/v1/customers?primaryEmail=shared%40example.com'));
    assert.deepEqual(page.data, []);
    assert.ok(!JSON.stringify(page).includes(customer.id));
  });
});

describe('GET /v1/customers (list)', () => {
  it('pages newest first with per_page=2 over 5 customers, following next_page_url until null', async () => {
    const account = await server.account();
    const created = await createSpaced(account, 5);

    const pages: CustomerPage[] = [];
    let page = await readPage(await account.request('/v1/customers?per_page=2'));
    pages.push(page);
    assert.equal(page.first_page_url, `${server.url}/v1/customers?page=1&per_page=2`);
    while (page.next_page_url) {
      assert.ok(page.next_page_url.startsWith(`${server.url}/v1/customers?page=${page.current_page + 1}&per_page=2&after=`), page.next_page_url);
      page = await readPage(await follow(account, { href: page.next_page_url, type: 'application/json' }));
      pages.push(page);
      assert.ok(pages.length <= 5, 'next_page_url must end');
    }

    assert.deepEqual(pages.map((p) => [p.current_page, p.from, p.to, p.data.length]), [[1, 1, 2, 2], [2, 3, 4, 2], [3, 5, 5, 1]]);
    const ids = pages.flatMap((p) => p.data.map((c) => c.id));
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(ids, created.map((c) => c.id).reverse(), 'newest first');
    assert.deepEqual(pages.flatMap((p) => p.data), [...created].reverse(), 'items are full customer resources');
  });

  it('stays stable when a customer is added between pages', async () => {
    const account = await server.account();
    const created = await createSpaced(account, 4);
    const first = await readPage(await account.request('/v1/customers?per_page=2'));
    const late = (await account.createCustomer()) as unknown as Customer;
    assert.ok(first.next_page_url);
    const second = await readPage(await follow(account, { href: first.next_page_url, type: 'application/json' }));
    const ids = [...first.data, ...second.data].map((c) => c.id);
    assert.deepEqual(ids, created.map((c) => c.id).reverse());
    assert.ok(!ids.includes(late.id));
    assert.equal(second.next_page_url, null);
  });

  it('defaults to 15 per page with an empty result shaped like any page', async () => {
    const account = await server.account();
    const page = await readPage(await account.request('/v1/customers'));
    assert.deepEqual(page, {
      current_page: 1,
      data: [],
      first_page_url: `${server.url}/v1/customers?page=1`,
      from: null,
      next_page_url: null,
      path: `${server.url}/v1/customers`,
      per_page: 15,
      prev_page_url: null,
      to: null,
    });
  });

  it('filters on primaryEmail, integrationId, integration and both, and the filter survives paging', async () => {
    const account = await server.account();
    const created = await createSpaced(account, 5, (i) => ({
      primaryEmail: i < 3 ? 'boekhouding@example.com' : `other${i}@example.com`,
      integration: i % 2 === 0 ? 'acumulus' : null,
      integrationId: `REF-${i}`,
    }));
    const ids = (...indexes: number[]) => indexes.map((i) => created[i]?.id);

    assert.deepEqual(await idsOf(account, '?integrationId=REF-3'), ids(3));
    assert.deepEqual(await idsOf(account, '?integrationId=REF-404'), []);
    assert.deepEqual(await idsOf(account, '?integration=acumulus'), ids(4, 2, 0));
    assert.deepEqual(await idsOf(account, '?integration=acumulus&integrationId=REF-2'), ids(2));
    assert.deepEqual(await idsOf(account, '?integration=exact&integrationId=REF-2'), []);

    const byEmail = await listAll(account, '?primaryEmail=boekhouding%40example.com&per_page=2');
    assert.deepEqual(byEmail.map((c) => c.id), ids(2, 1, 0));
    for (const c of byEmail) assert.equal(c.primaryEmail, 'boekhouding@example.com');
  });

  it('the old filters (email, reference) are unknown query parameters', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/customers?email=a%40example.com&reference=DEB-1'), 422, ['email', 'reference']);
  });

  for (const perPage of ['0', '251', 'abc', '-1', '2.5', '']) {
    it(`per_page=${perPage} is 422 on per_page`, async () => {
      const account = await server.account();
      const problem = await expectProblem(await account.request(`/v1/customers?per_page=${perPage}`), 422, ['per_page']);
      assert.match(fieldMessage(problem, 'per_page'), /250/);
    });
  }

  it('per_page=250 and per_page=1 are accepted', async () => {
    const account = await server.account();
    await account.createCustomer();
    await account.createCustomer();
    assert.equal((await readPage(await account.request('/v1/customers?per_page=250'))).data.length, 2);
    const one = await readPage(await account.request('/v1/customers?per_page=1'));
    assert.equal(one.data.length, 1);
    assert.ok(one.next_page_url);
  });

  it('a tampered or made-up cursor is 422 on after, never a 500', async () => {
    const account = await server.account();
    await createSpaced(account, 3);
    const first = await readPage(await account.request('/v1/customers?per_page=1'));
    assert.ok(first.next_page_url);
    const real = new URL(first.next_page_url).searchParams.get('after') ?? '';
    assert.ok(real.length > 10);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url') + real.slice(-11);

    const tampered = [
      real.slice(0, -4), // truncated
      'not-a-cursor',
      b64(null),
      b64({ createdAt: '2024-01-01T00:00:00.000Z', id: 'cst_aaaaaaaaaaaaaaaaaaaa' }),
      b64(['2024-01-01T00:00:00.000Z']),
      b64([1, 2]),
      b64(["2024-01-01T00:00:00.000Z' OR 1=1 --", 'cst_aaaaaaaaaaaaaaaaaaaa']),
      b64(['2024-01-01T00:00:00.000Z', "cst_' OR '1'='1"]),
      b64(['yesterday', 'cst_aaaaaaaaaaaaaaaaaaaa']),
      b64(['2024-01-01T00:00:00.000Z', 'cst_aaaaaaaaaaaaaa']), // well formed, but not what this API issued
      'A'.repeat(5000),
      '%00',
      '',
    ];
    for (const cursor of tampered) {
      await expectProblem(await account.request(`/v1/customers?page=2&per_page=1&after=${encodeURIComponent(cursor)}`), 422, ['after']);
    }
  });

  it('reports a bad per_page, a bad page and a bad cursor together', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/customers?per_page=0&page=x&after=nope'), 422, ['per_page', 'page', 'after']);
  });

  it('refuses unknown query parameters', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/customers?accountId=acc_aaaaaaaaaaaaaaaaaaaa'), 422, ['accountId']);
  });
});
