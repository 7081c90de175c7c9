import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CountryCode, Link, Timestamp } from '../http/schemas.js';
import { MAX_LENGTHS, MAX_PAYMENT_TERM_DAYS } from './account.rules.js';

/**
 * GET/PATCH /v1/account (ours): the business's details that its invoices show. The schema documents the rules;
 * account.rules.ts applies them (with the IBAN checksum and the time zone list), so the CLI refuses the same.
 */

const Text = (maxLength: number, example: string, description: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', examples: [example], description });
const Nullable = <T extends TSchema>(schema: T, description?: string) => Type.Union([schema, Type.Null()], description ? { description } : {});

const Name = Text(MAX_LENGTHS.name, 'Bakkerij de Vries B.V.', 'Legal name of the business, as invoices show it.');
const Address = Text(MAX_LENGTHS.address, 'Dorpsstraat 1', 'Street and number.');
const ZipCode = Text(MAX_LENGTHS.zipCode, '1234 AB', 'Zip code.');
const City = Text(MAX_LENGTHS.city, 'Amsterdam', 'City.');
const KvkNumber = Type.String({ pattern: '^[0-9]{8}$', examples: ['12345678'], description: 'Chamber of Commerce (KvK) number: 8 digits.' });
const VatNumber = Type.String({
  maxLength: 30,
  pattern: '^[ .]*[Nn][Ll]([ .]*[0-9]){9}[ .]*[Bb]([ .]*[0-9]){2}[ .]*$',
  examples: ['NL123456789B01'],
  description: 'Dutch VAT number (btw-id): `NL`, 9 digits, `B`, 2 digits. Spaces and dots are dropped, letters put in capitals. Other EU formats are refused: invoices follow Dutch law.',
});
const Iban = Type.String({
  maxLength: 50,
  pattern: '^[ -]*[A-Za-z]{2}[ -]*[0-9]{2}[A-Za-z0-9 -]{11,46}$',
  examples: ['NL91ABNA0417164300'],
  description: 'IBAN, checked by its ISO 13616 checksum (mod 97). Spaces are dropped and letters put in capitals: stored and shown without spaces.',
});
const Bic = Type.String({ pattern: '^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$', examples: ['ABNANL2A'], description: 'BIC (SWIFT code): 8 or 11 letters and digits; shown in capitals.' });
const Email = Type.String({ format: 'email', maxLength: MAX_LENGTHS.email, examples: ['info@bakkerijdevries.nl'], description: 'The address invoices name for questions.' });
const Phone = Text(MAX_LENGTHS.phone, '+31201234567', 'Phone number.');
const Website = Type.String({ format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://', maxLength: MAX_LENGTHS.website, examples: ['https://bakkerijdevries.nl'], description: 'An http:// or https:// URL.' });
const BrandColor = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', examples: ['#1a73e8'], description: 'The colour of invoices and offers, `#rrggbb`; shown in lower case.' });
const PaymentTermDays = Type.Integer({ minimum: 0, maximum: MAX_PAYMENT_TERM_DAYS, examples: [30], description: 'Default payment term of invoices in days (0–365); 30 until changed.' });
const InvoiceFooter = Text(MAX_LENGTHS.invoiceFooter, 'Wij danken u voor uw bestelling.', 'Text at the foot of every invoice.');
const TimeZone = Type.String({ minLength: 1, maxLength: MAX_LENGTHS.timeZone, examples: ['Europe/Amsterdam'], description: 'IANA time zone of timestamps and dates.' });

export const UpdateAccountBody = Type.Object(
  {
    name: Type.Optional(Name),
    address: Type.Optional(Nullable(Address)),
    zipCode: Type.Optional(Nullable(ZipCode)),
    city: Type.Optional(Nullable(City)),
    countryCode: Type.Optional(CountryCode),
    kvkNumber: Type.Optional(Nullable(KvkNumber)),
    vatNumber: Type.Optional(Nullable(VatNumber)),
    iban: Type.Optional(Nullable(Iban)),
    bic: Type.Optional(Nullable(Bic)),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    website: Type.Optional(Nullable(Website)),
    brandColor: Type.Optional(Nullable(BrandColor)),
    paymentTermDays: Type.Optional(PaymentTermDays),
    invoiceFooter: Type.Optional(Nullable(InvoiceFooter)),
    timeZone: Type.Optional(TimeZone),
  },
  { additionalProperties: false, minProperties: 1, description: 'The fields to change; `null` clears an optional one. `id`, `createdAt`, `mode` and `logo` cannot be set.' },
);
export type UpdateAccountInput = Static<typeof UpdateAccountBody>;

const Shown = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const AccountResource = Type.Object(
  {
    id: Type.String({ examples: ['acc_abc12345def678'] }),
    name: Type.String(),
    address: Shown('Street and number.'),
    zipCode: Shown('Zip code.'),
    city: Shown('City.'),
    countryCode: Type.String({ examples: ['NL'] }),
    kvkNumber: Shown('KvK number, 8 digits.'),
    vatNumber: Shown('VAT number (btw-id), like NL123456789B01.'),
    iban: Shown('IBAN without spaces, like NL91ABNA0417164300.'),
    bic: Shown('BIC, like ABNANL2A.'),
    email: Shown('Email address.'),
    phone: Shown('Phone number.'),
    website: Shown('Website.'),
    brandColor: Shown('`#rrggbb`, lower case.'),
    paymentTermDays: Type.Integer({ minimum: 0, maximum: MAX_PAYMENT_TERM_DAYS }),
    invoiceFooter: Shown('Text at the foot of every invoice.'),
    timeZone: Type.String({ examples: ['Europe/Amsterdam'] }),
    mode: Type.Unsafe<'live' | 'test'>({ type: 'string', enum: ['live', 'test'], description: '`test` for the account a `kp_test_` key works in (its own copy of these details).' }),
    logo: Type.Union([Link, Type.Null()], { description: 'The logo (`GET /v1/account/logo`, with its media type), or null without one.' }),
    createdAt: Timestamp,
    links: Type.Object({ self: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type AccountDetails = Static<typeof AccountResource>;
