import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ListPage } from '../../src/http/pagination.js';
import { customerBody } from '../helpers/customers.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';

/** MijnKlantportaal's list envelope: exactly these keys, in this order. */
const ENVELOPE_KEYS = ['current_page', 'data', 'first_page_url', 'from', 'next_page_url', 'path', 'per_page', 'prev_page_url', 'to'];

type Page = ListPage<{ id: string; createdAt: string }>;

const SEEDED = 1000;

let server: TestServer;
let account: TestAccount;
let seeded: string[];
let made = 0;
/** Every customer the tests created, seeded or added during a walk. */
const created = new Set<string>();

async function createCustomers(count: number): Promise<string[]> {
  const ids: string[] = [];
  // Parallel batches: 1,000 one by one would take most of the time budget.
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, () => {
      made += 1;
      return account.json('POST', '/v1/customers', customerBody(made));
    });
    for (const res of await Promise.all(batch)) {
      assert.equal(res.status, 201, await res.clone().text());
      const { id } = (await res.json()) as { id: string };
      ids.push(id);
      created.add(id);
    }
  }
  return ids;
}

async function getPage(pathOrUrl: string): Promise<Page> {
  const res = pathOrUrl.startsWith('http')
    ? await fetch(pathOrUrl, { headers: { authorization: `Bearer ${account.apiKey}` } })
    : await account.request(pathOrUrl);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as Page;
}

before(async () => {
  server = await startTestServer();
  account = await server.account();
  seeded = await createCustomers(SEEDED);
});

after(async () => {
  await server?.close();
});

describe('walking next_page_url (happy)', () => {
  for (const perPage of [15, 250]) {
    it(`per_page=${perPage}: every customer that existed once, in order, while customers are added between pages`, async () => {
      const seen: string[] = [];
      const times: number[] = [];
      let page = await getPage(`/v1/customers?per_page=${perPage}`);
      let number = 1;
      for (;;) {
        assert.equal(page.current_page, number);
        assert.equal(page.per_page, perPage);
        assert.equal(page.from, (number - 1) * perPage + 1);
        assert.equal(page.to, (number - 1) * perPage + page.data.length);
        seen.push(...page.data.map((c) => c.id));
        times.push(...page.data.map((c) => Date.parse(c.createdAt)));
        if (!page.next_page_url) break;
        // New customers land on page 1 (newest first); the cursor in next_page_url keeps the walk where it was.
        await createCustomers(3);
        assert.match(page.next_page_url, /[?&]after=[A-Za-z0-9_-]+/);
        page = await getPage(page.next_page_url);
        number += 1;
      }
      assert.equal(new Set(seen).size, seen.length, 'no customer twice');
      const existing = new Set(seeded);
      const seenExisting = seen.filter((id) => existing.has(id));
      assert.equal(seenExisting.length, SEEDED, 'every pre-existing customer once');
      for (const id of seen) assert.ok(created.has(id), `unknown id ${id}`);
      for (let i = 1; i < times.length; i += 1) assert.ok(times[i - 1]! >= times[i]!, `newest first, at item ${i}`);
      assert.ok(number >= Math.ceil(SEEDED / perPage));
    });
  }

  it('the client iterates by following next_page_url too', async () => {
    const { createClient } = await import('../../src/client/index.js');
    const client = createClient({ baseUrl: server.url, apiKey: account.apiKey });
    const ids: string[] = [];
    for await (const customer of client.customers.iterate({ per_page: 250 })) ids.push(customer.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of seeded) assert.ok(ids.includes(id));
  });
});

describe('the envelope (happy)', () => {
  it('has exactly the nine keys, key by key, with absolute URLs', async () => {
    const page = await getPage('/v1/customers');
    assert.deepEqual(Object.keys(page), ENVELOPE_KEYS);
    const base = server.runtime.ctx.config.publicBaseUrl;
    assert.equal(page.current_page, 1);
    assert.equal(page.data.length, 15);
    assert.equal(page.first_page_url, `${base}/v1/customers?page=1`);
    assert.equal(page.from, 1);
    assert.match(page.next_page_url ?? '', new RegExp(`^${base.replaceAll('.', '\\.')}/v1/customers\\?page=2&after=[A-Za-z0-9_-]+$`));
    assert.equal(page.path, `${base}/v1/customers`);
    assert.equal(page.per_page, 15, 'default 15 as MijnKlantportaal');
    assert.equal(page.prev_page_url, null);
    assert.equal(page.to, 15);
  });

  it('every URL keeps the filters and per_page; prev_page_url is the bare previous page', async () => {
    const filtered = customerBody(900_001);
    const email = String(filtered.primaryEmail);
    const base = server.runtime.ctx.config.publicBaseUrl;
    const page = await getPage(`/v1/customers?per_page=1&primaryEmail=${encodeURIComponent(email)}&page=3`);
    assert.deepEqual(Object.keys(page), ENVELOPE_KEYS);
    assert.equal(page.path, `${base}/v1/customers`);
    assert.equal(page.first_page_url, `${base}/v1/customers?page=1&per_page=1&primaryEmail=${encodeURIComponent(email)}`);
    assert.equal(page.prev_page_url, `${base}/v1/customers?page=2&per_page=1&primaryEmail=${encodeURIComponent(email)}`);
    assert.deepEqual(page.data, []);
    assert.equal(page.next_page_url, null);

    const two = await getPage(`/v1/customers?per_page=2`);
    const next = new URL(two.next_page_url ?? '');
    assert.equal(next.origin + next.pathname, `${base}/v1/customers`);
    assert.equal(next.searchParams.get('page'), '2');
    assert.equal(next.searchParams.get('per_page'), '2');
    const second = await getPage(two.next_page_url ?? '');
    assert.equal(second.prev_page_url, `${base}/v1/customers?page=1&per_page=2`);
    assert.equal(second.from, 3);
    assert.equal(second.to, 4);
  });

  it('a bare ?page=N counts from the top, matching the walk', async () => {
    const walked = await getPage(`/v1/customers?per_page=7`);
    const second = await getPage(walked.next_page_url ?? '');
    const bare = await getPage(`/v1/customers?per_page=7&page=2`);
    assert.deepEqual(bare.data.map((c) => c.id), second.data.map((c) => c.id));
    assert.equal(bare.from, 8);
    assert.equal(bare.current_page, 2);
  });

  it('?page=N beyond the end: empty data, from/to null, next null', async () => {
    const page = await getPage('/v1/customers?page=100000&per_page=250');
    assert.deepEqual(Object.keys(page), ENVELOPE_KEYS);
    assert.deepEqual(page.data, []);
    assert.equal(page.from, null);
    assert.equal(page.to, null);
    assert.equal(page.next_page_url, null);
    assert.equal(page.current_page, 100000);
    assert.match(page.prev_page_url ?? '', /\?page=99999&per_page=250$/);
  });

  it('a list with nothing in it', async () => {
    const empty = await server.account('Leeg');
    const res = await empty.request('/v1/customer-invoices');
    const page = (await res.json()) as Page;
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(page), ENVELOPE_KEYS);
    assert.deepEqual([page.data, page.from, page.to, page.next_page_url, page.prev_page_url], [[], null, null, null, null]);
  });
});

describe('paging parameters (error)', () => {
  it('bad page and per_page: one 422 naming both', async () => {
    for (const [query, fields] of [
      ['page=0', ['page']],
      ['page=-1', ['page']],
      ['page=abc', ['page']],
      ['page=1.5', ['page']],
      ['per_page=0', ['per_page']],
      ['per_page=251', ['per_page']],
      ['per_page=ten', ['per_page']],
      ['page=0&per_page=0', ['page', 'per_page']],
      ['page=x&per_page=999&primaryEmail=a', ['page', 'per_page']],
    ] as const) {
      const problem = await expectProblem(await account.request(`/v1/customers?${query}`), 422, [...fields]);
      for (const field of fields) assert.ok(fieldMessage(problem, field));
    }
    await expectProblem(await account.request('/v1/customer-invoices?page=0&paid=maybe'), 422, ['page', 'paid']);
    await expectProblem(await account.request('/v1/webhooks?per_page=0'), 422, ['per_page']);
  });

  it('the old limit and cursor are unknown fields', async () => {
    const problem = await expectProblem(await account.request('/v1/customers?limit=10&cursor=abc'), 422, ['limit', 'cursor']);
    assert.match(fieldMessage(problem, 'limit'), /not a known field/);
  });

  it('a tampered cursor, or one used with another page, per_page or filter, is a 422 on after', async () => {
    const first = await getPage('/v1/customers?per_page=5');
    const next = new URL(first.next_page_url ?? '');
    const cursor = next.searchParams.get('after') ?? '';
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const bad of [flip(cursor, 3), flip(cursor, cursor.length - 1), cursor.slice(1), `${cursor}x`, 'abc', '', '!!!']) {
      const problem = await expectProblem(await account.request(`/v1/customers?page=2&per_page=5&after=${encodeURIComponent(bad)}`), 422, ['after']);
      assert.match(fieldMessage(problem, 'after'), /next_page_url/);
    }
    for (const query of [`page=3&per_page=5`, `page=2&per_page=6`, `page=2&per_page=5&primaryEmail=x%40example.com`]) {
      await expectProblem(await account.request(`/v1/customers?${query}&after=${cursor}`), 422, ['after']);
    }
    // As given, it works.
    assert.equal((await getPage(next.toString())).current_page, 2);
  });
});
