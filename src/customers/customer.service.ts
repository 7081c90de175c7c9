import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { isUniqueViolation, type Executor } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { readPage, throwIfInvalid, toPage } from '../http/pagination.js';
import { conflict, notFound, type FieldError } from '../http/problems.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import {
  customerHasInvoices,
  customerHasOffers,
  deleteCustomer as deleteRow,
  findCustomer,
  groupIdsOf,
  insertCustomer,
  listCustomers as listRows,
  updateCustomer as updateRow,
  type CustomerRow,
} from './customer.repository.js';
import type { CreateCustomerInput, Customer, CustomerListQueryInput, UpdateCustomerInput } from './customer.schemas.js';

/** Where `countryCode` is not given (reference 3.2). */
export const DEFAULT_COUNTRY_CODE = 'NL';

export function customerUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/v1/customers/${id}`;
}

function toCustomer(row: CustomerRow, groups: string[], caller: Caller, baseUrl: string): Customer {
  return {
    id: row.id,
    companyName: row.name,
    address: row.address,
    zipCode: row.zip_code,
    city: row.city,
    countryCode: row.country_code,
    primaryEmail: row.email,
    phone: row.phone,
    integration: row.integration,
    integrationId: row.integration_id,
    customerGroups: groups,
    createdAt: toAtom(row.created_at, caller.timeZone),
    locale: row.locale === 'en' ? 'en' : 'nl',
    links: {
      self: { href: customerUrl(baseUrl, row.id), type: 'application/json' },
      invoices: { href: `${baseUrl}/v1/customer-invoices?customerId=${row.id}`, type: 'application/json' },
    },
  };
}

/** Rows → resources with their `customerGroups`, in one query for all of them. */
export async function toCustomers(db: Executor, caller: Caller, baseUrl: string, rows: CustomerRow[]): Promise<Customer[]> {
  const groups = await groupIdsOf(db, rows.map((row) => row.id));
  return rows.map((row) => toCustomer(row, groups.get(row.id) ?? [], caller, baseUrl));
}

const duplicateIntegrationId = (integrationId: string) =>
  conflict(`Another customer of this integration already has integrationId "${integrationId}".`, [
    { field: 'integrationId', message: 'is already used by another customer of this integration' },
  ]);

const trimmed = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : value.trim());

/** A customer of the caller's account, or a 404 that looks the same whether the id is unknown or another account's. */
export async function requireCustomerRow(ctx: AppContext, caller: Caller, id: string): Promise<CustomerRow> {
  const row = looksLikeId('cst', id) ? await findCustomer(ctx.db, caller.accountId, id) : undefined;
  if (!row) throw notFound(`Customer ${id.slice(0, 64)}`);
  return row;
}

export async function createCustomer(ctx: AppContext, caller: Caller, input: CreateCustomerInput, onCommit?: OnCommit<Customer>): Promise<Customer> {
  const row: CustomerRow = {
    id: newId('cst'),
    account_id: caller.accountId,
    name: input.companyName.trim(),
    email: input.primaryEmail.trim(),
    locale: input.locale ?? 'nl',
    address: input.address.trim(),
    zip_code: input.zipCode.trim(),
    city: input.city.trim(),
    country_code: input.countryCode ?? DEFAULT_COUNTRY_CODE,
    phone: trimmed(input.phone) ?? null,
    integration: trimmed(input.integration) ?? null,
    integration_id: trimmed(input.integrationId) ?? null,
    created_at: nowUtc(),
  };
  // A new customer is in no group yet.
  const customer = toCustomer(row, [], caller, ctx.config.publicBaseUrl);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertCustomer(trx, row);
      await recordWebhookEvent(trx, caller.accountId, 'customer-created', customer);
      await onCommit?.(trx, customer);
    });
  } catch (error) {
    if (isUniqueViolation(error) && row.integration_id !== null) throw duplicateIntegrationId(row.integration_id);
    throw error;
  }
  return customer;
}

export async function getCustomer(ctx: AppContext, caller: Caller, id: string): Promise<Customer> {
  const row = await requireCustomerRow(ctx, caller, id);
  const [customer] = await toCustomers(ctx.db, caller, ctx.config.publicBaseUrl, [row]);
  return customer!;
}

export async function updateCustomer(ctx: AppContext, caller: Caller, id: string, input: UpdateCustomerInput): Promise<Customer> {
  const row = await requireCustomerRow(ctx, caller, id);
  const changes: Partial<CustomerRow> = {};
  if (input.companyName !== undefined) changes.name = input.companyName.trim();
  if (input.primaryEmail !== undefined) changes.email = input.primaryEmail.trim();
  if (input.address !== undefined) changes.address = input.address.trim();
  if (input.zipCode !== undefined) changes.zip_code = input.zipCode.trim();
  if (input.city !== undefined) changes.city = input.city.trim();
  if (input.countryCode !== undefined) changes.country_code = input.countryCode;
  if (input.phone !== undefined) changes.phone = trimmed(input.phone) ?? null;
  if (input.integration !== undefined) changes.integration = trimmed(input.integration) ?? null;
  if (input.integrationId !== undefined) changes.integration_id = trimmed(input.integrationId) ?? null;
  if (input.locale !== undefined) changes.locale = input.locale;
  const next = { ...row, ...changes };
  try {
    await updateRow(ctx.db, caller.accountId, row.id, changes);
  } catch (error) {
    if (isUniqueViolation(error) && next.integration_id !== null) throw duplicateIntegrationId(next.integration_id);
    throw error;
  }
  const [customer] = await toCustomers(ctx.db, caller, ctx.config.publicBaseUrl, [next]);
  return customer!;
}

export async function deleteCustomer(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = looksLikeId('cst', id) ? await findCustomer(trx, caller.accountId, id) : undefined;
    if (!row) throw notFound(`Customer ${id.slice(0, 64)}`);
    if (await customerHasInvoices(trx, row.id)) {
      throw conflict('This customer still has invoices; delete those first.', [{ field: 'id', message: 'customer has invoices' }]);
    }
    if (await customerHasOffers(trx, row.id)) {
      throw conflict('This customer still has offers; delete those first.', [{ field: 'id', message: 'customer has offers' }]);
    }
    // The customer as its GET returned it until now, groups included (its memberships go with the row).
    const [deleted] = await toCustomers(trx, caller, ctx.config.publicBaseUrl, [row]);
    await deleteRow(trx, caller.accountId, row.id);
    if (deleted) await recordWebhookEvent(trx, caller.accountId, 'customer-deleted', deleted);
  });
}

export async function listCustomers(ctx: AppContext, caller: Caller, query: CustomerListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  throwIfInvalid(errors);
  const baseUrl = ctx.config.publicBaseUrl;
  const at = { baseUrl, path: '/v1/customers', query: { ...query } };
  // An id that cannot be a group's has no customers: answered without a query, like any unknown group.
  const groupId = query.customerGroupId;
  if (groupId !== undefined && !looksLikeId('cug', groupId)) return toPage([], page, at, (row: CustomerRow) => toCustomer(row, [], caller, baseUrl));
  const filters = { email: query.primaryEmail, integration: query.integration, integrationId: query.integrationId, groupId };
  const rows = await listRows(ctx.db, caller.accountId, filters, page);
  const groups = await groupIdsOf(ctx.db, rows.slice(0, page.limit).map((row) => row.id));
  return toPage(rows, page, at, (row) => toCustomer(row, groups.get(row.id) ?? [], caller, baseUrl));
}
