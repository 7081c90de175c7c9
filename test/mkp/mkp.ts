/**
 * The MijnKlantportaal compatibility suite's shared checks: the documented resource shapes of reference sections
 * 3.1, 3.2, 3.3 and 3.13 (every documented field present, with its documented type and format; extra fields are
 * allowed and never asserted), and the list envelope of reference 2.2, key by key.
 *
 * Only what the published pages and `API.md` fix is asserted here. Formats: ids are prefix + `_` + 14 [a-z0-9]
 * (API.md "IDs"), dates `YYYY-MM-DD`, timestamps ATOM with seconds and an offset (no millis, no `Z`) in the
 * account's zone (Europe/Amsterdam by default), money a two-decimal string, links `{href: absolute URL, type}`.
 */
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import type { TestAccount } from '../helpers/server.js';

export type Json = Record<string, unknown>;

/** Asserts one value, naming where it sits in the body when it fails. */
export type Check = (value: unknown, where: string) => void;

export const ZONE = 'Europe/Amsterdam';
const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const string: Check = (value, where) => assert.equal(typeof value, 'string', `${where} is a string, got ${JSON.stringify(value)}`);

export const integer: Check = (value, where) => assert.ok(Number.isInteger(value), `${where} is an integer, got ${JSON.stringify(value)}`);

export const object: Check = (value, where) => assert.ok(isObject(value), `${where} is an object, got ${JSON.stringify(value)}`);

export function nullable(check: Check): Check {
  return (value, where) => {
    if (value !== null) check(value, where);
  };
}

export function arrayOf(check: Check): Check {
  return (value, where) => {
    assert.ok(Array.isArray(value), `${where} is an array, got ${JSON.stringify(value)}`);
    value.forEach((item, i) => check(item, `${where}[${i}]`));
  };
}

/** A resource id: the prefix, an underscore and 14 lowercase letters and digits. */
export function id(prefix: string): Check {
  const pattern = new RegExp(`^${prefix}_[a-z0-9]{14}$`);
  return (value, where) => {
    string(value, where);
    assert.match(value as string, pattern, `${where} is a ${prefix}_ id`);
  };
}

/** `YYYY-MM-DD`, and a real calendar date. */
export const date: Check = (value, where) => {
  string(value, where);
  assert.match(value as string, /^\d{4}-\d{2}-\d{2}$/, `${where} is YYYY-MM-DD`);
  assert.doesNotThrow(() => Temporal.PlainDate.from(value as string, { overflow: 'reject' }), `${where} is a calendar date`);
};

/** ATOM (`Y-m-d\TH:i:sP`): seconds, a numeric offset, and that offset is the account zone's at that instant. */
export const atom: Check = (value, where) => {
  string(value, where);
  const text = value as string;
  assert.match(text, ATOM, `${where} is ATOM (YYYY-MM-DDTHH:mm:ss±HH:MM), got ${text}`);
  const instant = Temporal.Instant.from(text);
  assert.equal(text.slice(19), instant.toZonedDateTimeISO(ZONE).offset, `${where} is in ${ZONE}`);
};

/** An ATOM timestamp within [since, now], at the precision of seconds. */
export function assertRecent(value: unknown, since: Temporal.Instant, where: string): void {
  atom(value, where);
  const instant = Temporal.Instant.from(value as string);
  assert.ok(Temporal.Instant.compare(instant, since.round({ smallestUnit: 'second', roundingMode: 'floor' })) >= 0, `${where} ${String(value)} is not before the request`);
  assert.ok(Temporal.Instant.compare(instant, Temporal.Now.instant()) <= 0, `${where} ${String(value)} is not in the future`);
}

/** Money: a decimal string with exactly two decimals. */
export const money: Check = (value, where) => {
  string(value, where);
  assert.match(value as string, /^-?\d+\.\d{2}$/, `${where} is a two-decimal string`);
};

export const absoluteUrl: Check = (value, where) => {
  string(value, where);
  assert.doesNotThrow(() => new URL(value as string), `${where} is an absolute URL, got ${String(value)}`);
  assert.match(value as string, /^https?:\/\//, `${where} is an absolute http(s) URL`);
};

/** A link object `{href, type}` (reference 2.6). */
export const link: Check = (value, where) => {
  assertShape(value, { href: absoluteUrl, type: string }, where);
};

/** Every documented key present and passing its check; other keys are allowed (our extensions). */
export function assertShape(value: unknown, shape: Record<string, Check>, where: string): Json {
  object(value, where);
  const body = value as Json;
  for (const [key, check] of Object.entries(shape)) {
    assert.ok(key in body, `${where}.${key} is documented but missing in ${JSON.stringify(body)}`);
    check(body[key], `${where}.${key}`);
  }
  return body;
}

/** Reference 3.1 `CustomerInvoice`; `links.customer` points at the customer; every other link is a link too. */
export const customerInvoice: Check = (value, where) => {
  const invoice = assertShape(
    value,
    {
      id: id('inv'),
      customerId: id('cst'),
      invoiceNumber: string,
      issuedAt: date,
      currency: string,
      amount: money,
      paidAt: nullable(atom),
      createdAt: atom,
      links: object,
    },
    where,
  );
  assert.equal(invoice.currency, 'EUR', `${where}.currency`);
  const links = invoice.links as Json;
  link(links.customer, `${where}.links.customer`);
  const customer = links.customer as Json;
  assert.equal(new URL(customer.href as string).pathname, `/v1/customers/${String(invoice.customerId)}`, `${where}.links.customer.href`);
  assert.equal(customer.type, 'application/json', `${where}.links.customer.type`);
  // links.onlinePaymentLink only exists when the account takes online payments; whatever links there are, are links.
  for (const [name, value] of Object.entries(links)) link(value, `${where}.links.${name}`);
};

/** Reference 3.7 `CustomerOffer`; `links.customer` points at the customer. */
export const customerOffer: Check = (value, where) => {
  const offer = assertShape(
    value,
    {
      id: id('off'),
      customerId: id('cst'),
      offerNumber: string,
      issuedAt: date,
      expiresAt: date,
      currency: string,
      amount: money,
      acceptedAt: nullable(atom),
      acceptedViaIp: nullable(string),
      acceptedViaUserAgent: nullable(string),
      // "string" in the schema; null until signed (the brief: a PNG data URL once the portal records one).
      acceptanceSignature: nullable(string),
      rejectedAt: nullable(atom),
      createdAt: atom,
      links: object,
    },
    where,
  );
  assert.equal(offer.currency, 'EUR', `${where}.currency`);
  if (typeof offer.acceptanceSignature === 'string') assert.match(offer.acceptanceSignature, /^data:image\/png;base64,/, `${where}.acceptanceSignature`);
  const links = offer.links as Json;
  link(links.customer, `${where}.links.customer`);
  const customer = links.customer as Json;
  assert.equal(new URL(customer.href as string).pathname, `/v1/customers/${String(offer.customerId)}`, `${where}.links.customer.href`);
  assert.equal(customer.type, 'application/json', `${where}.links.customer.type`);
  for (const [name, value] of Object.entries(links)) link(value, `${where}.links.${name}`);
};

/** Reference 3.2 `Customer`. */
export const customer: Check = (value, where) => {
  const body = assertShape(
    value,
    {
      id: id('cst'),
      companyName: string,
      address: string,
      zipCode: string,
      city: string,
      countryCode: string,
      primaryEmail: string,
      phone: nullable(string),
      integration: nullable(string),
      integrationId: nullable(string),
      customerGroups: arrayOf(id('cug')),
      createdAt: atom,
    },
    where,
  );
  assert.match(body.countryCode as string, /^[A-Z]{2}$/, `${where}.countryCode is ISO 3166-1 alpha-2`);
};

/** Reference 3.3 `CustomerGroup`. */
export const customerGroup: Check = (value, where) => {
  assertShape(value, { id: id('cug'), name: string, createdAt: atom }, where);
};

/** Reference 3.13 `Webhook`; the secret is letters and digits and at least 128 bits (22 base-62 characters). */
export const webhook: Check = (value, where) => {
  const body = assertShape(value, { id: id('wbh'), type: string, url: absoluteUrl, secret: string, createdAt: atom }, where);
  assert.match(body.secret as string, /^[A-Za-z0-9]{22,}$/, `${where}.secret is at least 22 letters and digits`);
};

/** Reference 2.9 "Cloud file response". */
export const cloudFile: Check = (value, where) => {
  assertShape(value, { link: absoluteUrl, expiresAt: atom }, where);
};

/** The published webhook event types (reference 2.10), all 23. */
export const PUBLISHED_WEBHOOK_TYPES = [
  'appointment-created',
  'appointment-canceled',
  'customer-created',
  'customer-deleted',
  'offer-created',
  'offer-deleted',
  'offer-accepted',
  'offer-rejected',
  'invoice-created',
  'invoice-chargeback',
  'invoice-paid',
  'invoice-deleted',
  'payment-link-created',
  'payment-link-expired',
  'payment-link-paid',
  'ticket-created',
  'ticket-reply-customer',
  'ticket-reply-employee',
  'subscription-created',
  'subscription-updated',
  'subscription-deleted',
  'subscription-payment-created',
  'subscription-payment-updated',
] as const;

/** The status, a JSON content type, and the parsed body. */
export async function expectJson(res: Response, status: number): Promise<unknown> {
  const text = await res.text();
  assert.equal(res.status, status, `${res.url}: expected ${status}, got ${res.status}: ${text}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `${res.url}: JSON`);
  return JSON.parse(text) as unknown;
}

/** A 201 whose Location names the created resource, checked against its documented shape. */
export async function expectCreated(res: Response, collection: string, check: Check, where: string): Promise<Json> {
  const body = await expectJson(res, 201);
  check(body, where);
  const created = body as Json;
  const location = res.headers.get('location');
  assert.ok(location, `${where}: 201 with a Location`);
  assert.equal(new URL(location, res.url).pathname, `${collection}/${String(created.id)}`, `${where}: Location`);
  return created;
}

/** The documented fields of a resource, to compare two answers about the same thing without our extensions. */
export function documented(body: Json, keys: string[]): Json {
  return Object.fromEntries(keys.map((key) => [key, body[key]]));
}

export const INVOICE_FIELDS = ['id', 'customerId', 'invoiceNumber', 'issuedAt', 'currency', 'amount', 'paidAt', 'createdAt'];
export const OFFER_FIELDS = [
  'id', 'customerId', 'offerNumber', 'issuedAt', 'expiresAt', 'currency', 'amount', 'acceptedAt', 'acceptedViaIp', 'acceptedViaUserAgent',
  'acceptanceSignature', 'rejectedAt', 'createdAt',
];
export const CUSTOMER_FIELDS = ['id', 'companyName', 'address', 'zipCode', 'city', 'countryCode', 'primaryEmail', 'phone', 'integration', 'integrationId', 'customerGroups', 'createdAt'];
export const GROUP_FIELDS = ['id', 'name', 'createdAt'];
export const WEBHOOK_FIELDS = ['id', 'type', 'url', 'secret', 'createdAt'];

// The create page's curl command, character for character (reference 3.1, create-customer-invoice.txt).
export const PUBLISHED_CURL = `curl --request POST \\
  --url https://api.mijnklantportaal.nl/v1/customer-invoices \\
  --header 'Authorization: Bearer <token>' \\
  --header 'Content-Type: multipart/form-data' \\
  --form customerId=cst_abc12345def678 \\
  --form invoiceNumber=2014-001 \\
  --form issuedAt=2024-04-31 \\
  --form 'paidAt=2024-05-11 12:59:00' \\
  --form amount=12.95 \\
  --form sendNotification=true \\
  --form pdf=@example-file`;

/** The published create-customer body (reference 3.2), as written. */
export const PUBLISHED_CUSTOMER = {
  companyName: 'Test Company BV',
  address: 'Teststreet 123',
  zipCode: '1234AB',
  city: 'Amsterdam',
  primaryEmail: 'john.doe@test.com',
  countryCode: 'NL',
};

/** A customer created with the published body (optionally changed), checked; returns it. */
export async function createCustomer(account: TestAccount, changes: Json = {}): Promise<Json> {
  return expectCreated(await account.json('POST', '/v1/customers', { ...PUBLISHED_CUSTOMER, ...changes }), '/v1/customers', customer, 'created customer');
}

/**
 * The create page's multipart form (reference 3.1) with a real customer id and a real issue date; `fields`
 * replaces or adds fields, `null` leaves one out.
 */
export function publishedInvoiceForm(customerId: string, fields: Record<string, string | null> = {}, pdf: Uint8Array = examplePdf()): FormData {
  const values: Record<string, string | null> = {
    customerId,
    invoiceNumber: '2014-001',
    issuedAt: '2024-04-30', // the page's 2024-04-31 does not exist
    paidAt: '2024-05-11 12:59:00',
    amount: '12.95',
    sendNotification: 'true',
    ...fields,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) if (value !== null) form.append(name, value);
  form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'example-file');
  return form;
}

export function examplePdf(seed: string = Math.random().toString(36)): Uint8Array {
  return new Uint8Array(Buffer.from(`%PDF-1.4\n% ${seed}\n1 0 obj << >> endobj\n%%EOF\n`, 'latin1'));
}

// ---- the list envelope (reference 2.2; API.md "Lists") ----

export const ENVELOPE_KEYS = ['current_page', 'data', 'first_page_url', 'from', 'next_page_url', 'path', 'per_page', 'prev_page_url', 'to'];

export interface Envelope {
  current_page: number;
  data: Json[];
  first_page_url: string;
  from: number | null;
  next_page_url: string | null;
  path: string;
  per_page: number;
  prev_page_url: string | null;
  to: number | null;
}

/** The page number a page URL asks for, after checking it is an absolute URL on the list's path. */
function pageOf(url: string, path: string, where: string): string | null {
  absoluteUrl(url, where);
  const parsed = new URL(url);
  assert.equal(parsed.origin + parsed.pathname, path, `${where} is on the list's path`);
  return parsed.searchParams.get('page');
}

/**
 * One page of a list, key by key: exactly the envelope's keys with their types; `per_page` 15 by default; `path`
 * absolute without query; `first_page_url` asks for page 1; `from`/`to` are the 1-based positions of the first
 * and last item (null on an empty page); next/prev are null exactly at the ends of a list of `total` items.
 */
export function checkEnvelope(value: unknown, expected: { path: string; page: number; total: number; item: Check }, where: string): Envelope {
  object(value, where);
  const body = value as Json;
  assert.deepEqual(Object.keys(body).sort(), ENVELOPE_KEYS, `${where}: exactly the envelope's keys`);
  integer(body.current_page, `${where}.current_page`);
  arrayOf(expected.item)(body.data, `${where}.data`);
  string(body.first_page_url, `${where}.first_page_url`);
  nullable(integer)(body.from, `${where}.from`);
  nullable(string)(body.next_page_url, `${where}.next_page_url`);
  string(body.path, `${where}.path`);
  integer(body.per_page, `${where}.per_page`);
  nullable(string)(body.prev_page_url, `${where}.prev_page_url`);
  nullable(integer)(body.to, `${where}.to`);
  const page = body as unknown as Envelope;

  assert.equal(page.per_page, 15, `${where}.per_page defaults to 15`);
  assert.equal(page.current_page, expected.page, `${where}.current_page`);
  absoluteUrl(page.path, `${where}.path`);
  assert.equal(page.path, expected.path, `${where}.path is the list's absolute URL without query`);
  assert.equal(pageOf(page.first_page_url, expected.path, `${where}.first_page_url`), '1', `${where}.first_page_url asks for page=1`);

  const start = (expected.page - 1) * page.per_page;
  const count = Math.max(0, Math.min(page.per_page, expected.total - start));
  assert.equal(page.data.length, count, `${where}: ${count} items on page ${expected.page} of ${expected.total}`);
  if (count === 0) {
    assert.equal(page.from, null, `${where}.from is null on an empty page`);
    assert.equal(page.to, null, `${where}.to is null on an empty page`);
  } else {
    assert.equal(page.from, start + 1, `${where}.from`);
    assert.equal(page.to, start + count, `${where}.to`);
  }
  if (start + count < expected.total) {
    assert.ok(page.next_page_url, `${where}.next_page_url is set before the end`);
    assert.equal(pageOf(page.next_page_url, expected.path, `${where}.next_page_url`), String(expected.page + 1), `${where}.next_page_url asks for the next page`);
  } else {
    assert.equal(page.next_page_url, null, `${where}.next_page_url is null on the last page`);
  }
  if (expected.page === 1) {
    assert.equal(page.prev_page_url, null, `${where}.prev_page_url is null on the first page`);
  } else if (count > 0) {
    assert.ok(page.prev_page_url, `${where}.prev_page_url is set after the first page`);
    assert.equal(pageOf(page.prev_page_url, expected.path, `${where}.prev_page_url`), String(expected.page - 1), `${where}.prev_page_url asks for the previous page`);
  }
  return page;
}

/** GETs a path on the server, or an absolute URL a response gave, with the account's key. */
function get(account: TestAccount, url: string): Promise<Response> {
  if (!/^https?:\/\//.test(url)) return account.request(url);
  return fetch(url, { headers: { authorization: `Bearer ${account.apiKey}` } });
}

/**
 * Walks a list of exactly `ids.length` (16 to 30) items two ways, checking every envelope: the bare path, its
 * `next_page_url`, `?page=2` as the published examples write it, `prev_page_url` back, and `?page=3` past the end.
 * Both pages together are exactly the created items, none twice.
 */
export async function checkTwoPages(account: TestAccount, base: string, collection: string, ids: string[], item: Check): Promise<void> {
  assert.ok(ids.length > 15 && ids.length <= 30, 'the walk expects two pages');
  const path = base + collection;
  const total = ids.length;
  const first = checkEnvelope(await expectJson(await get(account, collection), 200), { path, page: 1, total, item }, `GET ${collection}`);
  assert.ok(first.next_page_url);
  assert.ok(first.next_page_url.startsWith(base), `next_page_url is built from PUBLIC_BASE_URL: ${first.next_page_url}`);
  const next = checkEnvelope(await expectJson(await get(account, first.next_page_url), 200), { path, page: 2, total, item }, `next_page_url of ${collection}`);
  const second = checkEnvelope(await expectJson(await get(account, `${collection}?page=2`), 200), { path, page: 2, total, item }, `GET ${collection}?page=2`);
  const idsOf = (page: Envelope) => page.data.map((entry) => String(entry.id));
  assert.deepEqual(idsOf(second), idsOf(next), '?page=2 is the page next_page_url leads to');
  assert.ok(second.prev_page_url);
  const back = checkEnvelope(await expectJson(await get(account, second.prev_page_url), 200), { path, page: 1, total, item }, `prev_page_url of ${collection}?page=2`);
  assert.deepEqual(idsOf(back), idsOf(first), 'prev_page_url leads back to page 1');
  checkEnvelope(await expectJson(await get(account, `${collection}?page=3`), 200), { path, page: 3, total, item }, `GET ${collection}?page=3`);

  const seen = [...idsOf(first), ...idsOf(second)];
  assert.equal(new Set(seen).size, seen.length, 'no item on both pages');
  assert.deepEqual([...seen].sort(), [...ids].sort(), 'the two pages hold exactly the created items');
}
