import { Type, type Static } from '@sinclair/typebox';
import { CustomerResource } from '../customers/customer.schemas.js';
import { IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';

/** At most this many ids in one `customers` array (create or add). */
export const MAX_CUSTOMERS_PER_REQUEST = 1000;
/** `POST …/{id}/customers` answers at most this many of the group's customers, newest first. */
export const MAX_GROUP_CUSTOMERS_ANSWERED = 1000;

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Name of the group.', examples: ['Hosting customers'] });
const CustomerIds = Type.Array(Type.String({ examples: ['cst_abc12345def678'] }), {
  maxItems: MAX_CUSTOMERS_PER_REQUEST,
  description: `Customer ids to add (at most ${MAX_CUSTOMERS_PER_REQUEST}); unknown, malformed or other accounts' ids are ignored without an error, as published.`,
});

export const CreateGroupBody = Type.Object({ name: Name, customers: Type.Optional(CustomerIds) }, { additionalProperties: false });
export type CreateGroupInput = Static<typeof CreateGroupBody>;

export const UpdateGroupBody = Type.Object({ name: Name }, { additionalProperties: false });
export type UpdateGroupInput = Static<typeof UpdateGroupBody>;

export const AddCustomersBody = Type.Object({ customers: CustomerIds }, { additionalProperties: false });
export type AddCustomersInput = Static<typeof AddCustomersBody>;

export const GroupResource = Type.Object(
  {
    id: Type.String({ examples: ['cug_abc12345def678'] }),
    name: Type.String(),
    createdAt: Timestamp,
    links: Type.Object({ self: Link, customers: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Group = Static<typeof GroupResource>;

export const GroupList = ListOf(GroupResource);
export const GroupListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type GroupListQueryInput = Static<typeof GroupListQuery>;

/** Published as "Non-paginated response with customers". */
export const GroupCustomers = Type.Object(
  {
    data: Type.Array(CustomerResource, {
      description: `The group's customers after the change, newest first, at most ${MAX_GROUP_CUSTOMERS_ANSWERED}; walk \`GET /v1/customers?customerGroupId=\` for all of a larger group.`,
    }),
  },
  { additionalProperties: false },
);
export type GroupCustomersAnswer = Static<typeof GroupCustomers>;

export const GroupIdParams = IdParams;
export const GroupCustomerParams = Type.Object({ id: Type.String(), customerId: Type.String() });
