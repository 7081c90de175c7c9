import type { FastifyRequest } from 'fastify';
import type { FieldError } from './problems.js';

/**
 * U+0000 in a text field. PostgreSQL cannot store or compare it (the query fails: a 500 for the client's input,
 * found by the schema fuzzer), and no field of this API has a use for it, so on either database it is a 422 on
 * that field, reported with the request's other field errors. Checked in the JSON body and the query string (a
 * multipart create checks its own fields; an id with it is simply not found).
 */
const NUL_ERRORS = Symbol('nulErrors');
const NUL = '\u0000';

type Marked = FastifyRequest & { [NUL_ERRORS]?: FieldError[] };

function find(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) out.push({ field: path || '(body)', message: 'must not contain the character U+0000' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => find(item, path ? `${path}.${index}` : String(index), out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) find(item, path ? `${path}.${key}` : key, out);
  }
}

/**
 * Finds U+0000 in what the route reads — the query parameters its schema declares and a JSON body it has a
 * schema for — before the schema is checked (a preValidation hook). Parameters a route ignores stay ignored.
 */
export function markNulCharacters(request: FastifyRequest): void {
  const errors: FieldError[] = [];
  const schema = request.routeOptions.schema as { querystring?: { properties?: object }; body?: unknown } | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  for (const name of Object.keys(schema?.querystring?.properties ?? {})) find(query?.[name], name, errors);
  if (schema?.body !== undefined && !request.isMultipart()) find(request.body, '', errors);
  if (errors.length > 0) (request as Marked)[NUL_ERRORS] = errors;
}

/** The U+0000 field errors `markNulCharacters` found, beside `others` (one message per field, theirs first). */
export function withNulErrors(request: FastifyRequest, others: FieldError[]): FieldError[] {
  const found = (request as Marked)[NUL_ERRORS] ?? [];
  const named = new Set(others.map((error) => error.field));
  return [...others, ...found.filter((error) => !named.has(error.field))];
}
