import { Type, type TSchema } from '@sinclair/typebox';

/** Shapes every resource shares; declared once, used for validation, serialisation and the OpenAPI document. */

export const Link = Type.Object(
  { href: Type.String({ format: 'uri' }), type: Type.String({ examples: ['application/json'] }) },
  { additionalProperties: false },
);

export const Problem = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }, { additionalProperties: false })),
    ),
  },
  { additionalProperties: false, $id: 'Problem' },
);

export const Timestamp = Type.String({ format: 'date-time', examples: ['2024-05-28T21:00:00+02:00'] });

export function ListOf<T extends TSchema>(item: T) {
  return Type.Object(
    {
      count: Type.Integer({ minimum: 0 }),
      data: Type.Array(item),
      links: Type.Object({ self: Link, next: Type.Union([Link, Type.Null()]) }, { additionalProperties: false }),
    },
    { additionalProperties: false },
  );
}

/** Path parameter `{id}`: any string; ids that cannot exist are answered 404 by the service. */
export const IdParams = Type.Object({ id: Type.String() });

/** Every query value arrives as a string; lists parse and check them themselves. */
export const PageQuery = {
  limit: Type.Optional(Type.String({ description: 'Items per page, 1–250 (default 50).', examples: ['50'] })),
  cursor: Type.Optional(Type.String({ description: 'Opaque cursor from `links.next`.' })),
};
