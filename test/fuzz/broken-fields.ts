import assert from 'node:assert/strict';
import fc from 'fast-check';

/**
 * RELIABILITY.md P2: requests with a random set S of fields broken (each in one of its known ways) and the others
 * valid. A field is a name with arbitraries for valid values and a list of ways to break it; what the response
 * must name is the field itself unless a break says otherwise (`reportedAs`).
 */

/** Leave the field out of the request. */
export const OMIT: unique symbol = Symbol('omit');

export interface Break<V> {
  how: string;
  value: V | typeof OMIT;
  /** The field name sent, when not the field's own (an unknown or misspelt field). */
  sendAs?: string;
  /** The field the problem must name, when not the field's own (an array item: `events.1`). */
  reportedAs?: string;
  /** A status other than 422 that wins over every other problem (413 for a too-large PDF). */
  status?: number;
}

export interface FieldSpec<V> {
  name: string;
  valid: fc.Arbitrary<V | typeof OMIT>;
  breaks: Break<V>[];
}

export interface Sent<V> {
  /** Field name → value, in spec order; omitted fields are absent. */
  fields: [string, V][];
  /** The broken fields: what the problem must report. */
  broken: { field: string; how: string; reportedAs: string; status?: number }[];
}

/** A random non-empty set of broken fields, one way of breaking each; every other field valid (or left out if optional). */
export function brokenRequest<V>(specs: FieldSpec<V>[]): fc.Arbitrary<Sent<V>> {
  return fc.uniqueArray(fc.nat({ max: specs.length - 1 }), { minLength: 1, maxLength: specs.length }).chain((indices) =>
    fc
      .tuple(
        ...specs.map((spec, i) =>
          indices.includes(i)
            ? fc.constantFrom(...spec.breaks).map((b) => ({ spec, b, value: b.value }))
            : spec.valid.map((value) => ({ spec, b: null, value })),
        ),
      )
      .map((parts) => ({
        fields: parts.flatMap(({ spec, b, value }): [string, V][] => (value === OMIT ? [] : [[b?.sendAs ?? spec.name, value as V]])),
        broken: parts.flatMap(({ spec, b }) => (b ? [{ field: spec.name, how: b.how, reportedAs: b.reportedAs ?? b.sendAs ?? spec.name, ...(b.status ? { status: b.status } : {}) }] : [])),
      })),
  );
}

/**
 * What the answer must be: a 422 naming exactly the broken fields, each once — unless a break carries its own
 * status (413 for a too-large PDF: the upload is cut off there, so that problem alone is reported, RFC 9457
 * "the most relevant problem").
 */
export function expectedAnswer(broken: Sent<unknown>['broken']): { status: number; fields: string[] } {
  const overriding = broken.find((b) => b.status !== undefined);
  if (overriding) return { status: overriding.status as number, fields: [overriding.reportedAs] };
  return { status: 422, fields: broken.map((b) => b.reportedAs).sort() };
}

export async function assertReported(res: Response, broken: Sent<unknown>['broken'], what: string): Promise<{ status: number; fields: string[] }> {
  const expected = expectedAnswer(broken);
  const text = await res.text();
  const context = `${what}; broken: ${JSON.stringify(broken.map((b) => `${b.field}: ${b.how}`))} → ${res.status} ${text.slice(0, 600)}`;
  assert.equal(res.status, expected.status, context);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, context);
  const body = JSON.parse(text) as { status: number; errors?: { field: string }[] };
  assert.equal(body.status, expected.status, context);
  const reported = (body.errors ?? []).map((e) => e.field);
  assert.deepEqual([...reported].sort(), expected.fields, context);
  return expected;
}
