import assert from 'node:assert/strict';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** Nothing internal may leak into a response: stack frames, SQL, file-system paths. */
export function assertNoLeak(text: string): void {
  assert.doesNotMatch(text, /\bat .+\(.+:\d+:\d+\)|node_modules|\/tmp\/|\/work\/|SQLITE_|\bselect\b.+\bfrom\b|\binsert into\b/i, `leak in: ${text}`);
}

/**
 * Asserts an RFC 9457 problem with this status; with `fields`, that exactly these fields are reported.
 * Returns the body for further checks.
 */
export async function expectProblem(res: Response, status: number, fields?: string[]): Promise<ProblemBody> {
  const text = await res.text();
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${text}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.ok(res.headers.get('x-request-id'), 'every response carries X-Request-Id');
  assertNoLeak(text);
  const body = JSON.parse(text) as ProblemBody;
  assert.equal(body.status, status);
  assert.match(body.type, /^https:\/\/klantportaal\.dev\/problems\/[a-z-]+$/);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  if (fields) {
    assert.deepEqual((body.errors ?? []).map((e) => e.field).sort(), [...fields].sort(), text);
  }
  return body;
}

export function fieldMessage(problem: ProblemBody, field: string): string {
  const error = problem.errors?.find((e) => e.field === field);
  assert.ok(error, `no error for ${field}: ${JSON.stringify(problem)}`);
  return error.message;
}
