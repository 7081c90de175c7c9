import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { readPage, throwIfInvalid, toPage } from '../http/pagination.js';
import type { FieldError } from '../http/problems.js';
import { listOffers as listRows, type OfferFilters } from './offer.repository.js';
import type { OfferStatus } from './offer.rules.js';
import type { OfferListQueryInput } from './offer.schemas.js';
import { offerExtras, todayIn, toOffer } from './offer.service.js';

/** `schemaErrors`: what the route's query schema already found wrong (a bad status, say); reported with ours. */
export async function listOffers(ctx: AppContext, caller: Caller, query: OfferListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  throwIfInvalid(errors);
  const filters: OfferFilters = {};
  if (query.customerId !== undefined) filters.customerId = query.customerId.trim();
  if (query.status !== undefined) filters.status = query.status as OfferStatus;
  // One "today" for the filter and every item's status, so a page never contradicts its filter at midnight.
  const today = todayIn(ctx.clock, caller.timeZone);
  const rows = await listRows(ctx.db, caller.accountId, filters, today, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: '/v1/customer-offers', query: { ...query } };
  const extras = await offerExtras(ctx.db, rows);
  return toPage(rows, page, at, (row) => toOffer(row, caller, ctx.config.publicBaseUrl, today, extras(row)));
}
