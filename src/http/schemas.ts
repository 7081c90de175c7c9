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

/**
 * The published "Cloud file response" (reference 2.9) of every download endpoint: a link that needs no API key,
 * serves that one file and stops working at `expiresAt` (5 minutes after it was issued).
 */
export const CloudFile = Type.Object(
  {
    link: Type.String({ format: 'uri', description: 'Absolute URL of the file: no API key needed; it works until `expiresAt`, then answers 404.' }),
    expiresAt: Type.String({ format: 'date-time', description: 'When the link stops working (5 minutes after it was issued), ATOM in the account’s time zone.', examples: ['2025-04-29T21:00:00+02:00'] }),
  },
  { additionalProperties: false },
);

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
