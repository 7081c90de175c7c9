import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { report, size } from '../helpers/hostile.js';
import { asText, hostileValue, objectFor, positiveObjectFor, type Schema } from '../helpers/schema-arbitraries.js';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

// RELIABILITY.md F1: requests generated from /v1/openapi.json — valid, boundary and invalid values for every
// parameter and field — never get a 5xx; the test server's contract checker validates every response. A third
// are positive data (Schemathesis' positive phase): every value as the schema allows, ids the caller owns; most
// of those must succeed, so the fuzzer also walks the paths behind validation.
const runs = size('FUZZ_RUNS', 2_500, 20_000);
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Operation {
  path: string;
  method: string;
  pathParams: string[];
  query: Schema;
  json: Schema | null;
  form: Schema | null;
  /** The body is an image itself (the account's logo). */
  image: boolean;
}

type Parameter = { name: string; in: string; schema: Schema; required?: boolean; example?: unknown };
type Who = 'a' | 'b' | 'nobody';
interface Request {
  op: Operation;
  positive: boolean;
  params: unknown[];
  query: Record<string, unknown>;
  body: unknown;
  form: Record<string, unknown> | undefined;
  pdf: Uint8Array | null;
  /** The image body of an `image` operation, with its Content-Type. */
  image: { bytes: Uint8Array; type: string } | null;
  key: string | null;
  who: Who;
}

describe('schema-driven fuzzing (F1)', () => {
  let server: TestServer;
  let a: TestAccount;
  let b: TestAccount;
  const ids: string[] = [];
  type Fixtures = { customer: string; invoice: string; offer: string; webhook: string; group: string };
  const none = { customer: '', invoice: '', offer: '', webhook: '', group: '' };
  const own: Record<'a' | 'b', Fixtures> = { a: { ...none }, b: { ...none } };
  const client = (who: 'a' | 'b') => (who === 'a' ? a : b);
  const created = async (res: Response): Promise<string> => {
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { id: string }).id;
  };
  const createWebhook = async (account: TestAccount, url = 'https://hooks.example.com/klantportaal') =>
    created(await account.json('POST', '/v1/webhooks', { url, type: 'invoice-created' }));
  const createInvoice = async (account: TestAccount, customerId: string) => created(await account.createInvoice(validInvoice(customerId)));
  const createOffer = async (account: TestAccount, customerId: string) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ customerId, offerNumber: `FZ-${Math.random().toString(36).slice(2)}`, issuedAt: '2024-04-30', expiresAt: '2099-12-31', amount: '12.95' })) form.append(name, value);
    form.append('pdf', new Blob([samplePdf('fuzz-offer')], { type: 'application/pdf' }), 'offer.pdf');
    return created(await account.request('/v1/customer-offers', { method: 'POST', body: form }));
  };
  const createGroup = async (account: TestAccount, customers: string[]) => created(await account.json('POST', '/v1/customer-groups', { name: 'Fuzzgroep', customers }));
  let operations: Operation[];
  before(async () => {
    server = await startTestServer();
    [a, b] = [await server.account('A'), await server.account('B')];
    for (const who of ['a', 'b'] as const) {
      const account = client(who);
      // The legal details a manual invoice needs, so positive manual creates get past them.
      const details = await account.json('PATCH', '/v1/account', { address: 'Straat 1', zipCode: '1234 AB', city: 'Delft', kvkNumber: '12345678', vatNumber: 'NL123456789B01' });
      assert.equal(details.status, 200, await details.text());
      const customer = await account.createCustomer();
      ids.push(customer.id, await createInvoice(account, customer.id), await createOffer(account, customer.id), await createWebhook(account), await createGroup(account, [customer.id]));
      // Positive requests get fixtures of their own: a negative DELETE may remove any of the ids above.
      const mine = await account.createCustomer();
      own[who] = {
        customer: mine.id,
        invoice: await createInvoice(account, mine.id),
        offer: await createOffer(account, mine.id),
        webhook: await createWebhook(account),
        group: await createGroup(account, [mine.id]),
      };
    }
    const doc = (await SwaggerParser.dereference((await (await fetch(`${server.url}/v1/openapi.json`)).json()) as never)) as unknown as {
      paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    };
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/') && path !== '/v1/openapi.json')
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => {
          const params = op.parameters ?? [];
          const query: Schema = { type: 'object', properties: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, { ...p.schema, example: p.example }])) };
          return {
            path,
            method: method.toUpperCase(),
            pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
            query,
            json: op.requestBody?.content['application/json']?.schema ?? null,
            form: op.requestBody?.content['multipart/form-data']?.schema ?? null,
            image: op.requestBody?.content['image/png'] !== undefined,
          };
        }),
      );
  });
  after(() => server.close());

  it(`${runs} generated requests: never a 5xx, every response as documented`, async () => {
    const statuses: Record<string, number> = {};
    const positiveStatuses: Record<string, number> = {};
    const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.string(), fc.constantFrom('inv_aaaaaaaaaaaaaa', 'cst_', 'x'.repeat(2000), '%2e%2e', '..'));
    const negative: fc.Arbitrary<Request> = fc.constantFrom(...operations).chain((op) =>
      fc.record({
        op: fc.constant(op),
        positive: fc.constant(false),
        params: fc.tuple(...op.pathParams.map(() => id)),
        query: objectFor(op.query),
        body: op.json ? fc.oneof({ weight: 5, arbitrary: objectFor(op.json) }, hostileValue, fc.constant('{"broken": ')) : fc.constant(undefined),
        form: op.form ? objectFor(op.form) : fc.constant(undefined),
        pdf: fc.oneof(fc.constant(samplePdf('fuzz')), fc.uint8Array({ maxLength: 64 }), fc.constant(null)),
        image: op.image
          ? fc.option(fc.record({ bytes: fc.oneof(fc.constant(TINY_PNG), fc.constant(samplePdf('fuzz')), fc.uint8Array({ maxLength: 64 })), type: fc.constantFrom('image/png', 'image/jpeg', 'image/gif', 'text/plain') }))
          : fc.constant(null),
        key: fc.option(fc.stringMatching(/^[\x20-\x7e]{0,300}$/), { freq: 2 }),
        who: fc.constantFrom<Who>('a', 'a', 'a', 'a', 'b', 'nobody'),
      }),
    );
    // Positive data: a path id of the route's own kind that the caller owns, the caller's customer wherever a
    // customerId goes, no `after` cursor (none is known), a PDF, now and then an Idempotency-Key.
    const positive: fc.Arbitrary<Request> = fc.tuple(fc.constantFrom(...operations), fc.constantFrom<'a' | 'b'>('a', 'b')).chain(([op, who]) => {
      const mine = own[who];
      const ownId = (param: string) =>
        fc.constant(
          param === 'customerId' || op.path.startsWith('/v1/customers/')
            ? mine.customer
            : op.path.startsWith('/v1/customer-invoices/')
              ? mine.invoice
              : op.path.startsWith('/v1/customer-offers/')
                ? mine.offer
                : op.path.startsWith('/v1/customer-groups/')
                ? mine.group
                : mine.webhook,
        );
      const known = {
        customerId: fc.constant(mine.customer),
        customerGroupId: fc.constant(mine.group),
        customers: fc.constant([mine.customer]),
        // A credit note needs a negative total, which random lines seldom are: positive manual creates leave it out.
        creditedInvoiceId: fc.constant(undefined),
        url: fc.constantFrom('https://hooks.example.com/klantportaal', 'http://boekhouding.example.nl:8080/events?bron=klantportaal'),
        // The account's details: values whose rule lives beyond the schema (checksums, the zone list).
        iban: fc.constantFrom('NL91ABNA0417164300', 'nl91 abna 0417 1643 00', 'DE89370400440532013000', null),
        vatNumber: fc.constantFrom('NL123456789B01', 'nl 1234.56789 b01', null),
        website: fc.constantFrom('https://bakkerij.example.nl', 'http://example.com/over-ons?taal=nl', null),
        email: fc.constantFrom('info@bakkerij.example.nl', null),
        timeZone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'UTC'),
        // An offer: open for long, and one decision at a time (an empty rejectedAt or a null reason is "not given").
        expiresAt: fc.constant('2099-12-31'),
        acceptedAt: fc.constantFrom('2024-05-04 20:51:50', '2024-05-04T20:51:50+02:00'),
        rejectedAt: fc.constant(''),
        rejectionReason: fc.constant(null),
      };
      const { after: _after, ...queryProperties } = op.query.properties ?? {};
      return fc.record({
        op: fc.constant(op),
        positive: fc.constant(true),
        params: fc.tuple(...op.pathParams.map(ownId)),
        query: positiveObjectFor({ type: 'object', properties: queryProperties }, known),
        body: op.json ? positiveObjectFor(op.json, known) : fc.constant(undefined),
        form: op.form ? positiveObjectFor(op.form, known) : fc.constant(undefined),
        pdf: fc.constant(samplePdf('fuzz')),
        image: fc.constant(op.image ? { bytes: TINY_PNG, type: 'image/png' } : null),
        key: fc.option(fc.uuid(), { freq: 2 }),
        who: fc.constant(who),
      });
    });
    /** Path parameters for a positive DELETE: something made for it, in the order of the path. */
    const throwaway = async (who: 'a' | 'b', path: string): Promise<string[]> => {
      if (path.startsWith('/v1/webhooks/')) {
        // An account holds at most 100 records: delete one a positive create made (the newest come first), so later creates still fit.
        const listed = (await (await client(who).request('/v1/webhooks?per_page=250')).json()) as { data: { id: string }[] };
        const made = listed.data.find((webhook) => !ids.includes(webhook.id) && webhook.id !== own[who].webhook);
        return [made?.id ?? (await createWebhook(client(who), 'https://hooks.example.com/weg'))];
      }
      const customer = await client(who).createCustomer();
      if (path.startsWith('/v1/customer-groups/')) {
        const group = await createGroup(client(who), [customer.id]);
        return path.endsWith('{customerId}') ? [group, customer.id] : [group];
      }
      if (path.startsWith('/v1/customer-offers/')) return [await createOffer(client(who), customer.id)];
      return [path.startsWith('/v1/customers/') ? customer.id : await createInvoice(client(who), customer.id)];
    };
    const downloadToken = async (who: 'a' | 'b'): Promise<string> => {
      const { link } = (await (await client(who).request(`/v1/customer-invoices/${own[who].invoice}/pdf`)).json()) as { link: string };
      return link.slice(link.lastIndexOf('/') + 1);
    };
    const request = fc.oneof({ weight: 2, arbitrary: negative }, { weight: 1, arbitrary: positive });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        // A positive DELETE removes something made for it, so the other positive requests keep their fixtures.
        if (r.positive && r.op.method === 'DELETE' && r.who !== 'nobody') r.params = await throwaway(r.who, r.op.path);
        // An offer is decided once: a positive PATCH decides a fresh one.
        if (r.positive && r.op.method === 'PATCH' && r.op.path.startsWith('/v1/customer-offers/') && r.who !== 'nobody') r.params = await throwaway(r.who, r.op.path);
        // A download link's token is made by the API, never by a schema: a positive request follows a fresh one.
        if (r.positive && r.op.path.startsWith('/v1/downloads/') && r.who !== 'nobody') r.params = [await downloadToken(r.who)];
        let path = r.op.path;
        r.op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(String(r.params[i])))));
        const query = new URLSearchParams(Object.entries(r.query).map(([k, v]): [string, string] => [k, asText(v)])).toString();
        const headers: Record<string, string> = {};
        if (r.key !== null) headers['idempotency-key'] = r.key;
        let body: string | FormData | Uint8Array | undefined;
        if (r.image) {
          body = r.image.bytes;
          headers['content-type'] = r.image.type;
        } else if (r.form) {
          const form = new FormData();
          for (const [name, value] of Object.entries(r.form)) {
            if (name === 'pdf') continue;
            form.append(name, asText(value));
          }
          if (r.pdf) form.append('pdf', new Blob([r.pdf], { type: 'application/pdf' }), 'fuzz.pdf');
          body = form;
        } else if (r.body !== undefined) {
          body = typeof r.body === 'string' && r.body.startsWith('{"broken') ? r.body : JSON.stringify(r.body);
          headers['content-type'] = 'application/json';
        }
        const url = `${path}${query ? `?${query}` : ''}`;
        const init = { method: r.op.method, headers, ...(body === undefined ? {} : { body }) };
        const res = r.who === 'nobody' ? await fetch(server.url + url, init) : await client(r.who).request(url, init);
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (r.positive) positiveStatuses[res.status] = (positiveStatuses[res.status] ?? 0) + 1;
        assert.ok(res.status < 500, `${r.op.method} ${url} → ${res.status}`);
      }),
      { numRuns: runs },
    );
    const positiveRuns = Object.values(positiveStatuses).reduce((sum, n) => sum + n, 0);
    const accepted = Object.entries(positiveStatuses).reduce((sum, [status, n]) => sum + (Number(status) < 300 ? n : 0), 0);
    report('schema-fuzz', { runs, operations: operations.length, statuses, positiveRuns, positiveStatuses });
    assert.ok(accepted >= positiveRuns / 2, `positive data was mostly refused: ${JSON.stringify(positiveStatuses)}`);
  });
});
