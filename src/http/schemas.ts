import { Type, type TSchema } from '@sinclair/typebox';
import countries from 'i18n-iso-countries';

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

const PageUrl = Type.String({ format: 'uri' });

/**
 * MijnKlantportaal's paginated list envelope (Laravel `simplePaginate`): exactly these nine keys.
 * `from`/`to` are the 1-based positions of the first and last item, null on an empty page.
 */
export function ListOf<T extends TSchema>(item: T) {
  return Type.Object(
    {
      current_page: Type.Integer({ minimum: 1, description: 'The number of this page, 1-based.', examples: [1] }),
      data: Type.Array(item),
      first_page_url: Type.String({ format: 'uri', description: 'The first page, with the same filters and per_page.' }),
      from: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: '1-based position of the first item; null on an empty page.' }),
      next_page_url: Type.Union([PageUrl, Type.Null()], {
        description: 'The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page.',
      }),
      path: Type.String({ format: 'uri', description: 'The URL of this list without a query.' }),
      per_page: Type.Integer({ minimum: 1, maximum: 250, examples: [15] }),
      prev_page_url: Type.Union([PageUrl, Type.Null()], { description: 'The previous page by number (`?page=N-1`, no cursor); null on page 1.' }),
      to: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: '1-based position of the last item; null on an empty page.' }),
    },
    { additionalProperties: false },
  );
}

/** Path parameter `{id}`: any string; ids that cannot exist are answered 404 by the service. */
export const IdParams = Type.Object({ id: Type.String() });

/** Every query value arrives as a string; lists parse and check them themselves (`readPage` in pagination.ts). */
export const PageQuery = {
  page: Type.Optional(Type.String({ description: 'Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.', examples: ['1'] })),
  per_page: Type.Optional(Type.String({ description: 'Items per page, 1–250 (default 15).', examples: ['15'] })),
  after: Type.Optional(Type.String({ description: 'Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself.' })),
};

/** Every assigned ISO 3166-1 alpha-2 code (the maintained list of `i18n-iso-countries`), so `XX` is refused as well as `nl`. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
/** The words a refused country code is named by (the schema's title; see http/error-handler.ts). */
export const COUNTRY_CODE_TITLE = 'an ISO 3166-1 alpha-2 country code, like NL';
/** A country (customers, the account): one of COUNTRY_CODES, in capitals. */
export const CountryCode = Type.Unsafe<string>({
  type: 'string',
  enum: [...COUNTRY_CODES],
  // The words of a refusal (http/error-handler.ts reads the title of a long enum instead of listing it).
  title: COUNTRY_CODE_TITLE,
  description: 'ISO 3166-1 alpha-2 country code, in capitals; `NL` when not given.',
  examples: ['NL'],
});
