import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { report, size } from '../helpers/hostile.js';
import { asText, hostileValue, objectFor, type Schema } from '../helpers/schema-arbitraries.js';
import { samplePdf, startTestServer, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';

// RELIABILITY.md F1: requests generated from /v1/openapi.json — valid, boundary and invalid values for every
// parameter and field — never get a 5xx; the test server's contract checker validates every response.
const runs = size('FUZZ_RUNS', 2_500, 20_000);

interface Operation {
  path: string;
  method: string;
  pathParams: string[];
  query: Schema;
  json: Schema | null;
  form: Schema | null;
}

type Parameter = { name: string; in: string; schema: Schema; required?: boolean };

describe('schema-driven fuzzing (F1)', () => {
  let server: TestServer;
  let a: TestAccount;
  let b: TestAccount;
  const ids: string[] = [];
  let operations: Operation[];
  before(async () => {
    server = await startTestServer();
    [a, b] = [await server.account('A'), await server.account('B')];
    for (const client of [a, b]) {
      const customer = await client.createCustomer();
      const invoice = (await (await client.createInvoice(validInvoice(customer.id))).json()) as { id: string };
      ids.push(customer.id, invoice.id);
    }
    const doc = (await SwaggerParser.dereference((await (await fetch(`${server.url}/v1/openapi.json`)).json()) as never)) as unknown as {
      paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    };
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/') && path !== '/v1/openapi.json')
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => {
          const params = op.parameters ?? [];
          const query: Schema = { type: 'object', properties: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema])) };
          return {
            path,
            method: method.toUpperCase(),
            pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
            query,
            json: op.requestBody?.content['application/json']?.schema ?? null,
            form: op.requestBody?.content['multipart/form-data']?.schema ?? null,
          };
        }),
      );
  });
  after(() => server.close());

  it(`${runs} generated requests: never a 5xx, every response as documented`, async () => {
    const statuses: Record<string, number> = {};
    const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.string(), fc.constantFrom('inv_aaaaaaaaaaaaaa', 'cst_', 'x'.repeat(2000), '%2e%2e', '..'));
    const request = fc.constantFrom(...operations).chain((op) =>
      fc.record({
        op: fc.constant(op),
        params: fc.tuple(...op.pathParams.map(() => id)),
        query: objectFor(op.query),
        body: op.json ? fc.oneof({ weight: 5, arbitrary: objectFor(op.json) }, hostileValue, fc.constant('{"broken": ')) : fc.constant(undefined),
        form: op.form ? objectFor(op.form) : fc.constant(undefined),
        pdf: fc.oneof(fc.constant(samplePdf('fuzz')), fc.uint8Array({ maxLength: 64 }), fc.constant(null)),
        key: fc.option(fc.stringMatching(/^[\x20-\x7e]{0,300}$/), { freq: 2 }),
        who: fc.constantFrom<'a' | 'b' | 'nobody'>('a', 'a', 'a', 'a', 'b', 'nobody'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let path = r.op.path;
        r.op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(String(r.params[i])))));
        const query = new URLSearchParams(Object.entries(r.query).map(([k, v]): [string, string] => [k, asText(v)])).toString();
        const headers: Record<string, string> = {};
        if (r.key !== null) headers['idempotency-key'] = r.key;
        let body: string | FormData | undefined;
        if (r.form) {
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
        const res = r.who === 'nobody' ? await fetch(server.url + url, init) : await (r.who === 'a' ? a : b).request(url, init);
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        assert.ok(res.status < 500, `${r.op.method} ${url} → ${res.status}`);
      }),
      { numRuns: runs },
    );
    report('schema-fuzz', { runs, operations: operations.length, statuses });
  });
});
