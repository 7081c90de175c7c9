import fs from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { REPO_ROOT } from './process.js';

/** The committed types of `klantportaal/client`, generated from the OpenAPI document. */
export const CLIENT_TYPES_FILE = path.join(REPO_ROOT, 'src/client/openapi.gen.ts');

const HEADER = `/**
 * Generated from GET /v1/openapi.json by openapi-typescript; do not edit.
 * Regenerate with \`npm run client:types\`; test/client/drift.test.ts fails when this file and the document differ.
 */
/* eslint-disable */
`;

/** TypeScript declarations for an OpenAPI document, exactly as the committed file should read. */
export async function clientTypesFor(document: unknown): Promise<string> {
  // The server URL changes per run (a random port); it is not part of the types.
  const { servers: _servers, ...stable } = document as Record<string, unknown>;
  const ast = await openapiTS(stable as never, { alphabetize: true });
  return HEADER + astToString(ast);
}

/** `npm run client:types`: fetches the document from a test server and rewrites the committed file. */
export async function writeClientTypes(document: unknown): Promise<void> {
  await fs.writeFile(CLIENT_TYPES_FILE, await clientTypesFor(document));
}
