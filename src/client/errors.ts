import type { Problem } from './types.js';

/** The API answered with an error: `problem` is its application/problem+json body. */
export class KlantportaalApiError extends Error {
  override name = 'KlantportaalApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** X-Request-Id of the failed request: quote it when asking for help. */
    readonly requestId: string | null,
  ) {
    super(problemText(problem));
  }

  /** The message of the first field error on `field`, if any (e.g. "invoiceNumber"). */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

/** No usable answer: the connection failed (after the retries), or the answer was not the API's. */
export class KlantportaalNetworkError extends Error {
  override name = 'KlantportaalNetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** "Validation failed: amount must …; issuedAt is …" — one line, the way the CLI prints it. */
export function problemText(problem: Problem): string {
  const fields = problem.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
  return fields ? `${problem.title}: ${fields}` : `${problem.title}: ${problem.detail}`;
}

/** A body that is not a problem (a proxy's HTML page, say) still becomes one, so callers handle one shape. */
export function asProblem(status: number, body: unknown, fallback: string): Problem {
  const candidate = body as Partial<Problem> | null;
  if (candidate && typeof candidate === 'object' && typeof candidate.title === 'string' && typeof candidate.type === 'string') {
    return {
      type: candidate.type,
      title: candidate.title,
      status: typeof candidate.status === 'number' ? candidate.status : status,
      detail: typeof candidate.detail === 'string' ? candidate.detail : '',
      ...(Array.isArray(candidate.errors) ? { errors: candidate.errors } : {}),
    };
  }
  return { type: 'about:blank', title: `HTTP ${status}`, status, detail: fallback.slice(0, 200) };
}
