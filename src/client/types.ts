import type { components, operations } from './openapi.gen.js';

/**
 * The client's public types, all derived from the generated OpenAPI types (src/client/openapi.gen.ts), so a change
 * in a route schema reaches callers through `npm run client:types` and nowhere else.
 */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Body<Op extends keyof operations, Status extends keyof operations[Op]['responses']> = Json<operations[Op]['responses'][Status]>;
type JsonRequest<Op extends keyof operations> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type OperationId = keyof operations;
export type Problem = components['schemas']['Problem'];

export type Account = Body<'getAccount', 200>;
export type UpdateAccount = Omit<JsonRequest<'updateAccount'>, 'countryCode'> & { countryCode?: string };

export type Customer = Body<'getCustomer', 200>;
export type CustomerList = Body<'listCustomers', 200>;
/** A country code is any text here (the server names an unassigned one in its 422), not a union of 250 literals. */
type WithCountryText<T> = Omit<T, 'countryCode'> & { countryCode?: string };
export type CreateCustomer = WithCountryText<JsonRequest<'createCustomer'>>;
export type UpdateCustomer = WithCountryText<JsonRequest<'updateCustomer'>>;
export type CustomerListQuery = Omit<Query<'listCustomers'>, 'after'>;

export type CustomerGroup = Body<'getCustomerGroup', 200>;
export type CustomerGroupList = Body<'listCustomerGroups', 200>;
export type CreateCustomerGroup = JsonRequest<'createCustomerGroup'>;
export type UpdateCustomerGroup = JsonRequest<'updateCustomerGroup'>;
export type CustomerGroupCustomers = Body<'addCustomersToGroup', 200>;

export type Invoice = Body<'getCustomerInvoice', 200>;
export type InvoiceList = Body<'listCustomerInvoices', 200>;
export type CloudFile = Body<'getCustomerInvoicePdf', 200>;
export type UpdateInvoice = JsonRequest<'updateCustomerInvoice'>;
export type CreateManualInvoice = JsonRequest<'createManualCustomerInvoice'>;
export type InvoiceListQuery = Omit<Query<'listCustomerInvoices'>, 'after'>;
export type InvoiceForm = operations['createCustomerInvoice']['requestBody']['content']['multipart/form-data'];
export type Offer = Body<'getCustomerOffer', 200>;
export type OfferList = Body<'listCustomerOffers', 200>;
export type UpdateOffer = JsonRequest<'updateCustomerOffer'>;
export type CreateManualOffer = JsonRequest<'createManualCustomerOffer'>;
export type ConvertOfferToInvoice = JsonRequest<'convertCustomerOfferToInvoice'>;
export type OfferListQuery = Omit<Query<'listCustomerOffers'>, 'after'>;
export type OfferForm = operations['createCustomerOffer']['requestBody']['content']['multipart/form-data'];

export type Webhook = Body<'getWebhook', 200>;
export type CreateWebhook = JsonRequest<'createWebhook'>;
export type WebhookList = Body<'listWebhooks', 200>;
export type WebhookDeliveryList = Body<'listWebhookDeliveries', 200>;
/** `page` (1-based) and `per_page` (1–250) of any list; `after` only ever comes inside next_page_url. */
export type PageSelection = { page?: number; per_page?: number };
export type WebhookDelivery = Body<'redeliverWebhook', 202>;

export type Health = Body<'getHealth', 200>;
export type Readiness = Body<'getReadiness', 200>;
export type OpenApiDocument = Record<string, unknown>;
