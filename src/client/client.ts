import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { KlantportaalNetworkError } from './errors.js';
import { defaultFilename, isReplayable, multipartBody, type PdfSource } from './multipart.js';
import { createTransport, type RequestSpec, type TransportOptions } from './transport.js';
import type {
  Account,
  CloudFile,
  CreateCustomer,
  Customer,
  CustomerGroup,
  CustomerGroupCustomers,
  CustomerGroupList,
  CreateCustomerGroup,
  UpdateCustomerGroup,
  CustomerList,
  CustomerListQuery,
  Health,
  Invoice,
  InvoiceForm,
  InvoiceList,
  InvoiceListQuery,
  Offer,
  OfferForm,
  OfferList,
  OfferListQuery,
  UpdateOffer,
  OpenApiDocument,
  OperationId,
  PageSelection,
  Readiness,
  UpdateAccount,
  UpdateCustomer,
  UpdateInvoice,
  CreateManualInvoice,
  CreateManualOffer,
  ConvertOfferToInvoice,
  CreateWebhook,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookList,
} from './types.js';

export type ClientOptions = TransportOptions;

export interface CreateOptions {
  /** Sent as Idempotency-Key; a new random one per call when omitted, reused by every retry of that call. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** A create's outcome with what the response said beyond the body. */
export interface Created<T> {
  resource: T;
  /** True when the server replayed the stored response of an earlier request with the same key. */
  replayed: boolean;
  idempotencyKey: string;
}

export interface CreateInvoiceInput extends Omit<InvoiceForm, 'pdf' | 'sendNotification'> {
  /** A file path, a Buffer/Uint8Array or a stream; a stream is read once, so that request is not retried. */
  pdf: PdfSource;
  /** The file name sent with the PDF (default: the path's base name, or invoice.pdf). */
  filename?: string;
  /** Email the customer; false by default. */
  sendNotification?: boolean;
}

export interface CreateOfferInput extends Omit<OfferForm, 'pdf' | 'sendNotification'> {
  /** A file path, a Buffer/Uint8Array or a stream; a stream is read once, so that request is not retried. */
  pdf: PdfSource;
  /** The file name sent with the PDF (default: the path's base name, or offer.pdf). */
  filename?: string;
  /** Email the customer a link to the offer; false by default. */
  sendNotification?: boolean;
}

/** List filters as the API takes them; numbers and booleans are sent as their text. */
type Loose<Q> = { [K in keyof Q]?: Q[K] | number | boolean };

/** A file fetched through a cloud-file link. */
export interface FileDownload {
  stream: Readable;
  /** From Content-Disposition (for an invoice PDF: the sanitised invoice number + .pdf). */
  filename: string | null;
  /** The file's SHA-256 (the ETag without quotes). */
  sha256: string | null;
  size: number | null;
  contentType: string | null;
}

export type PdfDownload = FileDownload;

/** Every v1 operation of the document, and the client method that calls it; typecheck fails when one is missing. */
export const OPERATION_METHODS: Record<OperationId, string> = {
  getHealth: 'health',
  getReadiness: 'readiness',
  getOpenApiDocument: 'openApiDocument',
  getAccount: 'account.get',
  updateAccount: 'account.update',
  putAccountLogo: 'account.putLogo',
  deleteAccountLogo: 'account.deleteLogo',
  getAccountLogo: 'account.getLogo',
  createCustomer: 'customers.create',
  getCustomer: 'customers.get',
  listCustomers: 'customers.list / customers.iterate',
  updateCustomer: 'customers.update',
  deleteCustomer: 'customers.delete',
  createCustomerGroup: 'groups.create',
  listCustomerGroups: 'groups.list / groups.iterate',
  getCustomerGroup: 'groups.get',
  updateCustomerGroup: 'groups.update',
  deleteCustomerGroup: 'groups.delete',
  addCustomersToGroup: 'groups.addCustomers',
  removeCustomerFromGroup: 'groups.removeCustomer',
  createCustomerInvoice: 'invoices.create',
  createManualCustomerInvoice: 'invoices.createManual',
  getCustomerInvoice: 'invoices.get',
  listCustomerInvoices: 'invoices.list / invoices.iterate',
  updateCustomerInvoice: 'invoices.update / invoices.markPaid / invoices.markUnpaid',
  deleteCustomerInvoice: 'invoices.delete',
  getCustomerInvoicePdf: 'invoices.pdfLink / invoices.downloadPdf / invoices.savePdf',
  createCustomerOffer: 'offers.create',
  createManualCustomerOffer: 'offers.createManual',
  convertCustomerOfferToInvoice: 'offers.toInvoice',
  getCustomerOffer: 'offers.get',
  listCustomerOffers: 'offers.list / offers.iterate',
  updateCustomerOffer: 'offers.update / offers.accept / offers.reject',
  deleteCustomerOffer: 'offers.delete',
  getCustomerOfferPdf: 'offers.pdfLink / offers.downloadPdf / offers.savePdf',
  downloadFile: 'download (invoices.downloadPdf, offers.downloadPdf and savePdf follow the link with it)',
  createWebhook: 'webhooks.create',
  listWebhooks: 'webhooks.list / webhooks.iterate',
  getWebhook: 'webhooks.get',
  deleteWebhook: 'webhooks.delete',
  listWebhookDeliveries: 'webhooks.deliveries',
  redeliverWebhook: 'webhooks.redeliver',
};

function queryString(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const segment = (id: string) => encodeURIComponent(id);

/** `filename*=UTF-8''…` (preferred) or `filename="…"`. */
function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/**
 * The typed klantportaal client. Every method maps to one operation of GET /v1/openapi.json (OPERATION_METHODS);
 * creates carry an Idempotency-Key so that their retries are safe; lists can be walked with `iterate`.
 */
export function createClient(options: ClientOptions) {
  const send = createTransport(options);

  async function json<T>(spec: Omit<RequestSpec, 'retryable'> & { retryable?: boolean }, payload?: unknown): Promise<T> {
    const response = await send({
      retryable: spec.method !== 'POST',
      ...spec,
      ...(payload === undefined ? {} : { body: () => ({ body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }) }),
    });
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new KlantportaalNetworkError(`${spec.method} ${spec.path}: the response was not JSON`, { cause: error });
    }
  }

  async function created<T>(path: string, body: RequestSpec['body'], replayable: boolean, opts: CreateOptions = {}): Promise<Created<T>> {
    const idempotencyKey = opts.idempotencyKey ?? randomUUID();
    const response = await send({ method: 'POST', path, headers: { 'idempotency-key': idempotencyKey }, body, retryable: replayable, ...(opts.signal ? { signal: opts.signal } : {}) });
    return { resource: (await response.json()) as T, replayed: response.headers.get('idempotent-replayed') === 'true', idempotencyKey };
  }

  /** Follows next_page_url page by page; its path and query are resolved against our base URL (same host, same key). */
  async function* pages<Page extends { next_page_url: string | null }>(first: string, signal?: AbortSignal): AsyncGenerator<Page> {
    let path: string | null = first;
    while (path) {
      const page: Page = await json<Page>({ method: 'GET', path, ...(signal ? { signal } : {}) });
      yield page;
      const next = page.next_page_url;
      path = next ? (({ pathname, search }) => pathname + search)(new URL(next)) : null;
    }
  }

  async function* items<T>(first: string): AsyncGenerator<T> {
    for await (const page of pages<{ data: T[]; next_page_url: string | null }>(first)) yield* page.data;
  }

  /** Fetches a cloud-file link (any download endpoint's `link`), streamed; the API key is not sent with it. */
  async function download(link: string, signal?: AbortSignal): Promise<FileDownload> {
    const response = await send({ method: 'GET', path: link, retryable: true, headers: { accept: '*/*' }, ...(signal ? { signal } : {}) });
    const length = response.headers.get('content-length');
    return {
      stream: response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]),
      filename: dispositionFilename(response.headers.get('content-disposition')),
      sha256: response.headers.get('etag')?.replaceAll('"', '') ?? null,
      size: length === null ? null : Number(length),
      contentType: response.headers.get('content-type'),
    };
  }

  const customers = {
    createDetailed: (input: CreateCustomer, opts?: CreateOptions) =>
      created<Customer>('/v1/customers', () => ({ body: JSON.stringify(input), headers: { 'content-type': 'application/json' } }), true, opts),
    create: async (input: CreateCustomer, opts?: CreateOptions) => (await customers.createDetailed(input, opts)).resource,
    get: (id: string) => json<Customer>({ method: 'GET', path: `/v1/customers/${segment(id)}` }),
    list: (query?: Loose<CustomerListQuery>) => json<CustomerList>({ method: 'GET', path: `/v1/customers${queryString(query)}` }),
    iterate: (query?: Loose<CustomerListQuery>) => items<Customer>(`/v1/customers${queryString(query)}`),
    pages: (query?: Loose<CustomerListQuery>) => pages<CustomerList>(`/v1/customers${queryString(query)}`),
    update: (id: string, input: UpdateCustomer) => json<Customer>({ method: 'PATCH', path: `/v1/customers/${segment(id)}` }, input),
    delete: (id: string) => json<void>({ method: 'DELETE', path: `/v1/customers/${segment(id)}` }),
  };

  const jsonBody = (input: unknown) => () => ({ body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });

  const groups = {
    createDetailed: (input: CreateCustomerGroup, opts?: CreateOptions) => created<CustomerGroup>('/v1/customer-groups', jsonBody(input), true, opts),
    create: async (input: CreateCustomerGroup, opts?: CreateOptions) => (await groups.createDetailed(input, opts)).resource,
    get: (id: string) => json<CustomerGroup>({ method: 'GET', path: `/v1/customer-groups/${segment(id)}` }),
    list: (query?: { limit?: number; cursor?: string }) => json<CustomerGroupList>({ method: 'GET', path: `/v1/customer-groups${queryString(query)}` }),
    iterate: () => items<CustomerGroup>('/v1/customer-groups'),
    update: (id: string, input: UpdateCustomerGroup) => json<CustomerGroup>({ method: 'PATCH', path: `/v1/customer-groups/${segment(id)}` }, input),
    delete: (id: string) => json<void>({ method: 'DELETE', path: `/v1/customer-groups/${segment(id)}` }),
    /** Adds customers (unknown ids are ignored, as published); answers the group's customers, newest first. */
    addCustomers: async (id: string, customerIds: string[], opts?: CreateOptions) =>
      (await created<CustomerGroupCustomers>(`/v1/customer-groups/${segment(id)}/customers`, jsonBody({ customers: customerIds }), true, opts)).resource,
    removeCustomer: (id: string, customerId: string) =>
      json<void>({ method: 'DELETE', path: `/v1/customer-groups/${segment(id)}/customers/${segment(customerId)}` }),
  };

  /** A multipart create with a PDF (an invoice, an offer): the text fields and the file, retried only when replayable. */
  function upload<T>(path: string, input: { pdf: PdfSource; filename?: string; sendNotification?: boolean } & Record<string, unknown>, opts?: CreateOptions): Promise<Created<T>> {
    const { pdf, filename, sendNotification, ...rest } = input;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(rest)) if (value !== undefined && value !== null) fields[name] = String(value);
    if (sendNotification !== undefined) fields.sendNotification = String(sendNotification);
    let sent = false;
    const body = () => {
      // A stream can be read once; a retry of it would send an empty PDF, so say so instead.
      if (sent && !isReplayable(pdf)) throw new KlantportaalNetworkError('the PDF stream was already sent once and cannot be retried');
      sent = true;
      return multipartBody(fields, { source: pdf, filename: filename ?? defaultFilename(pdf), contentType: 'application/pdf' });
    };
    return created<T>(path, body, isReplayable(pdf), opts);
  }

  const invoices = {
    createDetailed: (input: CreateInvoiceInput, opts?: CreateOptions): Promise<Created<Invoice>> => upload<Invoice>('/v1/customer-invoices', { ...input }, opts),
    create: async (input: CreateInvoiceInput, opts?: CreateOptions) => (await invoices.createDetailed(input, opts)).resource,
    /** An invoice made from lines; the server renders its PDF. A JSON body can be resent, so retries are safe. */
    createManualDetailed: (input: CreateManualInvoice, opts?: CreateOptions) => created<Invoice>('/v1/customer-invoices/manual', jsonBody(input), true, opts),
    createManual: async (input: CreateManualInvoice, opts?: CreateOptions) => (await invoices.createManualDetailed(input, opts)).resource,
    get: (id: string) => json<Invoice>({ method: 'GET', path: `/v1/customer-invoices/${segment(id)}` }),
    list: (query?: Loose<InvoiceListQuery>) => json<InvoiceList>({ method: 'GET', path: `/v1/customer-invoices${queryString(query)}` }),
    iterate: (query?: Loose<InvoiceListQuery>) => items<Invoice>(`/v1/customer-invoices${queryString(query)}`),
    pages: (query?: Loose<InvoiceListQuery>) => pages<InvoiceList>(`/v1/customer-invoices${queryString(query)}`),
    update: (id: string, input: UpdateInvoice) => json<Invoice>({ method: 'PATCH', path: `/v1/customer-invoices/${segment(id)}` }, input),
    /** `paidAt`: "YYYY-MM-DD HH:mm:ss" in the account's time zone or ISO 8601 with an offset; default now. */
    markPaid: (id: string, paidAt: string = new Date().toISOString()) => invoices.update(id, { paidAt }),
    markUnpaid: (id: string) => invoices.update(id, { paidAt: null }),
    delete: (id: string) => json<void>({ method: 'DELETE', path: `/v1/customer-invoices/${segment(id)}` }),
    /** The published cloud-file answer: a link that downloads the PDF without an API key for 5 minutes. */
    pdfLink: (id: string, signal?: AbortSignal) => json<CloudFile>({ method: 'GET', path: `/v1/customer-invoices/${segment(id)}/pdf`, ...(signal ? { signal } : {}) }),
    /** Asks for the PDF's link and follows it (a second request, without the API key). */
    async downloadPdf(id: string, signal?: AbortSignal): Promise<PdfDownload> {
      return download((await invoices.pdfLink(id, signal)).link, signal);
    },
    /** Downloads the PDF to `target` (streamed); returns what downloadPdf said about it. */
    async savePdf(id: string, target: string): Promise<Omit<PdfDownload, 'stream'>> {
      const { stream, ...info } = await invoices.downloadPdf(id);
      await pipeline(stream, createWriteStream(target));
      return info;
    },
  };

  const offers = {
    createDetailed: (input: CreateOfferInput, opts?: CreateOptions): Promise<Created<Offer>> =>
      upload<Offer>('/v1/customer-offers', { ...input, filename: input.filename ?? (typeof input.pdf === 'string' ? undefined : 'offer.pdf') }, opts),
    create: async (input: CreateOfferInput, opts?: CreateOptions) => (await offers.createDetailed(input, opts)).resource,
    /** An offer from lines: we render its PDF (an offerte); `amount` is the total including VAT. */
    createManualDetailed: (input: CreateManualOffer, opts?: CreateOptions) => created<Offer>('/v1/customer-offers/manual', jsonBody(input), true, opts),
    createManual: async (input: CreateManualOffer, opts?: CreateOptions) => (await offers.createManualDetailed(input, opts)).resource,
    /** An accepted manual offer becomes a manual invoice with its lines (a second conversion is 409). */
    toInvoiceDetailed: (id: string, input: ConvertOfferToInvoice, opts?: CreateOptions) => created<Invoice>(`/v1/customer-offers/${segment(id)}/invoice`, jsonBody(input), true, opts),
    toInvoice: async (id: string, input: ConvertOfferToInvoice, opts?: CreateOptions) => (await offers.toInvoiceDetailed(id, input, opts)).resource,
    get: (id: string) => json<Offer>({ method: 'GET', path: `/v1/customer-offers/${segment(id)}` }),
    list: (query?: Loose<OfferListQuery>) => json<OfferList>({ method: 'GET', path: `/v1/customer-offers${queryString(query)}` }),
    iterate: (query?: Loose<OfferListQuery>) => items<Offer>(`/v1/customer-offers${queryString(query)}`),
    pages: (query?: Loose<OfferListQuery>) => pages<OfferList>(`/v1/customer-offers${queryString(query)}`),
    /** Marks the offer accepted or rejected, once (a decided offer is 409). */
    update: (id: string, input: UpdateOffer) => json<Offer>({ method: 'PATCH', path: `/v1/customer-offers/${segment(id)}` }, input),
    /** `acceptedAt`: "YYYY-MM-DD HH:mm:ss" in the account's time zone or ISO 8601 with an offset; default now. */
    accept: (id: string, details: { acceptedAt?: string; acceptedViaIp?: string; acceptedViaUserAgent?: string } = {}) =>
      offers.update(id, { ...details, acceptedAt: details.acceptedAt ?? new Date().toISOString() }),
    reject: (id: string, details: { rejectedAt?: string; rejectionReason?: string } = {}) =>
      offers.update(id, { ...details, rejectedAt: details.rejectedAt ?? new Date().toISOString() }),
    delete: (id: string) => json<void>({ method: 'DELETE', path: `/v1/customer-offers/${segment(id)}` }),
    /** A cloud-file link that downloads the offer's PDF without an API key for 5 minutes. */
    pdfLink: (id: string, signal?: AbortSignal) => json<CloudFile>({ method: 'GET', path: `/v1/customer-offers/${segment(id)}/pdf`, ...(signal ? { signal } : {}) }),
    async downloadPdf(id: string, signal?: AbortSignal): Promise<PdfDownload> {
      return download((await offers.pdfLink(id, signal)).link, signal);
    },
    async savePdf(id: string, target: string): Promise<Omit<PdfDownload, 'stream'>> {
      const { stream, ...info } = await offers.downloadPdf(id);
      await pipeline(stream, createWriteStream(target));
      return info;
    },
  };

  const webhooks = {
    /** One record per event type: `{ url, type }`. The secret is in this response and in every read. */
    create: async (input: CreateWebhook, opts?: CreateOptions) =>
      (await created<Webhook>('/v1/webhooks', () => ({ body: JSON.stringify(input), headers: { 'content-type': 'application/json' } }), true, opts)).resource,
    get: (id: string) => json<Webhook>({ method: 'GET', path: `/v1/webhooks/${segment(id)}` }),
    list: (query?: PageSelection) => json<WebhookList>({ method: 'GET', path: `/v1/webhooks${queryString(query)}` }),
    iterate: (query?: Omit<PageSelection, 'page'>) => items<Webhook>(`/v1/webhooks${queryString(query)}`),
    delete: (id: string) => json<void>({ method: 'DELETE', path: `/v1/webhooks/${segment(id)}` }),
    deliveries: (id: string, query?: PageSelection) =>
      json<WebhookDeliveryList>({ method: 'GET', path: `/v1/webhooks/${segment(id)}/deliveries${queryString(query)}` }),
    redeliver: (id: string, deliveryId: string) =>
      json<WebhookDelivery>({ method: 'POST', path: `/v1/webhooks/${segment(id)}/deliveries/${segment(deliveryId)}/redeliver`, retryable: true }),
  };

  const account = {
    get: () => json<Account>({ method: 'GET', path: '/v1/account' }),
    /** The fields to change; `null` clears an optional one. */
    update: (input: UpdateAccount) => json<Account>({ method: 'PATCH', path: '/v1/account' }, input),
    /** The image itself (PNG or JPEG, at most 1 MiB); its type is read from its bytes by the server. */
    putLogo: (image: Uint8Array, contentType: 'image/png' | 'image/jpeg') =>
      json<Account>({ method: 'PUT', path: '/v1/account/logo', body: () => ({ body: image, headers: { 'content-type': contentType } }) }),
    deleteLogo: () => json<void>({ method: 'DELETE', path: '/v1/account/logo' }),
    /** The logo's bytes and media type. */
    async getLogo(): Promise<{ contentType: string; bytes: Uint8Array }> {
      const response = await send({ method: 'GET', path: '/v1/account/logo', retryable: true, headers: { accept: 'image/png, image/jpeg' } });
      return { contentType: response.headers.get('content-type') ?? '', bytes: new Uint8Array(await response.arrayBuffer()) };
    },
  };

  return {
    account,
    customers,
    groups,
    invoices,
    offers,
    webhooks,
    download,
    health: () => json<Health>({ method: 'GET', path: '/healthz' }),
    readiness: () => json<Readiness>({ method: 'GET', path: '/readyz' }),
    openApiDocument: () => json<OpenApiDocument>({ method: 'GET', path: '/v1/openapi.json' }),
  };
}

export type KlantportaalClient = ReturnType<typeof createClient>;
