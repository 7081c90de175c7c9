import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', examples: ['Jansen Installatietechniek'] });
const Email = Type.String({ format: 'email', maxLength: 254, examples: ['administratie@jansen.example'] });
// An enum rather than a union of literals, so a wrong value is answered "must be one of: nl, en".
const Locale = Type.Unsafe<'nl' | 'en'>({ type: 'string', enum: ['nl', 'en'], description: 'Language of emails and portal pages.' });
const Reference = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '\\S',
  description: "The business's own customer number; unique within the account.",
  examples: ['DEB-10042'],
});

export const CreateCustomerBody = Type.Object(
  { name: Name, email: Email, locale: Type.Optional(Locale), reference: Type.Optional(Type.Union([Reference, Type.Null()])) },
  { additionalProperties: false },
);
export type CreateCustomerInput = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    name: Type.Optional(Name),
    email: Type.Optional(Email),
    locale: Type.Optional(Locale),
    reference: Type.Optional(Type.Union([Reference, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCustomerInput = Static<typeof UpdateCustomerBody>;

export const CustomerResource = Type.Object(
  {
    id: Type.String({ examples: ['cst_abc12345def678'] }),
    name: Type.String(),
    email: Type.String(),
    locale: Locale,
    reference: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    links: Type.Object({ self: Link, invoices: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Customer = Static<typeof CustomerResource>;

export const CustomerList = ListOf(CustomerResource);

export const CustomerListQuery = Type.Object(
  { ...PageQuery, reference: Type.Optional(Type.String()), email: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type CustomerListQueryInput = Static<typeof CustomerListQuery>;

export const CustomerIdParams = IdParams;
