import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';

/** A required text field: trimmed by the service, never blank. */
const Text = (maxLength: number, example: string, description?: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', examples: [example], ...(description ? { description } : {}) });

const CompanyName = Text(200, 'Test Company BV', 'Name of the customer.');
const Address = Text(200, 'Teststreet 123', 'Street and number.');
const ZipCode = Text(20, '1234AB');
const City = Text(100, 'Amsterdam');
const PrimaryEmail = Type.String({ format: 'email', maxLength: 254, description: 'Notifications go here.', examples: ['john.doe@test.com'] });
const Phone = Text(40, '+312012345678', 'Phone number, with country code.');
const Integration = Text(64, 'acumulus', 'The bookkeeping integration that knows this customer as `integrationId`.');
const IntegrationId = Text(
  64,
  '123456789',
  "The customer's id in `integration` (or the business's own customer number when `integration` is null); unique per account and integration.",
);
// An enum rather than a union of literals, so a wrong value is answered "must be one of: nl, en".
const Locale = Type.Unsafe<'nl' | 'en'>({ type: 'string', enum: ['nl', 'en'], description: 'Language of emails and portal pages (ours).' });
const Nullable = <T extends ReturnType<typeof Text>>(schema: T) => Type.Union([schema, Type.Null()]);

export const CreateCustomerBody = Type.Object(
  {
    companyName: CompanyName,
    address: Address,
    zipCode: ZipCode,
    city: City,
    primaryEmail: PrimaryEmail,
    countryCode: Type.Optional(CountryCode),
    phone: Type.Optional(Nullable(Phone)),
    integration: Type.Optional(Nullable(Integration)),
    integrationId: Type.Optional(Nullable(IntegrationId)),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    companyName: Type.Optional(CompanyName),
    address: Type.Optional(Address),
    zipCode: Type.Optional(ZipCode),
    city: Type.Optional(City),
    primaryEmail: Type.Optional(PrimaryEmail),
    countryCode: Type.Optional(CountryCode),
    phone: Type.Optional(Nullable(Phone)),
    integration: Type.Optional(Nullable(Integration)),
    integrationId: Type.Optional(Nullable(IntegrationId)),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;

export const CustomerResource = Type.Object(
  {
    id: Type.String({ examples: ['cst_abc12345def678'] }),
    companyName: Type.String(),
    address: Type.String({ description: 'Empty on customers made before klantportaal stored addresses, until changed.' }),
    zipCode: Type.String(),
    city: Type.String(),
    countryCode: Type.String({ examples: ['NL'] }),
    primaryEmail: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    integration: Type.Union([Type.String(), Type.Null()]),
    integrationId: Type.Union([Type.String(), Type.Null()]),
    customerGroups: Type.Array(Type.String({ examples: ['cug_abc12345def678'] }), { description: 'Ids of the groups the customer is in, oldest membership first.' }),
    createdAt: Timestamp,
    locale: Locale,
    links: Type.Object({ self: Link, invoices: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Customer = Static<typeof CustomerResource>;

export const CustomerList = ListOf(CustomerResource);

export const CustomerListQuery = Type.Object(
  {
    ...PageQuery,
    primaryEmail: Type.Optional(Type.String({ description: 'Only customers with this primary email (exact).' })),
    integration: Type.Optional(Type.String({ description: 'Only customers of this integration.' })),
    integrationId: Type.Optional(Type.String({ description: 'Only customers with this integration id (with `integration`: of that integration).' })),
    customerGroupId: Type.Optional(Type.String({ description: 'Only customers in this group.' })),
  },
  { additionalProperties: false },
);
export type CustomerListQueryInput = Static<typeof CustomerListQuery>;

export const CustomerIdParams = IdParams;
