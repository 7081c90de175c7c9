import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';
import { DocumentLineResource, DocumentLinesInput, Money } from '../invoices/document-lines.resource.js';

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });

export const OfferStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('expired')], {
  description:
    'Extension. accepted / rejected once decided; otherwise `expired` after its last day (`expiresAt`) has passed in the account’s time zone, and `open` until then.',
});

export const OfferResource = Type.Object(
  {
    id: Type.String({ description: 'Always starts with off_.', examples: ['off_abc12345def678'] }),
    customerId: Type.String({ examples: ['cst_abc12345def678'] }),
    offerNumber: Type.String({ examples: ['2024-001'] }),
    issuedAt: Type.String({ format: 'date', examples: ['2024-04-29'] }),
    expiresAt: Type.String({ format: 'date', description: 'The last day the offer stands.', examples: ['2024-05-29'] }),
    currency: Type.Literal('EUR'),
    amount: Type.String({ pattern: '^\\d+\\.\\d{2}$', examples: ['12.95'] }),
    acceptedAt: nullable(Timestamp, 'When it was accepted; null until then.'),
    acceptedViaIp: nullable(Type.String({ examples: ['123.456.7.8.9'] }), 'The IP address it was accepted from, as recorded; null if none.'),
    acceptedViaUserAgent: nullable(Type.String({ examples: ['Mozilla/5.0 (X11; Linux x86_64)'] }), 'The User-Agent it was accepted with, as recorded; null if none.'),
    acceptanceSignature: nullable(
      Type.String({ examples: ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAA...'] }),
      'The signature drawn when the customer accepted in the portal, as a PNG data URL; null until signed there, and null for an acceptance by typed name.',
    ),
    acceptanceSignatureType: Type.Union([Type.Literal('drawn'), Type.Literal('typed'), Type.Null()], {
      description: 'Extension: how the customer signed in the portal: `drawn` (acceptanceSignature holds the drawing) or `typed` (acceptedByName is the signature); null when not accepted in the portal (e.g. marked accepted through the API).',
    }),
    acceptedByName: nullable(Type.String({ examples: ['Jan de Vries'] }), 'Extension: the name the customer signed with in the portal (typed, or given beside a drawing); null otherwise.'),
    rejectedAt: nullable(Timestamp, 'When it was rejected; null unless rejected.'),
    rejectionReason: nullable(Type.String(), 'Extension: why it was rejected, when a reason was given; null otherwise.'),
    status: OfferStatusSchema,
    createdAt: Timestamp,
    lines: Type.Array(DocumentLineResource, {
      description: 'Extension. The lines of an offer made with `POST /v1/customer-offers/manual`, in their order (the same items as a manual invoice\'s); an empty array for an uploaded offer.',
    }),
    subtotalAmount: Type.Union([Money, Type.Null()], { description: 'Extension. Manual offers: the total excluding VAT. Null for an uploaded offer.', examples: ['12.95'] }),
    vatAmount: Type.Union([Money, Type.Null()], {
      description: 'Extension. Manual offers: the VAT, per rate over that rate\'s line totals, rounded once per rate; `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded offer.',
      examples: ['2.72'],
    }),
    invoiceId: Type.Union([Type.String(), Type.Null()], {
      description: 'Extension. The invoice this accepted manual offer became (`POST /v1/customer-offers/{id}/invoice`); null until then, and again if that invoice is deleted.',
      examples: ['inv_abc12345def678'],
    }),
    links: Type.Object(
      { self: Link, customer: Link, pdf: Link, invoice: Type.Optional(Link) },
      { additionalProperties: false, description: '`invoice` (extension): the invoice it became, once converted.' },
    ),
  },
  { additionalProperties: false },
);
export type Offer = Static<typeof OfferResource>;

const Instant = (example: string) => Type.String({ description: '"YYYY-MM-DD HH:mm:ss" in the account’s time zone, or ISO 8601 with an offset.', examples: [example] });

/** The multipart create form, for the OpenAPI document; the fields are checked by `offer.rules.ts`. */
export const CreateOfferForm = Type.Object(
  {
    customerId: Type.String({ description: 'ID of the customer this offer is meant for.', examples: ['cst_abc12345def678'] }),
    offerNumber: Type.String({ description: 'Number of the offer; unique within the account.', minLength: 1, maxLength: 64, examples: ['2024-001'] }),
    issuedAt: Type.String({ description: 'Issue date, YYYY-MM-DD.', format: 'date', examples: ['2024-04-30'] }),
    expiresAt: Type.String({ description: 'The last day the offer stands, YYYY-MM-DD; not before issuedAt.', format: 'date', examples: ['2024-05-30'] }),
    amount: Type.String({ description: 'Amount in euros with at most two decimals; not negative.', pattern: '^\\d{1,12}(\\.\\d{1,2})?$', examples: ['12.95'] }),
    pdf: Type.String({ description: 'The offer’s PDF file (must start with %PDF-).', contentEncoding: 'binary', contentMediaType: 'application/pdf' }),
    sendNotification: Type.Optional(Type.String({ description: 'true/false/1/0: email the customer a link to the offer.', examples: ['true'] })),
    acceptedAt: Type.Optional(Type.String({ ...Instant('2024-05-11 12:59:00'), description: 'When it was accepted, if already: "YYYY-MM-DD HH:mm:ss" in the account’s time zone, or ISO 8601 with an offset. Empty: outstanding.' })),
    acceptedViaIp: Type.Optional(Type.String({ description: 'Only with acceptedAt: the IP address it was accepted from (at most 100 characters).', examples: ['123.456.7.8.9'] })),
    acceptedViaUserAgent: Type.Optional(Type.String({ description: 'Only with acceptedAt: the User-Agent it was accepted with (at most 1000 characters).', examples: ['Mozilla/5.0 (X11; Linux x86_64)'] })),
    rejectedAt: Type.Optional(Type.String({ description: 'When it was rejected, if already; same format as acceptedAt. Not together with acceptedAt.', examples: ['2024-05-11 12:59:00'] })),
    currency: Type.Optional(Type.Literal('EUR')),
  },
  { additionalProperties: false },
);

export const OfferIdParams = IdParams;

export const OfferList = ListOf(OfferResource);

export const OfferListQuery = Type.Object(
  {
    ...PageQuery,
    customerId: Type.Optional(Type.String({ description: 'Only this customer’s offers.', examples: ['cst_abc12345def678'] })),
    status: Type.Optional(Type.String({ enum: ['open', 'accepted', 'rejected', 'expired'], description: 'Only offers with this status.' })),
  },
  { additionalProperties: false },
);
export type OfferListQueryInput = Static<typeof OfferListQuery>;

const optionalText = (description: string, example?: string) =>
  Type.Optional(Type.Union([Type.String(example ? { examples: [example] } : {}), Type.Null()], { description }));

export const UpdateOfferBody = Type.Object(
  {
    acceptedAt: optionalText('Marks the offer accepted at this time: "YYYY-MM-DD HH:mm:ss" in the account’s time zone, or ISO 8601 with an offset.', '2024-05-04 20:51:50'),
    acceptedViaIp: optionalText('Only with acceptedAt: the IP address it was accepted from.', '123.456.7.8.9'),
    acceptedViaUserAgent: optionalText('Only with acceptedAt: the User-Agent it was accepted with.', 'Mozilla/5.0 (X11; Linux x86_64)'),
    rejectedAt: optionalText('Marks the offer rejected at this time; same format as acceptedAt.', '2024-05-04 20:51:50'),
    rejectionReason: optionalText('Extension, only with rejectedAt: why it was rejected (at most 2000 characters).'),
  },
  {
    additionalProperties: false,
    description:
      'Either `acceptedAt` (with the optional `acceptedViaIp` and `acceptedViaUserAgent`) or `rejectedAt`, as published. An offer is decided once: deciding a decided offer is 409. An expired offer may still be marked accepted or rejected here: the business records what happened (say, an acceptance on paper, or choosing to honour a late yes); the customer cannot decide an expired offer in the portal.',
  },
);
export type UpdateOfferInput = Static<typeof UpdateOfferBody>;

const DateString = (description: string, example: string) => Type.String({ format: 'date', description, examples: [example] });

/** `POST /v1/customer-offers/manual`: the published fields, then our extension (`lines[].quantity`); `offer-manual.rules.ts` checks it. */
export const CreateManualOfferBody = Type.Object(
  {
    customerId: Type.String({ description: 'The customer the offer is for.', examples: ['cst_abc12345def678'] }),
    offerNumber: Type.String({ description: 'Number of the offer; unique within the account.', minLength: 1, maxLength: 64, examples: ['2014-001'] }),
    issuedAt: DateString('Issue date, YYYY-MM-DD.', '2025-04-14'),
    expiresAt: DateString('The last day the offer stands, YYYY-MM-DD; not before issuedAt. Printed as "geldig tot" / "valid until".', '2025-04-30'),
    lines: DocumentLinesInput(
      'The lines, 1 to 100, as for a manual invoice. A line\'s total is quantity × amountExclVat rounded half away from zero to the cent; VAT is computed per rate over the sum of that rate\'s line totals and rounded once per rate; `amount` is the total including VAT, which must not be negative.',
    ),
    sendNotification: Type.Optional(Type.Boolean({ description: 'Email the customer a link to the offer.', examples: [true] })),
  },
  { additionalProperties: false },
);

/** `POST /v1/customer-offers/{id}/invoice`: the new invoice's own fields; its customer and lines are the offer's. */
export const ConvertOfferBody = Type.Object(
  {
    invoiceNumber: Type.String({ description: 'Number of the new invoice; unique within the account.', minLength: 1, maxLength: 64, examples: ['2025-001'] }),
    issuedAt: Type.Optional(DateString('Issue date; default today in the account\'s time zone.', '2025-05-02')),
    dueAt: Type.Optional(DateString('Due date; default the issue date plus the account\'s `paymentTermDays`.', '2025-05-16')),
    deliveredAt: Type.Optional(DateString('Date of delivery printed on the invoice; default the issue date.', '2025-05-01')),
    reference: Type.Optional(
      Type.String({ minLength: 1, maxLength: 140, description: 'Payment reference printed and put in the QR code; default the invoice number.', examples: ['Offerte 2014-001'] }),
    ),
    sendNotification: Type.Optional(Type.Boolean({ description: 'Email the customer about the new invoice.', examples: [true] })),
  },
  { additionalProperties: false },
);
