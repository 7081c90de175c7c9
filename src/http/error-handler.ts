import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/database.js';
import { withNulErrors } from './nul-characters.js';
import { ProblemError, type FieldError, type ProblemSlug, unavailable, validationFailed } from './problems.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema the failing keyword sits in (Ajv's `verbose`). */
  parentSchema?: { title?: unknown };
}

/** An enum longer than this is named by its schema's `title` (e.g. the 249 country codes), not listed. */
const LISTED_ENUM_VALUES = 12;

/** One message per field, in words an integrator can act on. */
function fieldErrorsFromAjv(issues: AjvIssue[]): FieldError[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let field = path;
    let message: string;
    switch (issue.keyword) {
      case 'required':
        field = [path, String(issue.params.missingProperty)].filter(Boolean).join('.');
        message = 'is required';
        break;
      case 'additionalProperties':
        field = [path, String(issue.params.additionalProperty)].filter(Boolean).join('.');
        message = 'is not a known field (or cannot be set)';
        break;
      case 'type':
        message = `must be of type ${String(issue.params.type).replace(',', ' or ')}`;
        break;
      case 'minLength':
        message = Number(issue.params.limit) === 1 ? 'must not be empty' : `must be at least ${String(issue.params.limit)} characters`;
        break;
      case 'maxLength':
        message = `must be at most ${String(issue.params.limit)} characters`;
        break;
      case 'format':
        message = issue.params.format === 'email' ? 'must be a valid email address' : `must be a valid ${String(issue.params.format)}`;
        break;
      case 'enum': {
        const allowed = issue.params.allowedValues as unknown[];
        const title = issue.parentSchema?.title;
        message =
          allowed.length > LISTED_ENUM_VALUES && typeof title === 'string'
            ? `must be ${title}`
            : `must be one of: ${allowed.map(String).join(', ')}`;
        break;
      }
      case 'pattern':
        message =
          issue.params.pattern === '\\S' ? 'must not be blank' : `must match ${String(issue.params.pattern)}`;
        break;
      case 'minProperties':
        message = 'must contain at least one field';
        break;
      default:
        message = issue.message ?? 'is not valid';
    }
    if (!byField.has(field)) byField.set(field, message);
  }
  return [...byField].map(([field, message]) => ({ field: field || '(body)', message }));
}

/** Framework errors by code: what the client did wrong, said our way. */
const FRAMEWORK: Record<string, [ProblemSlug, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported-media-type', 'This endpoint does not accept that Content-Type.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid-request', 'The Content-Length header does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid-request', 'The body is empty but Content-Type says JSON.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid-request', 'The body is not valid JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload-too-large', 'The request body is too large.'],
  FST_ERR_CTP_INVALID_TYPE: ['invalid-request', 'The Content-Type header is not valid.'],
  FST_ERR_BAD_URL: ['invalid-request', 'The URL is not valid.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['unsupported-media-type', 'This endpoint accepts only multipart/form-data.'],
  FST_REQ_FILE_TOO_LARGE: ['payload-too-large', 'The file is too large.'],
  FST_PARTS_LIMIT: ['payload-too-large', 'The request has too many parts.'],
  FST_FILES_LIMIT: ['validation-failed', 'The request has too many file parts.'],
  FST_FIELDS_LIMIT: ['payload-too-large', 'The request has too many fields.'],
};

const BY_STATUS: Record<number, [ProblemSlug, string]> = {
  400: ['invalid-request', 'The request could not be read.'],
  404: ['not-found', 'Nothing lives at this address.'],
  405: ['method-not-allowed', 'This method is not allowed here.'],
  413: ['payload-too-large', 'The request body is too large.'],
  415: ['unsupported-media-type', 'This endpoint does not accept that Content-Type.'],
};

/**
 * Schema failures of a route declared with `attachValidation`, as field errors, so the service can add its own
 * checks and answer one 422 that names every bad field.
 */
export function schemaErrors(request: FastifyRequest): FieldError[] {
  const validation = request.validationError?.validation as AjvIssue[] | undefined;
  return withNulErrors(request, validation ? fieldErrorsFromAjv(validation) : []);
}

export function toProblemError(error: FastifyError | ProblemError | Error): ProblemError | null {
  if (error instanceof ProblemError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return validationFailed(fieldErrorsFromAjv(fastifyError.validation as AjvIssue[]));
  }
  const known = fastifyError.code ? FRAMEWORK[fastifyError.code] : undefined;
  if (known) return new ProblemError(known[0], known[1]);
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const [slug, detail] = BY_STATUS[status] ?? ['invalid-request', 'The request could not be read.'];
    return new ProblemError(slug, detail);
  }
  return null;
}

export function sendProblem(reply: FastifyReply, problem: ProblemError): FastifyReply {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json; charset=utf-8')
    .send(problem.toProblem());
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // A schema failure also names the fields holding U+0000 (which the schema does not know about).
    const problem = error.validation ? validationFailed(withNulErrors(request, fieldErrorsFromAjv(error.validation as AjvIssue[]))) : toProblemError(error);
    if (problem) {
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, problem);
    }
    // The database is away (PostgreSQL restarting, SQLite busy), wherever the request met it (the API key
    // lookup, the Idempotency-Key claim, a list): temporary, so 503 with Retry-After rather than a 500.
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return sendProblem(reply, unavailable('The database cannot be reached right now. Retry later.'));
    }
    // Unknown: log everything, tell the client nothing but the request id it already has in X-Request-Id.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      new ProblemError('internal-error', 'Something went wrong on our side. Quote the X-Request-Id header when you contact support.'),
    );
  });
  app.setNotFoundHandler((_request, reply) => {
    sendProblem(reply, new ProblemError('not-found', 'No resource lives at this method and path.'));
  });
}

/**
 * Errors Node's HTTP parser raises before a request exists (too slow, headers too large, not HTTP at all):
 * answered as problem+json on the raw socket, like every other error, and the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [slug, detail]: [ProblemSlug, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request-timeout', 'The request did not arrive in time; the connection is closed.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['headers-too-large', 'The request headers are larger than allowed.']
        : ['invalid-request', 'The request is not valid HTTP.'];
  const problem = new ProblemError(slug, detail);
  const body = JSON.stringify(problem.toProblem());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.toProblem().title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
