import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { OpenAPIV3_1 } from 'openapi-types';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES } from '../../src/http/problems.js';

/**
 * Checks every response a test server sends against the OpenAPI document the app publishes: the status is
 * documented for that operation, the media type matches, the JSON body validates (documented schemas forbid
 * undocumented properties), and every error is a well-formed problem (RELIABILITY.md P1). Violations are
 * collected and reported when the test server closes, so a test cannot pass while the contract breaks.
 */
export interface ContractChecker {
  plugin: FastifyPluginAsync;
  violations: string[];
  /** Responses checked so far. */
  checked(): number;
}

type Document = OpenAPIV3_1.Document;
type Responses = Record<string, OpenAPIV3_1.ResponseObject>;

const LEAK = /\bat .+\(.+:\d+:\d+\)|node_modules|\/tmp\/|\/work\/|SQLITE_|\bselect\b.+\bfrom\b|\binsert into\b/i;
const TITLES = new Map(Object.entries(PROBLEM_TYPES).map(([slug, { title, status }]) => [PROBLEM_TYPE_BASE + slug, { title, status }]));

export function contractChecker(): ContractChecker {
  const violations: string[] = [];
  let count = 0;
  let spec: Promise<{ doc: Document; ajv: Ajv2020 }> | null = null;
  const validators = new Map<string, ValidateFunction>();

  const load = (app: FastifyInstance) =>
    (spec ??= (async () => {
      const doc = (await SwaggerParser.dereference(structuredClone(app.swagger()) as never)) as unknown as Document;
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      return { doc, ajv };
    })());

  async function check(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
    const url = request.routeOptions.url;
    if (url?.startsWith('/docs')) return; // Swagger UI's own files
    // The portal's HTML pages are not API operations: no OpenAPI entry and no problem+json, by design.
    if ((url ?? request.url).startsWith('/portal')) return;
    // Nor are the scripts pages load (pages/assets.ts), hidden from the document too.
    if (url?.startsWith('/assets/')) return;
    count += 1;
    const { doc, ajv } = await load(request.server);
    const status = String(reply.statusCode);
    const where = `${request.method} ${request.url} → ${status}`;
    const type = String(reply.getHeader('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const fail = (message: string) => violations.push(`${where}: ${message}`);
    if (!reply.getHeader('x-request-id')) fail('no X-Request-Id');

    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (reply.statusCode >= 400) {
      if (type !== 'application/problem+json') fail(`error with content type "${type}"`);
      const problem = text === null ? null : (JSON.parse(text) as { type?: string; title?: string; status?: number });
      const known = problem?.type ? TITLES.get(problem.type) : undefined;
      if (!problem || problem.status !== reply.statusCode) fail(`problem status ${problem?.status} differs from the HTTP status`);
      if (!known || known.title !== problem?.title || known.status !== reply.statusCode) fail(`undocumented problem type or title: ${text}`);
      if (text && LEAK.test(text)) fail(`leaks internals: ${text}`);
    }

    // Unrouted requests (unknown path or method) are checked as problems above; they have no operation.
    const operation = url ? doc.paths?.[url.replace(/:(\w+)/g, '{$1}')]?.[request.method.toLowerCase() as 'get'] : undefined;
    if (!url) return;
    if (!operation) return void fail(`route ${request.method} ${url} is not in the OpenAPI document`);
    const response = (operation.responses as Responses | undefined)?.[status];
    if (!response) return void fail(`status ${status} is not documented for ${request.method} ${url}`);
    if (status === '201' && !reply.getHeader('location')) fail('201 without Location');
    const media = response.content?.[type];
    if (!response.content) {
      if (text) fail(`documented without a body, but sent "${text.slice(0, 80)}"`);
      return;
    }
    if (!media) return void fail(`content type "${type}" not documented (has ${Object.keys(response.content).join(', ')})`);
    if (!type.endsWith('json') || text === null) return;
    const key = `${request.method} ${url} ${status} ${type}`;
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile(media.schema as object)));
    if (!validate(JSON.parse(text))) fail(`body does not match the schema: ${ajv.errorsText(validate.errors)}; body ${text.slice(0, 300)}`);
  }

  const plugin = fp(async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      await check(request, reply, payload).catch((error: unknown) => violations.push(`${request.method} ${request.url}: checker failed: ${String(error)}`));
      return payload;
    });
  });
  return { plugin, violations, checked: () => count };
}
