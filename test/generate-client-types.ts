/** `npm run client:types`: regenerates src/client/openapi.gen.ts from the document a test server publishes. */
import { writeClientTypes, CLIENT_TYPES_FILE } from './helpers/client-types.js';
import { startTestServer } from './helpers/server.js';

const server = await startTestServer();
try {
  const response = await fetch(`${server.url}/v1/openapi.json`);
  await writeClientTypes(await response.json());
  console.log(`wrote ${CLIENT_TYPES_FILE}`);
} finally {
  await server.close();
}
