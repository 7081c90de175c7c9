import fc from 'fast-check';

/** The parts of a JSON Schema (as the OpenAPI document states them) that generation looks at. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  examples?: unknown[];
  example?: unknown;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** Values that anything typed must survive: wrong types, empty, huge, control characters, invalid surrogates. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\r\n', '\uD800', '%00', '../../etc/passwd', '1e309', '-0', 'NaN', 'null', '{}', '[]', 'x'.repeat(10_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

function validString(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 80 });
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 300, minLength + 300);
  const examples = (schema.examples ?? []).filter((e): e is string => typeof e === 'string');
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    ...(examples.length > 0 ? [fc.constantFrom(...examples)] : []),
    // Boundaries: exactly the limits, and one past them.
    fc.constant('a'.repeat(minLength)),
    fc.constant('a'.repeat(schema.maxLength ?? 1)),
  );
}

/** Mostly valid values, then boundaries just outside, then anything at all. */
export function valueFor(schema: Schema): fc.Arbitrary<unknown> {
  const outside: fc.Arbitrary<unknown>[] = [];
  if (schema.maxLength !== undefined) outside.push(fc.constant('a'.repeat(schema.maxLength + 1)));
  if (schema.minLength !== undefined && schema.minLength > 0) outside.push(fc.constant('a'.repeat(schema.minLength - 1)));
  if (schema.minimum !== undefined) outside.push(fc.constant(schema.minimum - 1));
  if (schema.maximum !== undefined) outside.push(fc.constant(schema.maximum + 1));
  return fc.oneof(
    { weight: 6, arbitrary: validFor(schema) },
    { weight: 1, arbitrary: outside.length > 0 ? fc.oneof(...outside) : hostileValue },
    { weight: 2, arbitrary: hostileValue },
  );
}

function validFor(schema: Schema): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validFor));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'integer':
          return fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
        case 'number':
          return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
        case 'boolean':
          return fc.boolean();
        case 'object':
          return objectFor(schema);
        case 'array': {
          if (!schema.items) return fc.array(hostileValue, { maxLength: 3 });
          const bounds = { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 3 };
          return schema.uniqueItems ? fc.uniqueArray(validFor(schema.items), bounds) : fc.array(validFor(schema.items), bounds);
        }
        default:
          return validString(schema);
      }
    }),
  );
}

/** An object with each property present or left out (required ones mostly present), and now and then an unknown one. */
export function objectFor(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  return fc
    .tuple(
      ...entries.map(([name, property]) =>
        fc.oneof({ weight: required.has(name) ? 9 : 3, arbitrary: valueFor(property).map((value) => [name, value] as const) }, { weight: 1, arbitrary: fc.constant(null) }),
      ),
      fc.option(fc.tuple(fc.constantFrom('id', 'accountId', 'createdAt', 'paidat', '__proto__', 'constructor'), hostileValue), { freq: 8 }),
    )
    .map((pairs) => Object.fromEntries(pairs.filter((pair): pair is readonly [string, unknown] => pair !== null)));
}

/**
 * Positive data (Schemathesis' positive phase): only values the schema allows. A free-form string with an example
 * and no length, pattern or format (a `per_page` query, a `paidAt` text) takes the example, since its rule lives in
 * the description; `known` supplies values that must name something that exists (an id the caller owns).
 */
export function positiveValueFor(schema: Schema): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(positiveValueFor));
  const sample = schema.example ?? schema.examples?.[0];
  const ruled = schema.enum !== undefined || schema.const !== undefined || schema.format !== undefined || schema.pattern !== undefined || schema.minLength !== undefined || schema.maxLength !== undefined;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  if (!ruled && sample !== undefined && types.includes('string')) return fc.constant(sample);
  return validFor(schema);
}

/** An object of positive data: every required property, each optional one half the time, nothing unknown. */
export function positiveObjectFor(schema: Schema, known: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  return fc
    .tuple(
      ...Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const value = (known[name] ?? positiveValueFor(property)).map((v) => [name, v] as const);
        return required.has(name) ? value : fc.option(value, { freq: 2 });
      }),
    )
    .map((pairs) => Object.fromEntries(pairs.filter((pair): pair is readonly [string, unknown] => pair !== null)));
}

/** A query-string or form value: strings as they are, anything else as JSON text (what a confused client sends). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}
