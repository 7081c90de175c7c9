/** `klantportaal/client`: a typed client for the klantportaal API v1 (see README.md, "Typed client"). */
export { createClient, OPERATION_METHODS, type ClientOptions, type CreateInvoiceInput, type CreateOptions, type Created, type FileDownload, type KlantportaalClient, type PdfDownload } from './client.js';
export { KlantportaalApiError, KlantportaalNetworkError, problemText } from './errors.js';
export type { PdfSource } from './multipart.js';
export type { RetryOptions } from './transport.js';
export type * from './types.js';
export type { components, operations, paths } from './openapi.gen.js';
