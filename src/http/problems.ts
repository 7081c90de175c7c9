/**
 * RFC 9457 problem details. Each problem type has one fixed title; `detail` is for people.
 * Services throw `ProblemError`s (through the small constructors below); one error handler renders them.
 */

export const PROBLEM_TYPES = {
  'invalid-request': { status: 400, title: 'Malformed request' },
  unauthorized: { status: 401, title: 'Authentication required' },
  'insufficient-scope': { status: 403, title: 'Insufficient scope' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timeout' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'validation-failed': { status: 422, title: 'Validation failed' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'Request headers too large' },
  'internal-error': { status: 500, title: 'Internal server error' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export const PROBLEM_TYPE_BASE = 'https://klantportaal.dev/problems/';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  get status(): number {
    return PROBLEM_TYPES[this.slug].status;
  }

  toProblem(): Problem {
    const { status, title } = PROBLEM_TYPES[this.slug];
    return {
      type: PROBLEM_TYPE_BASE + this.slug,
      title,
      status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = (what: string): ProblemError => new ProblemError('not-found', `${what} does not exist.`);

export const validationFailed = (errors: FieldError[]): ProblemError =>
  new ProblemError(
    'validation-failed',
    errors.length === 1 ? 'One field is not valid; see `errors`.' : `${errors.length} fields are not valid; see \`errors\`.`,
    errors,
  );

export const conflict = (detail: string, errors?: FieldError[]): ProblemError => new ProblemError('conflict', detail, errors);

export const unavailable = (detail: string): ProblemError => new ProblemError('service-unavailable', detail, undefined, { 'retry-after': '5' });
