import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

interface Link {
  href: string;
  type: string;
}

interface Customer {
  id: string;
  name: string;
  email: string;
  locale: string;
  reference: string | null;
  createdAt: string;
  links: { self: Link; invoices: Link };
}

interface CustomerPage {
  count: number;
  data: Customer[];
  links: { self: Link; next: Link | null };
}

const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

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

/** Every customer the account can see, by following links.next from a first page. */
async function listAll(account: TestAccount, query = ''): Promise<Customer[]> {
  const all: Customer[] = [];
  let page = await readPage(await account.request(`/v1/customers${query}`));
  all.push(...page.data);
  while (page.links.next) {
    page = await readPage(await follow(account, page.links.next));
    all.push(...page.data);
  }
  return all;
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
  it('creates a customer: 201, Location, exactly the documented keys, locale nl by default', async () => {
    const account = await server.account();
    const before = Temporal.Now.instant();
    const res = await create(account, { name: 'Jansen Installatietechniek', email: 'administratie@jansen.example' });
    const customer = await readCustomer(res, 201);
    const afterCreate = Temporal.Now.instant();

    assert.deepEqual(Object.keys(customer).sort(), ['createdAt', 'email', 'id', 'links', 'locale', 'name', 'reference']);
    assert.deepEqual(Object.keys(customer.links).sort(), ['invoices', 'self']);
    assert.match(customer.id, /^cst_[0-9a-z]+$/);
    assert.equal(customer.name, 'Jansen Installatietechniek');
    assert.equal(customer.email, 'administratie@jansen.example');
    assert.equal(customer.locale, 'nl');
    assert.equal(customer.reference, null);
    assert.deepEqual(customer.links.self, { href: `${server.url}/v1/customers/${customer.id}`, type: 'application/json' });
    assert.deepEqual(customer.links.invoices, {
      href: `${server.url}/v1/customer-invoices?customerId=${customer.id}`,
      type: 'application/json',
    });
    assert.equal(res.headers.get('location'), customer.links.self.href);

    // ATOM, seconds precision, in the account's zone (default Europe/Amsterdam), and about now.
    assert.match(customer.createdAt, ATOM);
    const instant = Temporal.Instant.from(customer.createdAt);
    assert.equal(customer.createdAt.slice(19), instant.toZonedDateTimeISO('Europe/Amsterdam').offset);
    assert.ok(Temporal.Instant.compare(instant, before.round({ smallestUnit: 'second', roundingMode: 'floor' })) >= 0);
    assert.ok(Temporal.Instant.compare(instant, afterCreate) <= 0);

    const fetched = await readCustomer(await account.request(`/v1/customers/${customer.id}`));
    assert.deepEqual(fetched, customer);
  });

  it('keeps locale en and a reference', async () => {
    const account = await server.account();
    const customer = await readCustomer(await create(account, { name: 'Smith Ltd', email: 'ap@smith.example', locale: 'en', reference: 'DEB-1' }), 201);
    assert.equal(customer.locale, 'en');
    assert.equal(customer.reference, 'DEB-1');
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), customer);
  });

  it("writes createdAt with the offset of the account's own time zone", async () => {
    const account = await server.account('Deli on 5th', 'America/New_York');
    const customer = await readCustomer(await create(account, { name: 'Joe', email: 'joe@example.com' }), 201);
    assert.match(customer.createdAt, ATOM);
    const zoned = Temporal.Instant.from(customer.createdAt).toZonedDateTimeISO('America/New_York');
    assert.match(zoned.offset, /^-0[45]:00$/);
    assert.equal(customer.createdAt, zoned.toString({ smallestUnit: 'second', timeZoneName: 'never', calendarName: 'never' }));
  });
});

describe('POST /v1/customers (validation)', () => {
  it('reports every failing field at once', async () => {
    const account = await server.account();
    const problem = await expectProblem(await create(account, { name: '', email: 'not-an-email', locale: 'de' }), 422, ['name', 'email', 'locale']);
    assert.match(fieldMessage(problem, 'locale'), /nl/);
    assert.match(fieldMessage(problem, 'locale'), /en/);
    assert.match(fieldMessage(problem, 'email'), /email/i);
    assert.deepEqual(await listAll(account), []);
  });

  it('requires name and email', async () => {
    const account = await server.account();
    const problem = await expectProblem(await create(account, {}), 422, ['name', 'email']);
    assert.match(fieldMessage(problem, 'name'), /required/);
    assert.match(fieldMessage(problem, 'email'), /required/);
  });

  for (const email of ['nope', 'a@', '@example.com', 'two words@example.com', '']) {
    it(`refuses email ${JSON.stringify(email)}`, async () => {
      const account = await server.account();
      await expectProblem(await create(account, { name: 'A', email }), 422, ['email']);
    });
  }

  for (const name of ['', '   ', 'x'.repeat(201)]) {
    it(`refuses name of ${name.length} characters ${name.trim() ? '' : '(blank)'}`, async () => {
      const account = await server.account();
      await expectProblem(await create(account, { name, email: 'a@example.com' }), 422, ['name']);
    });
  }

  it('refuses wrong JSON types without coercing them', async () => {
    const account = await server.account();
    await expectProblem(await create(account, { name: 42, email: ['a@example.com'], locale: null }), 422, ['name', 'email', 'locale']);
  });

  for (const field of ['id', 'accountId', 'createdAt']) {
    it(`refuses mass assignment of ${field}`, async () => {
      const account = await server.account();
      const value = field === 'createdAt' ? '2020-01-01T00:00:00+01:00' : field === 'id' ? 'cst_aaaaaaaaaaaaaaaaaaaa' : account.id;
      const problem = await expectProblem(await create(account, { name: 'A', email: 'a@example.com', [field]: value }), 422, [field]);
      assert.match(fieldMessage(problem, field), /not a known field|cannot be set/);
      assert.deepEqual(await listAll(account), [], 'nothing was created');
    });
  }

  it('answers a body that is not JSON with a 400 problem', async () => {
    const account = await server.account();
    const res = await account.request('/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "A", "email": ',
    });
    await expectProblem(res, 400);
    assert.deepEqual(await listAll(account), []);
  });

  it('answers a body that is not JSON at all (text/plain) with a 415 problem', async () => {
    const account = await server.account();
    const res = await account.request('/v1/customers', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=A' });
    await expectProblem(res, 415);
  });
});

describe('reference is unique within an account', () => {
  it('a duplicate reference is 409 on reference; another account may use it', async () => {
    const account = await server.account();
    await readCustomer(await create(account, { name: 'A', email: 'a@example.com', reference: 'DEB-7' }), 201);
    const problem = await expectProblem(await create(account, { name: 'B', email: 'b@example.com', reference: 'DEB-7' }), 409);
    assert.equal(problem.errors?.[0]?.field, 'reference');
    assert.equal((await listAll(account)).length, 1);

    const other = await server.account('Andere Zaak');
    await readCustomer(await create(other, { name: 'A', email: 'a@example.com', reference: 'DEB-7' }), 201);
  });

  it('customers without a reference do not clash', async () => {
    const account = await server.account();
    await account.createCustomer();
    await account.createCustomer({ integrationId: null });
    await account.createCustomer();
    assert.equal((await listAll(account)).length, 3);
  });

  it('PATCH to a taken reference is 409 and changes nothing', async () => {
    const account = await server.account();
    await account.createCustomer({ integrationId: 'R-1' });
    const second = (await account.createCustomer({ integrationId: 'R-2' })) as unknown as Customer;
    const problem = await expectProblem(await account.json('PATCH', `/v1/customers/${second.id}`, { reference: 'R-1', name: 'Renamed' }), 409);
    assert.equal(problem.errors?.[0]?.field, 'reference');
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${second.id}`)), second);
  });

  it('PATCH reference to null clears it and frees the reference', async () => {
    const account = await server.account();
    const first = (await account.createCustomer({ integrationId: 'R-9' })) as unknown as Customer;
    const patched = await readCustomer(await account.json('PATCH', `/v1/customers/${first.id}`, { reference: null }));
    assert.equal(patched.reference, null);
    assert.deepEqual(patched, { ...first, reference: null });
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${first.id}`)), patched);
    // The reference is free again.
    await readCustomer(await create(account, { name: 'New', email: 'new@example.com', reference: 'R-9' }), 201);
  });
});

describe('PATCH /v1/customers/:id', () => {
  it('changes the given fields only and keeps them', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer({ companyName: 'Old', primaryEmail: 'old@example.com' })) as unknown as Customer;
    const patched = await readCustomer(await account.json('PATCH', `/v1/customers/${customer.id}`, { name: 'New', locale: 'en', reference: 'K-1' }));
    assert.deepEqual(patched, { ...customer, name: 'New', locale: 'en', reference: 'K-1' });
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), patched);
  });

  it('validates like create, every field at once, and changes nothing', async () => {
    const account = await server.account();
    const customer = (await account.createCustomer()) as unknown as Customer;
    await expectProblem(
      await account.json('PATCH', `/v1/customers/${customer.id}`, { name: '', email: 'x', locale: 'fr', createdAt: '2020-01-01T00:00:00Z' }),
      422,
      ['name', 'email', 'locale', 'createdAt'],
    );
    await expectProblem(await account.json('PATCH', `/v1/customers/${customer.id}`, {}), 422);
    assert.deepEqual(await readCustomer(await account.request(`/v1/customers/${customer.id}`)), customer);
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
    await expectProblem(await account.json('PATCH', `/v1/customers/${customer.id}`, { name: 'X' }), 404);
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
      intruder.json('PATCH', path, { name: 'Hijacked', email: 'evil@example.com' }),
      intruder.request(path, { method: 'DELETE' }),
    ];

    const foreign: Awaited<ReturnType<typeof comparable>>[] = [];
    for (const attempt of attempts()) {
      const res = await attempt;
      foreign.push(await comparable(res.clone()));
      await expectProblem(res, 404);
    }
    assert.deepEqual(await readCustomer(await owner.request(path)), customer, 'nothing changed');
    const intruderList = await readPage(await intruder.request('/v1/customers?reference=SECRET-1'));
    assert.equal(intruderList.count, 0);
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
    const page = await readPage(await intruder.request('/v1/customers?email=shared%40example.com'));
    assert.equal(page.count, 0);
    assert.ok(!JSON.stringify(page).includes(customer.id));
  });
});

describe('GET /v1/customers (list)', () => {
  it('pages newest first with limit=2 over 5 customers, following links.next until null', async () => {
    const account = await server.account();
    const created = await createSpaced(account, 5);

    const pages: CustomerPage[] = [];
    let page = await readPage(await account.request('/v1/customers?limit=2'));
    pages.push(page);
    assert.equal(page.links.self.href, `${server.url}/v1/customers?limit=2`);
    while (page.links.next) {
      assert.equal(page.links.next.type, 'application/json');
      assert.ok(page.links.next.href.startsWith(`${server.url}/v1/customers?`), page.links.next.href);
      page = await readPage(await follow(account, page.links.next));
      pages.push(page);
      assert.ok(pages.length <= 5, 'links.next must end');
    }

    assert.deepEqual(pages.map((p) => p.count), [2, 2, 1]);
    for (const p of pages) assert.equal(p.count, p.data.length);
    const ids = pages.flatMap((p) => p.data.map((c) => c.id));
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(ids, created.map((c) => c.id).reverse(), 'newest first');
    assert.deepEqual(pages.flatMap((p) => p.data), [...created].reverse(), 'items are full customer resources');
  });

  it('stays stable when a customer is added between pages', async () => {
    const account = await server.account();
    const created = await createSpaced(account, 4);
    const first = await readPage(await account.request('/v1/customers?limit=2'));
    const late = (await account.createCustomer()) as unknown as Customer;
    assert.ok(first.links.next);
    const second = await readPage(await follow(account, first.links.next));
    const ids = [...first.data, ...second.data].map((c) => c.id);
    assert.deepEqual(ids, created.map((c) => c.id).reverse());
    assert.ok(!ids.includes(late.id));
    assert.equal(second.links.next, null);
  });

  it('defaults to 50 per page with an empty result shaped like any page', async () => {
    const account = await server.account();
    const page = await readPage(await account.request('/v1/customers'));
    assert.deepEqual(page, {
      count: 0,
      data: [],
      links: { self: { href: `${server.url}/v1/customers?limit=50`, type: 'application/json' }, next: null },
    });
  });

  it('filters on reference and on email, and the filter survives paging', async () => {
    const account = await server.account();
    const created = await createSpaced(account, 5, (i) => ({
      email: i < 3 ? 'boekhouding@example.com' : `other${i}@example.com`,
      reference: `REF-${i}`,
    }));

    const byReference = await readPage(await account.request('/v1/customers?reference=REF-3'));
    assert.deepEqual(byReference.data.map((c) => c.id), [created[3]?.id]);

    const none = await readPage(await account.request('/v1/customers?reference=REF-404'));
    assert.equal(none.count, 0);

    const byEmail = await listAll(account, '?email=boekhouding%40example.com&limit=2');
    assert.deepEqual(byEmail.map((c) => c.id), created.slice(0, 3).map((c) => c.id).reverse());
    for (const c of byEmail) assert.equal(c.email, 'boekhouding@example.com');
  });

  for (const limit of ['0', '251', 'abc', '-1', '2.5', '']) {
    it(`limit=${limit} is 422 on limit`, async () => {
      const account = await server.account();
      const problem = await expectProblem(await account.request(`/v1/customers?limit=${limit}`), 422, ['limit']);
      assert.match(fieldMessage(problem, 'limit'), /250/);
    });
  }

  it('limit=250 and limit=1 are accepted', async () => {
    const account = await server.account();
    await account.createCustomer();
    await account.createCustomer();
    assert.equal((await readPage(await account.request('/v1/customers?limit=250'))).count, 2);
    const one = await readPage(await account.request('/v1/customers?limit=1'));
    assert.equal(one.count, 1);
    assert.ok(one.links.next);
  });

  it('a tampered or made-up cursor is 422 on cursor, never a 500', async () => {
    const account = await server.account();
    await createSpaced(account, 3);
    const first = await readPage(await account.request('/v1/customers?limit=1'));
    assert.ok(first.links.next);
    const real = new URL(first.links.next.href).searchParams.get('cursor') ?? '';
    assert.ok(real.length > 10);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

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
      'A'.repeat(5000),
      '%00',
      '',
    ];
    for (const cursor of tampered) {
      await expectProblem(await account.request(`/v1/customers?limit=1&cursor=${encodeURIComponent(cursor)}`), 422, ['cursor']);
    }
  });

  it('reports a bad limit and a bad cursor together', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/customers?limit=0&cursor=nope'), 422, ['limit', 'cursor']);
  });

  it('refuses unknown query parameters', async () => {
    const account = await server.account();
    await expectProblem(await account.request('/v1/customers?accountId=acc_aaaaaaaaaaaaaaaaaaaa'), 422, ['accountId']);
  });
});
