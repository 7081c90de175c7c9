import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TestAccount, TestServer } from '../helpers/server.js';

/**
 * The model of RELIABILITY.md F3: per account, the customers and invoices the API should hold, and the
 * Idempotency-Keys it should remember. Commands (api-commands.ts) change it in step with the real server and
 * compare what the server says with it.
 */

export interface ModelCustomer {
  id: string;
  companyName: string;
  primaryEmail: string;
  locale: 'nl' | 'en';
  integrationId: string | null;
}

export interface ModelInvoice {
  id: string;
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  currency: 'EUR';
  amount: string;
  paidAt: string | null;
}

/** A create request sent with an Idempotency-Key that succeeded: what a replay must send and get back. */
export interface KeyedCreate {
  fields: Record<string, string>;
  pdf: Uint8Array;
  status: number;
  body: unknown;
  location: string | null;
}

export interface AccountModel {
  customers: Map<string, ModelCustomer>;
  invoices: Map<string, ModelInvoice>;
  /** List order key per id: the stored creation instant (milliseconds) and the id, compared as text. */
  order: Map<string, string>;
  keys: Map<string, KeyedCreate>;
  /** Ids this account once had and deleted: 404 from now on. */
  gone: { customers: string[]; invoices: string[] };
}

export interface Model {
  accounts: AccountModel[];
}

export interface Stats {
  runs: number;
  commands: number;
  lists: number;
  pages: number;
  itemsCompared: number;
  crossAccountProbes: number;
  replays: number;
  statuses: Record<string, number>;
}

export interface Real {
  server: TestServer;
  clients: TestAccount[];
  /** Which account (index) each id ever created in this run belongs to. */
  owner: Map<string, number>;
  stats: Stats;
  keyCounter: number;
}

export type ApiCommand = fc.AsyncCommand<Model, Real>;

export function emptyModel(accounts: number): Model {
  return {
    accounts: Array.from({ length: accounts }, () => ({
      customers: new Map(),
      invoices: new Map(),
      order: new Map(),
      keys: new Map(),
      gone: { customers: [], invoices: [] },
    })),
  };
}

export function newStats(): Stats {
  return { runs: 0, commands: 0, lists: 0, pages: 0, itemsCompared: 0, crossAccountProbes: 0, replays: 0, statuses: {} };
}

/** Counts the status and returns the parsed body (null for an empty one). */
export async function answer(real: Real, res: Response): Promise<unknown> {
  real.stats.statuses[res.status] = (real.stats.statuses[res.status] ?? 0) + 1;
  const text = await res.text();
  return text === '' ? null : (JSON.parse(text) as unknown);
}

export async function expectStatus(real: Real, res: Response, status: number, what: string): Promise<Record<string, unknown>> {
  const body = await answer(real, res);
  assert.equal(res.status, status, `${what}: expected ${status}, got ${res.status} ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

/** A 4xx problem naming exactly these fields (an empty list: no `errors` at all, or an empty one). */
export async function expectProblemFields(real: Real, res: Response, status: number, fields: string[], what: string): Promise<void> {
  const body = await expectStatus(real, res, status, what);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  const reported = ((body.errors as { field: string }[] | undefined) ?? []).map((e) => e.field).sort();
  assert.deepEqual(reported, [...fields].sort(), `${what}: ${JSON.stringify(body)}`);
}

/** The stored creation instant orders lists (newest first, then the larger id); the API shows it only to the second. */
export async function recordOrder(real: Real, account: AccountModel, table: 'customers' | 'customer_invoices', id: string): Promise<void> {
  const row = await real.server.runtime.ctx.db.selectFrom(table).select('created_at').where('id', '=', id).executeTakeFirstOrThrow();
  account.order.set(id, `${row.created_at}|${id}`);
}

export function newestFirst<T extends { id: string }>(account: AccountModel, items: Iterable<T>): T[] {
  const key = (item: T) => account.order.get(item.id) ?? assert.fail(`no order key for ${item.id}`);
  return [...items].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

export function customerView(c: Record<string, unknown>): ModelCustomer {
  return {
    id: String(c.id),
    companyName: String(c.companyName),
    primaryEmail: String(c.primaryEmail),
    locale: c.locale as 'nl' | 'en',
    integrationId: (c.integrationId as string | null) ?? null,
  };
}

export function invoiceView(i: Record<string, unknown>): ModelInvoice {
  return {
    id: String(i.id),
    customerId: String(i.customerId),
    invoiceNumber: String(i.invoiceNumber),
    issuedAt: String(i.issuedAt),
    currency: i.currency as 'EUR',
    amount: String(i.amount),
    paidAt: (i.paidAt as string | null) ?? null,
  };
}

interface Page {
  current_page: number;
  data: Record<string, unknown>[];
  from: number | null;
  next_page_url: string | null;
  per_page: number;
  prev_page_url: string | null;
  to: number | null;
}

/**
 * Every page of a list, following next_page_url. Each page holds at most `limit` items, numbers them with
 * `from`/`to` after the pages before it, and has a next link exactly when it is full and more follow (a full last
 * page may still link to an empty one).
 */
export async function walkList(real: Real, client: TestAccount, first: string, limit: number): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let next: string | null = first;
  for (let pages = 0; next !== null; pages++) {
    assert.ok(pages <= 200, `more than 200 pages walking ${first}`);
    const page = (await expectStatus(real, await client.request(next), 200, `GET ${next}`)) as unknown as Page;
    real.stats.pages += 1;
    const count = page.data.length;
    assert.equal(page.current_page, pages + 1, `current_page of ${next}`);
    assert.equal(page.per_page, limit, `per_page of ${next}`);
    assert.deepEqual([page.from, page.to], count === 0 ? [null, null] : [items.length + 1, items.length + count], `from/to of ${next}`);
    assert.ok(count <= limit, `${count} items on a page of ${limit}: ${next}`);
    if (page.next_page_url) assert.equal(count, limit, `a page with a next link is full: ${next}`);
    assert.equal(page.prev_page_url === null, pages === 0, `prev_page_url of ${next}`);
    items.push(...page.data);
    next = page.next_page_url ? page.next_page_url.replace(/^https?:\/\/[^/]+/, '') : null;
  }
  return items;
}

/** After every list: exactly the model's items in the model's order, and none of another account's. */
export function compareList<T>(real: Real, accountIndex: number, actual: Record<string, unknown>[], expected: T[], view: (item: Record<string, unknown>) => T, what: string): void {
  for (const item of actual) {
    const owner = real.owner.get(String(item.id));
    assert.equal(owner, accountIndex, `${what}: account ${accountIndex} sees ${String(item.id)} of account ${String(owner)}`);
  }
  assert.deepEqual(actual.map(view), expected, what);
  real.stats.lists += 1;
  real.stats.itemsCompared += actual.length;
}

/** The closing audit of a run: every account's full lists, walked in small pages, equal its model. */
export async function auditAll(model: Model, real: Real, limit: number): Promise<void> {
  for (const [index, account] of model.accounts.entries()) {
    const client = real.clients[index] as TestAccount;
    const customers = await walkList(real, client, `/v1/customers?per_page=${limit}`, limit);
    compareList(real, index, customers, newestFirst(account, account.customers.values()), customerView, `audit: customers of account ${index}`);
    const invoices = await walkList(real, client, `/v1/customer-invoices?per_page=${limit}`, limit);
    compareList(real, index, invoices, newestFirst(account, account.invoices.values()), invoiceView, `audit: invoices of account ${index}`);
  }
}

/** Each account starts with one customer, so invoice commands can run from the first step. */
export async function seedCustomer(model: Model, real: Real, index: number): Promise<void> {
  const body = await real.clients[index]!.createCustomer({ companyName: `Vaste klant ${index}`, primaryEmail: `vast${index}@example.com` });
  const customer = customerView(body);
  const account = model.accounts[index] as AccountModel;
  account.customers.set(customer.id, customer);
  real.owner.set(customer.id, index);
  await recordOrder(real, account, 'customers', customer.id);
}
