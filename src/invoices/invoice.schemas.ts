import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';
import { DocumentLineResource, DocumentLinesInput, Money } from './document-lines.resource.js';

export const RecordedEmailSchema = Type.Object(
  { to: Type.String({ examples: ['administratie@jansen.example'] }), subject: Type.String(), text: Type.String({ description: 'The plain-text part.' }) },
  { additionalProperties: false, description: 'Test mode only: the email as it would have been sent. It was not sent.' },
);
export type RecordedEmail = Static<typeof RecordedEmailSchema>;

export const NotificationState = Type.Object(
  {
    status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')], {
      description:
        'queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left).',
    }),
    attempts: Type.Integer({ minimum: 0, description: 'Delivery attempts so far, the one in progress included.', examples: [1] }),
    sentAt: Type.Union([Timestamp, Type.Null()], { description: 'When the mail server accepted the email; null until then.' }),
    lastError: Type.Union([Type.String(), Type.Null()], {
      description: 'The most recent failure (e.g. the mail server\'s reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.',
      examples: ['550 5.1.1 Mailbox unavailable'],
    }),
    recordedEmail: Type.Optional(RecordedEmailSchema),
  },
  { additionalProperties: false, description: 'The email telling the customer about this invoice (`sendNotification=true`).' },
);
export type Notification = Static<typeof NotificationState>;

export const InvoiceResource = Type.Object(
  {
    id: Type.String({ description: 'Always starts with inv_.', examples: ['inv_abc12345def678'] }),
    customerId: Type.String({ examples: ['cst_abc12345def678'] }),
    invoiceNumber: Type.String({ examples: ['2024-001'] }),
    issuedAt: Type.String({ format: 'date', examples: ['2024-04-29'] }),
    currency: Type.Literal('EUR'),
    amount: Type.String({ pattern: '^-?\\d+\\.\\d{2}$', examples: ['12.95'] }),
    paidAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    viewedAt: Type.Union([Timestamp, Type.Null()], {
      description:
        'The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself.',
    }),
    notification: Type.Union([NotificationState, Type.Null()], {
      description: 'State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false).',
    }),
    lines: Type.Array(DocumentLineResource, {
      description: 'Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds).',
    }),
    subtotalAmount: Type.Union([Money, Type.Null()], { description: 'Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.', examples: ['12.95'] }),
    vatAmount: Type.Union([Money, Type.Null()], {
      description: 'Extension. Manual invoices: the VAT owed, computed per rate over that rate\'s line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.',
      examples: ['2.72'],
    }),
    dueAt: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Extension. Manual invoices: the due date. Null for an uploaded invoice.', examples: ['2025-05-14'] }),
    deliveredAt: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
      description: 'Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.',
      examples: ['2025-04-14'],
    }),
    reference: Type.Union([Type.String(), Type.Null()], {
      description: 'Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.',
      examples: ['2015-001'],
    }),
    creditedInvoiceId: Type.Union([Type.String(), Type.Null()], {
      description: 'Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.',
      examples: ['inv_abc12345def678'],
    }),
    links: Type.Object({ self: Link, customer: Link, pdf: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Invoice = Static<typeof InvoiceResource>;

/** The multipart create form, for the OpenAPI document; the fields are checked by `invoice.rules.ts`. */
export const CreateInvoiceForm = Type.Object(
  {
    customerId: Type.String({ description: 'ID of the customer this invoice is meant for.', examples: ['cst_abc12345def678'] }),
    invoiceNumber: Type.String({ description: 'Number of the invoice; unique within the account.', minLength: 1, maxLength: 64, examples: ['2024-001'] }),
    issuedAt: Type.String({ description: 'Issue date, YYYY-MM-DD.', format: 'date', examples: ['2024-04-30'] }),
    amount: Type.String({ description: 'Amount in euros with at most two decimals; negative for a credit invoice.', pattern: '^-?\\d{1,12}(\\.\\d{1,2})?$', examples: ['12.95'] }),
    pdf: Type.String({ description: 'The PDF file (must start with %PDF-).', contentEncoding: 'binary', contentMediaType: 'application/pdf' }),
    paidAt: Type.Optional(
      Type.String({ description: 'When paid: "YYYY-MM-DD HH:mm:ss" in the account\'s time zone, or ISO 8601 with an offset. Empty: unpaid.', examples: ['2024-05-11 12:59:00'] }),
    ),
    sendNotification: Type.Optional(Type.String({ description: 'true/false/1/0: email the customer about the invoice.', examples: ['true'] })),
    currency: Type.Optional(Type.Literal('EUR')),
  },
  { additionalProperties: false },
);

const DateString = (description: string, example: string) => Type.String({ format: 'date', description, examples: [example] });

/** The manual create's body: the published fields, then our extensions; `manual-invoice.rules.ts` checks it. */
export const CreateManualInvoiceBody = Type.Object(
  {
    customerId: Type.String({ description: 'The customer the invoice is for.', examples: ['cst_abc12345def678'] }),
    invoiceNumber: Type.String({ description: 'Number of the invoice; unique within the account.', minLength: 1, maxLength: 64, examples: ['2015-001'] }),
    issuedAt: DateString('Issue date, YYYY-MM-DD.', '2025-04-14'),
    lines: DocumentLinesInput(
      'The lines, 1 to 100. A line\'s total is quantity × amountExclVat rounded half away from zero to the cent; VAT is computed per rate over the sum of that rate\'s line totals and rounded once per rate; `amount` is the total including VAT.',
    ),
    sendNotification: Type.Optional(Type.Boolean({ description: 'Email the customer about the new invoice.', examples: [true] })),
    paidAt: Type.Optional(
      Type.Union([Type.String({ examples: ['2025-04-20 12:59:00'] }), Type.Null()], {
        description: 'Extension. When paid: "YYYY-MM-DD HH:mm:ss" in the account\'s time zone, or ISO 8601 with an offset. Absent, null or "": unpaid (the PDF then carries the QR code to pay).',
      }),
    ),
    dueAt: Type.Optional(DateString('Extension. Due date; default the issue date plus the account\'s `paymentTermDays` (none for a credit note).', '2025-05-14')),
    deliveredAt: Type.Optional(DateString('Extension. Date of delivery printed on the invoice; default the issue date.', '2025-04-11')),
    reference: Type.Optional(
      Type.String({ minLength: 1, maxLength: 140, description: 'Extension. Payment reference printed and put in the QR code; default the invoice number.', examples: ['Bestelling 981-A'] }),
    ),
    creditedInvoiceId: Type.Optional(
      Type.String({
        description: 'Extension. Makes this a credit note (creditfactuur) of that invoice of the same customer, whose number it prints; the total must then be negative. A negative total without it is a credit note naming no invoice.',
        examples: ['inv_abc12345def678'],
      }),
    ),
  },
  { additionalProperties: false },
);

export const InvoiceIdParams = IdParams;

export const InvoiceList = ListOf(InvoiceResource);

export const InvoiceListQuery = Type.Object(
  {
    ...PageQuery,
    customerId: Type.Optional(Type.String({ description: 'Only this customer’s invoices.', examples: ['cst_abc12345def678'] })),
    paid: Type.Optional(Type.String({ enum: ['true', 'false'], description: 'Only paid (`true`) or open (`false`) invoices.' })),
    issuedFrom: Type.Optional(Type.String({ format: 'date', description: 'Issued on or after this date (YYYY-MM-DD).' })),
    issuedTo: Type.Optional(Type.String({ format: 'date', description: 'Issued on or before this date (YYYY-MM-DD).' })),
    invoiceNumber: Type.Optional(Type.String({ description: 'Exactly this invoice number.' })),
  },
  { additionalProperties: false },
);
export type InvoiceListQueryInput = Static<typeof InvoiceListQuery>;

export const UpdateInvoiceBody = Type.Object(
  {
    paidAt: Type.Union([Type.String({ examples: ['2024-05-11 12:59:00'] }), Type.Null()], {
      description: 'When paid: "YYYY-MM-DD HH:mm:ss" in the account’s time zone or ISO 8601 with an offset; null (or "") marks it unpaid.',
    }),
  },
  { additionalProperties: false },
);
export type UpdateInvoiceInput = Static<typeof UpdateInvoiceBody>;
