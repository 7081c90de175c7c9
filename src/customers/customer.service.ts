import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import type { OnCommit } from '../http/idempotency.js';
import { readPage, throwIfInvalid, toPage } from '../http/pagination.js';
import { conflict, notFound, type FieldError } from '../http/problems.js';
import { looksLikeId, newId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import { recordWebhookEvent } from '../webhooks/webhook-events.js';
import {
  customerHasInvoices,
  deleteCustomer as deleteRow,
  findCustomer,
  insertCustomer,
  listCustomers as listRows,
  updateCustomer as updateRow,
  type CustomerRow,
} from './customer.repository.js';
import type { CreateCustomerInput, Customer, CustomerListQueryInput, UpdateCustomerInput } from './customer.schemas.js';

export function customerUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/v1/customers/${id}`;
}

function toCustomer(row: CustomerRow, caller: Caller, baseUrl: string): Customer {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale === 'en' ? 'en' : 'nl',
    reference: row.reference,
    createdAt: toAtom(row.created_at, caller.timeZone),
    links: {
      self: { href: customerUrl(baseUrl, row.id), type: 'application/json' },
      invoices: { href: `${baseUrl}/v1/customer-invoices?customerId=${row.id}`, type: 'application/json' },
    },
  };
}

const duplicateReference = (reference: string) =>
  conflict(`Another customer already has reference "${reference}".`, [{ field: 'reference', message: 'is already used by another customer' }]);

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
    name: input.name.trim(),
    email: input.email.trim(),
    locale: input.locale ?? 'nl',
    reference: input.reference?.trim() ?? null,
    created_at: nowUtc(),
  };
  const customer = toCustomer(row, caller, ctx.config.publicBaseUrl);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertCustomer(trx, row);
      await recordWebhookEvent(trx, caller.accountId, 'customer-created', customer);
      await onCommit?.(trx, customer);
    });
  } catch (error) {
    if (isUniqueViolation(error) && row.reference !== null) throw duplicateReference(row.reference);
    throw error;
  }
  return customer;
}

export async function getCustomer(ctx: AppContext, caller: Caller, id: string): Promise<Customer> {
  return toCustomer(await requireCustomerRow(ctx, caller, id), caller, ctx.config.publicBaseUrl);
}

export async function updateCustomer(ctx: AppContext, caller: Caller, id: string, input: UpdateCustomerInput): Promise<Customer> {
  const row = await requireCustomerRow(ctx, caller, id);
  const changes: Partial<CustomerRow> = {};
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.email !== undefined) changes.email = input.email.trim();
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.reference !== undefined) changes.reference = input.reference?.trim() ?? null;
  try {
    await updateRow(ctx.db, caller.accountId, row.id, changes);
  } catch (error) {
    if (isUniqueViolation(error) && changes.reference) throw duplicateReference(changes.reference);
    throw error;
  }
  return toCustomer({ ...row, ...changes }, caller, ctx.config.publicBaseUrl);
}

export async function deleteCustomer(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = looksLikeId('cst', id) ? await findCustomer(trx, caller.accountId, id) : undefined;
    if (!row) throw notFound(`Customer ${id.slice(0, 64)}`);
    if (await customerHasInvoices(trx, row.id)) {
      throw conflict('This customer still has invoices; delete those first.', [{ field: 'id', message: 'customer has invoices' }]);
    }
    await deleteRow(trx, caller.accountId, row.id);
    // The customer as its GET returned it until now.
    await recordWebhookEvent(trx, caller.accountId, 'customer-deleted', toCustomer(row, caller, ctx.config.publicBaseUrl));
  });
}

export async function listCustomers(ctx: AppContext, caller: Caller, query: CustomerListQueryInput, schemaErrors: FieldError[] = []) {
  const errors: FieldError[] = [...schemaErrors];
  const page = readPage(query, errors);
  throwIfInvalid(errors);
  const rows = await listRows(ctx.db, caller.accountId, { reference: query.reference, email: query.email }, page);
  const at = { baseUrl: ctx.config.publicBaseUrl, path: '/v1/customers', query: { ...query } };
  return toPage(rows, page, at, (row) => toCustomer(row, caller, ctx.config.publicBaseUrl));
}
