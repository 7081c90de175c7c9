import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { OPERATION_METHODS } from '../../src/client/client.js';
import { clientTypesFor, CLIENT_TYPES_FILE } from '../helpers/client-types.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('client types follow the OpenAPI document', () => {
  let server: TestServer;
  let document: { paths: Record<string, Record<string, { operationId?: string }>> };
  before(async () => {
    server = await startTestServer();
    document = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as typeof document;
  });
  after(() => server.close());

  it('the committed src/client/openapi.gen.ts is what the live document generates (else: npm run client:types)', async () => {
    const committed = await fs.readFile(CLIENT_TYPES_FILE, 'utf8');
    const fresh = await clientTypesFor(document);
    assert.ok(committed === fresh, 'src/client/openapi.gen.ts differs from the document: run `npm run client:types` and commit the result');
  });

  it('every operation in the document has a client method, and the client calls nothing the document lacks', () => {
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    assert.ok(ids.every((id) => typeof id === 'string'), 'every operation has an operationId');
    assert.deepEqual([...ids].sort(), Object.keys(OPERATION_METHODS).sort());
  });
});
