import fc from 'fast-check';
import { OMIT, type Break, type FieldSpec } from './broken-fields.js';

/**
 * The fields of each endpoint P2 breaks: valid values, and every way to break each one that API.md,
 * invoice.rules.ts and the request schemas name.
 */

/** The test server's MAX_PDF_BYTES: small, so the too-large break costs little. */
export const MAX_PDF_BYTES = 4096;
const LONG_FIELD = 'x'.repeat(64 * 1024 + 1); // past the form's 64 KiB per-field limit

type Part = { kind: 'text'; value: string } | { kind: 'twice'; value: string } | { kind: 'file'; bytes: Uint8Array } | { kind: 'files'; bytes: Uint8Array };

export const pdf = (size = 300) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(size, 0x41)]));
const text = (value: string): Part => ({ kind: 'text', value });
const textOf = (...values: string[]) => fc.constantFrom(...values.map(text));
/** Ways to break any text field of the form: sent twice, or as a file part. */
const formBreaks = (value: string): Break<Part>[] => [
  { how: 'given twice', value: { kind: 'twice', value } },
  { how: 'a file part', value: { kind: 'file', bytes: new Uint8Array(Buffer.from(value)) } },
];
const bad = (how: string, value: string): Break<Part> => ({ how, value: text(value) });

export function invoiceForm(customerId: string, foreignCustomerId: string): FieldSpec<Part>[] {
  return [
    {
      name: 'customerId',
      valid: fc.constantFrom(text(customerId), text(` ${customerId} `)),
      breaks: [
        { how: 'missing', value: OMIT },
        bad('empty', ''),
        bad('blank', '   '),
        bad('not an id', 'cst_123'),
        bad('unknown id', 'cst_aaaaaaaaaaaaaa'),
        bad("another account's customer", foreignCustomerId),
        bad('an invoice id', 'inv_aaaaaaaaaaaaaa'),
        bad('longer than a form field may be', LONG_FIELD),
        ...formBreaks(customerId),
      ],
    },
    {
      name: 'invoiceNumber',
      valid: fc.nat({ max: 1e6 }).map((n) => text(`F-${n}`)),
      breaks: [
        { how: 'missing', value: OMIT },
        bad('empty', ''),
        bad('blank', ' \t '),
        bad('65 characters', 'x'.repeat(65)),
        bad('a NUL', 'F\u00001'),
        bad('a C1 control', 'F\u00851'),
        bad('a line break', 'F-1\nF-2'),
        ...formBreaks('F-1'),
      ],
    },
    {
      name: 'issuedAt',
      valid: textOf('2024-02-29', '2024-04-30', ' 2024-12-31 '),
      breaks: [
        { how: 'missing', value: OMIT },
        bad('empty', ''),
        bad('30 February', '2024-02-30'),
        bad('29 February of a common year', '2023-02-29'),
        bad('31 April', '2024-04-31'),
        bad('month 13', '2024-13-01'),
        bad('short form', '24-4-1'),
        bad('slashes', '2024/04/30'),
        bad('a timestamp', '2024-04-30T10:00:00Z'),
        ...formBreaks('2024-04-30'),
      ],
    },
    {
      name: 'amount',
      valid: textOf('12.95', '12.9', '-5', '0', '999999999999.99', '-0.01'),
      breaks: [
        { how: 'missing', value: OMIT },
        bad('empty', ''),
        bad('decimal comma', '12,95'),
        bad('three decimals', '12.955'),
        bad('exponent', '1e3'),
        bad('words', 'abc'),
        bad('13 digits', '1234567890123'),
        bad('plus sign', '+5'),
        bad('currency sign', '€12.95'),
        ...formBreaks('12.95'),
      ],
    },
    {
      name: 'pdf',
      valid: fc.integer({ min: 0, max: MAX_PDF_BYTES - 20 }).map((n) => ({ kind: 'file' as const, bytes: pdf(n) })),
      breaks: [
        { how: 'missing', value: OMIT },
        { how: 'empty file', value: { kind: 'file', bytes: new Uint8Array(0) } },
        { how: 'a PNG', value: { kind: 'file', bytes: new Uint8Array(Buffer.from('\x89PNG\r\n\x1a\n0000', 'latin1')) } },
        { how: '%PDF- not at byte 0', value: { kind: 'file', bytes: new Uint8Array(Buffer.from(' %PDF-1.7\n', 'latin1')) } },
        { how: 'a text field', value: text('%PDF-1.7') },
        { how: 'two file parts', value: { kind: 'files', bytes: pdf() } },
        { how: 'over MAX_PDF_BYTES', value: { kind: 'file', bytes: pdf(MAX_PDF_BYTES) }, status: 413 },
      ],
    },
    {
      name: 'paidAt',
      valid: fc.constantFrom(OMIT, text(''), text('2024-05-11 12:59:00'), text('2024-10-27 02:30:00'), text('2024-05-11T10:00:00Z')),
      breaks: [
        bad('date only', '2024-05-11'),
        bad('no seconds', '2024-05-11 12:59'),
        bad('words', 'yesterday'),
        bad('hour 25', '2024-05-11 25:00:00'),
        bad('30 February', '2024-02-30 10:00:00'),
        bad('in the DST gap', '2024-03-31 02:30:00'),
        bad('local ISO without offset', '2024-05-11T12:59:00'),
        ...formBreaks('2024-05-11 12:59:00'),
      ],
    },
    {
      name: 'sendNotification',
      valid: fc.constantFrom(OMIT, text('false'), text('FALSE'), text('0')),
      breaks: [bad('yes', 'yes'), bad('2', '2'), bad('empty', ''), bad('on', 'on'), ...formBreaks('false')],
    },
    {
      name: 'currency',
      valid: fc.constantFrom(OMIT, text('EUR'), text(' EUR ')),
      breaks: [bad('USD', 'USD'), bad('lower case', 'eur'), bad('empty', ''), ...formBreaks('EUR')],
    },
    {
      name: 'unknown field',
      valid: fc.constant(OMIT),
      breaks: ['paidat', 'customer_id', 'notes', 'id', 'accountId'].map((sendAs) => ({ how: 'unknown', value: text('x'), sendAs })),
    },
  ];
}

export function multipart(fields: [string, Part][]): FormData {
  const form = new FormData();
  for (const [name, part] of fields) {
    if (part.kind === 'text') form.append(name, part.value);
    else if (part.kind === 'twice') [1, 2].forEach(() => form.append(name, part.value));
    else for (let i = part.kind === 'files' ? 2 : 1; i > 0; i--) form.append(name, new Blob([part.bytes], { type: 'application/pdf' }), `${name}.pdf`);
  }
  return form;
}

/** Ways to break a JSON string field by type. */
const wrongTypes = (...values: unknown[]): Break<unknown>[] => values.map((value) => ({ how: `a ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}`, value }));
const jsonBad = (how: string, value: unknown): Break<unknown> => ({ how, value });
const unknownJson = (...names: string[]): FieldSpec<unknown> => ({
  name: 'unknown field',
  valid: fc.constant(OMIT),
  breaks: names.map((sendAs) => ({ how: 'unknown or read-only', value: 'x', sendAs })),
});

export function customerFields(create: boolean): FieldSpec<unknown>[] {
  const missing: Break<unknown>[] = create ? [{ how: 'missing', value: OMIT }] : [];
  const present = <T>(arb: fc.Arbitrary<T>) => (create ? arb : fc.oneof(fc.constant(OMIT), arb));
  /** A required text field of the published create: 1–max characters, not blank, a string. */
  const requiredText = (name: string, max: number, ...valid: string[]): FieldSpec<unknown> => ({
    name,
    valid: present(fc.constantFrom(...valid, 'x'.repeat(max))),
    breaks: [...missing, jsonBad('empty', ''), jsonBad('blank', ' \t '), jsonBad(`${max + 1} characters`, 'x'.repeat(max + 1)), ...wrongTypes(42, null, [valid[0]], true)],
  });
  /** An optional text field we let the API set: a string or null. */
  const nullableText = (name: string, max: number, ...valid: string[]): FieldSpec<unknown> => ({
    name,
    valid: fc.constantFrom(OMIT, null, ...valid),
    breaks: [jsonBad('empty', ''), jsonBad('blank', '   '), jsonBad(`${max + 1} characters`, 'r'.repeat(max + 1)), ...wrongTypes(10042, true, [valid[0]])],
  });
  return [
    requiredText('companyName', 200, 'Jansen Installatietechniek', ' Émile & Zonen '),
    requiredText('address', 200, 'Teststreet 123'),
    requiredText('zipCode', 20, '1234AB', '1234 AB'),
    requiredText('city', 100, 'Amsterdam', "'s-Hertogenbosch"),
    {
      name: 'primaryEmail',
      valid: present(fc.constantFrom('administratie@jansen.example', 'a@example.com')),
      breaks: [
        ...missing,
        jsonBad('empty', ''),
        jsonBad('no @', 'jansen.example'),
        jsonBad('no domain', 'a@'),
        jsonBad('no local part', '@example.com'),
        jsonBad('a space', 'a b@example.com'),
        jsonBad('255 characters', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.nl`),
        ...wrongTypes(42, null, {}),
      ],
    },
    {
      name: 'countryCode',
      valid: fc.constantFrom(OMIT, 'NL', 'BE', 'DE'),
      breaks: [jsonBad('lower case', 'nl'), jsonBad('three letters', 'NLD'), jsonBad('digits', '31'), jsonBad('empty', ''), ...wrongTypes(31, null)],
    },
    nullableText('phone', 40, '+312012345678'),
    nullableText('integration', 64, 'acumulus'),
    nullableText('integrationId', 64, 'DEB-10042'),
    {
      name: 'locale',
      valid: fc.constantFrom(OMIT, 'nl', 'en'),
      breaks: [jsonBad('German', 'de'), jsonBad('upper case', 'NL'), jsonBad('empty', ''), ...wrongTypes(1, null)],
    },
    // The old field names are unknown now, as are the read-only ones.
    unknownJson('id', 'accountId', 'createdAt', 'emial', 'links', 'name', 'email', 'reference', 'customerGroups'),
  ];
}

/** `POST /v1/customer-groups`: unknown customer ids are valid (ignored, as published); only the shape can be broken. */
export function groupFields(customerId: string): FieldSpec<unknown>[] {
  return [
    {
      name: 'name',
      valid: fc.constantFrom('Hosting customers', ' Vaste klanten ', 'x'.repeat(200)),
      breaks: [{ how: 'missing', value: OMIT }, jsonBad('empty', ''), jsonBad('blank', ' \t '), jsonBad('201 characters', 'x'.repeat(201)), ...wrongTypes(42, null, ['Groep'])],
    },
    {
      name: 'customers',
      valid: fc.constantFrom(OMIT, [], [customerId], ['cst_abc12345', 'nonsense', customerId]),
      breaks: [
        jsonBad('a string', customerId),
        jsonBad('1,001 ids', Array.from({ length: 1001 }, (_, i) => `cst_${i}`)),
        { how: 'a number as id', value: [customerId, 7], reportedAs: 'customers.1' },
        ...wrongTypes(null, {}),
      ],
    },
    unknownJson('id', 'createdAt', 'links', 'customerIds'),
  ];
}

const TYPES = ['invoice-created', 'invoice-paid', 'invoice-deleted', 'customer-created', 'offer-accepted', 'notification-failed'];

export const webhookFields: FieldSpec<unknown>[] = [
  {
    name: 'url',
    valid: fc.constantFrom('https://boekhouding.example.nl/hooks/klantportaal', 'http://93.184.216.34/hook', ' https://example.com/a?b=c '),
    breaks: [
      { how: 'missing', value: OMIT },
      jsonBad('empty', ''),
      jsonBad('not a URL', 'boekhouding.example.nl/hook'),
      jsonBad('ftp', 'ftp://example.com/hook'),
      jsonBad('loopback', 'http://127.0.0.1:8080/hook'),
      jsonBad('private network', 'http://10.1.2.3/hook'),
      jsonBad('IPv6 loopback', 'http://[::1]/hook'),
      jsonBad('credentials', 'https://user:secret@example.com/hook'),
      jsonBad('a fragment', 'https://example.com/hook#x'),
      jsonBad('2049 characters', `https://example.com/${'a'.repeat(2029)}`),
      ...wrongTypes(42, null, ['https://example.com/']),
    ],
  },
  {
    name: 'type',
    valid: fc.constantFrom(...TYPES),
    breaks: [
      { how: 'missing', value: OMIT },
      jsonBad('empty', ''),
      jsonBad('our former name', 'customer-invoice.created'),
      jsonBad('unknown', 'invoice.eaten'),
      jsonBad('upper case', 'INVOICE-CREATED'),
      ...wrongTypes(null, 7, ['invoice-created'], {}),
    ],
  },
  unknownJson('id', 'secret', 'createdAt', 'events', 'event'),
];

export const invoicePatchFields: FieldSpec<unknown>[] = [
  {
    name: 'paidAt',
    valid: fc.constantFrom('2024-05-11 12:59:00', '2024-05-11T10:00:00+02:00', null, ''),
    breaks: [
      { how: 'missing', value: OMIT },
      jsonBad('date only', '2024-05-11'),
      jsonBad('words', 'yesterday'),
      jsonBad('31 April', '2024-04-31 10:00:00'),
      jsonBad('in the DST gap', '2024-03-31 02:30:00'),
      jsonBad('local ISO without offset', '2024-05-11T12:59:00'),
      ...wrongTypes(1715425140, true, ['2024-05-11 12:59:00'], {}),
    ],
  },
  unknownJson('paidat', 'amount', 'invoiceNumber', 'id'),
];

