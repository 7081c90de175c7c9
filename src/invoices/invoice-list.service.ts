import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { readPage, throwIfInvalid, toPage } from '../http/pagination.js';
import type { FieldError } from '../http/problems.js';
import { listInvoices as listRows, type InvoiceFilters } from './invoice.repository.js';
import type { InvoiceListQueryInput } from './invoice.schemas.js';
import { invoiceExtras, toInvoice } from './invoice.service.js';

/** Reads the list filters, collecting every problem so one 422 names them all. */
function readFilters(query: InvoiceListQueryInput, errors: FieldError[]): InvoiceFilters {
  const filters: InvoiceFilters = {};
  if (query.customerId !== undefined) filters.customerId = query.customerId.trim();
  if (query.paid !== undefined) filters.paid = query.paid === 'true';
  if (query.issuedFrom !== undefined) filters.issuedFrom = query.issuedFrom;
  if (query.issuedTo !== undefined) filters.issuedTo = query.issuedTo;
  const datesValid = !errors.some((e) => e.field === 'issuedFrom' || e.field === 'issuedTo');
  if (datesValid && filters.issuedFrom && filters.issuedTo && filters.issuedFrom > filters.issuedTo) {
    errors.push({ field: 'issuedTo', message: 'must not be before issuedFrom' });
  }
  if (query.invoiceNumber !== undefined) filters.invoiceNumber = query.invoiceNumber.trim();
  return filters;
}

/** `schemaErrors`: what the route's query schema already found wrong; reported together with ours. */
export async function listInvoices(ctx: AppContext, caller: Caller, query: InvoiceListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  const filters = readFilters(query, errors);
  throwIfInvalid(errors);
  const rows = await listRows(ctx.db, caller.accountId, filters, page);
  // One query for the whole page's notification states and one for its lines, not one per invoice.
  const extras = await invoiceExtras(ctx.db, rows.slice(0, page.limit));
  const at = { baseUrl: ctx.config.publicBaseUrl, path: '/v1/customer-invoices', query: { ...query } };
  return toPage(rows, page, at, (row) => toInvoice(row, caller, ctx.config.publicBaseUrl, extras(row)));
}
