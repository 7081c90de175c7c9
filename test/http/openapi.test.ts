import SwaggerParser from '@apidevtools/swagger-parser';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIV3_1 } from 'openapi-types';
import { buildApp } from '../../src/app.js';
import { isScope } from '../../src/http/scopes.js';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/runtime.js';
import { contractChecker } from '../helpers/contract.js';
import { createTestData, startTestServer, type TestServer } from '../helpers/server.js';

type Document = OpenAPIV3_1.Document;

describe('GET /v1/openapi.json', () => {
  let server: TestServer;
  let doc: Document;
  before(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/v1/openapi.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    doc = (await res.json()) as Document;
  });
  after(() => server.close());

  it('is OpenAPI 3.1 that a real validator accepts with zero errors, without an API key', async () => {
    assert.equal(doc.openapi, '3.1.0');
    // Throws with the list of problems when the document is not valid.
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('describes every route the server has, each with an operationId, security and its error statuses as problem+json', () => {
    const expected = [
      'get /healthz',
      'get /readyz',
      'get /v1/openapi.json',
      'get /v1/account',
      'patch /v1/account',
      'put /v1/account/logo',
      'get /v1/account/logo',
      'delete /v1/account/logo',
      'post /v1/customers',
      'get /v1/customers',
      'get /v1/customers/{id}',
      'patch /v1/customers/{id}',
      'delete /v1/customers/{id}',
      'post /v1/customer-groups',
      'get /v1/customer-groups',
      'get /v1/customer-groups/{id}',
      'patch /v1/customer-groups/{id}',
      'delete /v1/customer-groups/{id}',
      'post /v1/customer-groups/{id}/customers',
      'delete /v1/customer-groups/{id}/customers/{customerId}',
      'post /v1/customer-invoices',
      'post /v1/customer-invoices/manual',
      'get /v1/customer-invoices',
      'get /v1/customer-invoices/{id}',
      'patch /v1/customer-invoices/{id}',
      'delete /v1/customer-invoices/{id}',
      'get /v1/customer-invoices/{id}/pdf',
      'post /v1/customer-offers',
      'get /v1/customer-offers',
      'get /v1/customer-offers/{id}',
      'patch /v1/customer-offers/{id}',
      'delete /v1/customer-offers/{id}',
      'get /v1/customer-offers/{id}/pdf',
      'post /v1/customer-offers/manual',
      'post /v1/customer-offers/{id}/invoice',
      'get /v1/downloads/{token}',
      'post /v1/webhooks',
      'get /v1/webhooks',
      'get /v1/webhooks/{id}',
      'delete /v1/webhooks/{id}',
      'get /v1/webhooks/{id}/deliveries',
      'post /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    ];
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item ?? {}).map(([method, op]) => [`${method} ${path}`, op as OpenAPIV3_1.OperationObject] as const),
    );
    assert.deepEqual(operations.map(([name]) => name).sort(), [...expected].sort());
    const ids = new Set<string>();
    for (const [name, op] of operations) {
      assert.ok(op.operationId && !ids.has(op.operationId), `${name} has a unique operationId`);
      ids.add(op.operationId);
      // The cloud-file link is its own credential: no API key (and so no 401, no scope).
      const secured = name.includes(' /v1/') && !name.endsWith('openapi.json') && !name.includes(' /v1/downloads/');
      // The route's scope (its config.scope), as the security requirement and as x-scope.
      const scope = (op as { 'x-scope'?: string })['x-scope'];
      if (secured) assert.ok(scope && isScope(scope), `${name} declares a known scope (x-scope: ${scope})`);
      assert.deepEqual(op.security, secured ? [{ apiKey: [scope] }] : [], `${name} security`);
      if (secured) assert.ok(op.responses?.['403'], `${name} documents 403`);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const content = Object.keys((response as OpenAPIV3_1.ResponseObject).content ?? {});
        if (Number(status) >= 400) assert.deepEqual(content, ['application/problem+json'], `${name} ${status}`);
      }
      if (secured) assert.ok(op.responses?.['401'], `${name} documents 401`);
      if (name.startsWith('post ')) {
        assert.ok(JSON.stringify(op.parameters).includes('IdempotencyKey'), `${name} documents Idempotency-Key`);
      }
    }
  });

  it('documents the offer create with every published field (reference 3.7), and the PDF as a cloud file', () => {
    const schema = (doc.paths?.['/v1/customer-offers']?.post?.requestBody as OpenAPIV3_1.RequestBodyObject).content['multipart/form-data']?.schema as OpenAPIV3_1.SchemaObject;
    const fields = schema.properties as Record<string, OpenAPIV3_1.SchemaObject>;
    assert.deepEqual(Object.keys(fields).sort(), [
      'acceptedAt', 'acceptedViaIp', 'acceptedViaUserAgent', 'amount', 'currency', 'customerId', 'expiresAt', 'issuedAt', 'offerNumber', 'pdf', 'rejectedAt', 'sendNotification',
    ]);
    assert.deepEqual([...(schema.required ?? [])].sort(), ['amount', 'customerId', 'expiresAt', 'issuedAt', 'offerNumber', 'pdf']);
    for (const name of Object.keys(fields)) assert.ok(fields[name]?.description || name === 'currency', `${name} has a description`);
    const pdf = doc.paths?.['/v1/customer-offers/{id}/pdf']?.get?.responses?.['200'] as OpenAPIV3_1.ResponseObject;
    assert.deepEqual(Object.keys(pdf.content ?? {}), ['application/json', 'application/pdf']);
    const patch = doc.paths?.['/v1/customer-offers/{id}']?.patch;
    assert.match(patch?.description ?? '', /expired offer/, 'what a business may do with an expired offer is documented');
    assert.ok(patch?.responses?.['409'], 'PATCH documents 409');
  });

  it('documents the multipart create with every published field, its format and an example', () => {
    const create = doc.paths?.['/v1/customer-invoices']?.post;
    const body = create?.requestBody as OpenAPIV3_1.RequestBodyObject;
    const schema = body.content['multipart/form-data']?.schema as OpenAPIV3_1.SchemaObject;
    const fields = schema.properties as Record<string, OpenAPIV3_1.SchemaObject>;
    assert.deepEqual(Object.keys(fields).sort(), ['amount', 'currency', 'customerId', 'invoiceNumber', 'issuedAt', 'paidAt', 'pdf', 'sendNotification']);
    assert.deepEqual([...(schema.required ?? [])].sort(), ['amount', 'customerId', 'invoiceNumber', 'issuedAt', 'pdf']);
    assert.equal(fields.issuedAt?.format, 'date');
    assert.equal(fields.pdf?.contentMediaType, 'application/pdf');
    for (const name of ['customerId', 'invoiceNumber', 'issuedAt', 'amount', 'paidAt', 'sendNotification']) {
      assert.ok(fields[name]?.examples?.length, `${name} has an example`);
      assert.ok(fields[name]?.description, `${name} has a description`);
    }
    // The published cloud-file JSON by default, the bytes with Accept: application/pdf; the link serves the bytes.
    const pdf = doc.paths?.['/v1/customer-invoices/{id}/pdf']?.get?.responses?.['200'] as OpenAPIV3_1.ResponseObject;
    assert.deepEqual(Object.keys(pdf.content ?? {}), ['application/json', 'application/pdf']);
    const cloudFile = pdf.content?.['application/json']?.schema as OpenAPIV3_1.SchemaObject;
    assert.deepEqual(Object.keys(cloudFile.properties ?? {}).sort(), ['expiresAt', 'link']);
    assert.equal(cloudFile.additionalProperties, false);
    const download = doc.paths?.['/v1/downloads/{token}']?.get;
    assert.deepEqual(Object.keys((download?.responses?.['200'] as OpenAPIV3_1.ResponseObject).content ?? {}), ['application/pdf']);
    assert.deepEqual(Object.keys(download?.responses ?? {}).sort(), ['200', '404', '503']);
  });
});

describe('/docs', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('is a human-readable page served entirely from the package, reading /v1/openapi.json', async () => {
    const page = await fetch(`${server.url}/docs/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /swagger-ui/);
    // Every script and stylesheet is a relative URL on this server: nothing from a CDN.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(assets.length > 0);
    for (const asset of assets) {
      assert.doesNotMatch(asset, /^(https?:)?\/\//, `external asset ${asset}`);
      const res = await fetch(new URL(asset, `${server.url}/docs/`));
      assert.equal(res.status, 200, asset);
      await res.arrayBuffer();
    }
    const init = await (await fetch(`${server.url}/docs/static/swagger-initializer.js`)).text();
    assert.match(init, /\/v1\/openapi\.json/);
    assert.match(init, /"validatorUrl":\s*null/, 'no calls to the public validator');
  });
});

describe('the contract checker every test server runs', () => {
  it('reports an undocumented route and an undocumented status, so the suite-wide check can fail', async () => {
    const data = await createTestData();
    const runtime = await openRuntime(loadConfig({ ...data.env, LOG_LEVEL: 'silent' }));
    const checker = contractChecker();
    const rogue = async (app: import('fastify').FastifyInstance) => {
      app.get('/v1/hidden', { schema: { hide: true } }, async () => ({ ok: true }));
    };
    const app = await buildApp(runtime.ctx, { databaseReady: runtime.databaseReady, extensions: [checker.plugin, rogue] });
    try {
      assert.equal((await app.inject('/healthz')).statusCode, 200);
      assert.deepEqual(checker.violations, []);
      await app.inject('/v1/hidden');
      assert.equal((await app.inject({ method: 'PUT', url: '/v1/customers' })).statusCode, 404);
      assert.equal(checker.checked(), 3);
      // The unknown method is a documented kind of problem; the hidden route is not in the document.
      assert.equal(checker.violations.length, 1, checker.violations.join('\n'));
      assert.match(checker.violations[0] ?? '', /not in the OpenAPI document/);
    } finally {
      await app.close();
      await runtime.close();
      await data.cleanup();
    }
  });
});
