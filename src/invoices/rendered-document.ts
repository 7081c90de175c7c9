import { Readable } from 'node:stream';
import { findAccount, findLogo, type AccountRow } from '../accounts/account.repository.js';
import { missingInvoiceDetails } from '../accounts/account-details.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import type { CustomersTable } from '../db/schema.js';
import { validationFailed, type FieldError } from '../http/problems.js';
import type { DocumentKind, PdfBusiness, PdfCustomer } from '../pdf/invoice-document.js';
import { renderOnThread } from '../pdf/render-pool.js';
import type { StagedPdf } from '../storage/pdf-store.js';
import type { InvoiceTotals } from './invoice-lines.rules.js';

/**
 * A document made from lines (invoice, credit note, offer) rendered by `pdf/` and staged in the PDF store, ready for
 * `publishAndCommit` like an uploaded PDF. Section-neutral in its inputs: the section hands in the account it loaded
 * with `loadDocumentAccount`, the customer row and its own numbers and dates.
 */

/** The business as its documents show it, and what the law still wants of it. */
export interface DocumentAccount {
  row: AccountRow;
  business: PdfBusiness;
  /** Every missing legal detail as a field error (`account.kvkNumber`); empty when it can invoice. */
  missing: FieldError[];
}

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export async function loadDocumentAccount(db: Executor, accountId: string): Promise<DocumentAccount> {
  // One after the other: the executor may be a transaction (one connection).
  const row = await findAccount(db, accountId);
  if (!row) throw new Error(`account ${accountId} of an authenticated caller is gone`);
  const logo = await findLogo(db, accountId);
  const missing = missingInvoiceDetails({
    name: row.name,
    address: row.address,
    zipCode: row.zip_code,
    city: row.city,
    kvkNumber: row.kvk_number,
    vatNumber: row.vat_number,
  }).map((field) => ({
    field: `account.${field}`,
    message: `is required on an invoice and not set for your account: set it with PATCH /v1/account ("${field}") or \`klantportaal accounts update --account ${accountId} --${kebab(field)} <value>\``,
  }));
  const business: PdfBusiness = {
    name: row.name,
    address: row.address ?? '',
    zipCode: row.zip_code ?? '',
    city: row.city ?? '',
    countryCode: row.country_code,
    kvkNumber: row.kvk_number ?? '',
    vatNumber: row.vat_number ?? '',
    iban: row.iban,
    bic: row.bic,
    email: row.email,
    phone: row.phone,
    website: row.website,
    logo: logo ? Buffer.from(logo.bytes) : null,
    brandColor: row.brand_color,
    footerText: row.invoice_footer,
  };
  return { row, business, missing };
}

type CustomerRow = Pick<CustomersTable, 'name' | 'address' | 'zip_code' | 'city' | 'country_code' | 'locale'>;

/** A customer made before customers had addresses cannot be invoiced: the law wants their address on it. */
export function customerAddressProblem(customer: CustomerRow): string | null {
  const missing = (['address', 'zip_code', 'city'] as const).filter((column) => customer[column].trim() === '');
  if (missing.length === 0) return null;
  return 'has no address (address, zipCode, city), which an invoice must show: set it with PATCH /v1/customers/{id}';
}

export interface DocumentToRender {
  kind: DocumentKind;
  number: string;
  issueDate: string;
  deliveryDate?: string | null;
  /** Invoices: the due date; offers: the expiry date. */
  dueDate?: string | null;
  paymentReference?: string | null;
  creditedInvoiceNumber?: string | null;
  /** The calendar date it was paid, in the account's zone: printed, and no QR code. */
  paidDate?: string | null;
  totals: InvoiceTotals;
}

/**
 * Renders the document in the customer's language and stages it in the store. Refuses (422 naming each missing
 * detail) when the account lacks what the law requires; the caller usually checked that already, with its other
 * fields, so one 422 names everything.
 */
export async function renderDocument(ctx: AppContext, account: DocumentAccount, customer: CustomerRow, document: DocumentToRender): Promise<StagedPdf> {
  if (account.missing.length > 0) throw validationFailed(account.missing);
  const pdfCustomer: PdfCustomer = {
    companyName: customer.name,
    address: customer.address,
    zipCode: customer.zip_code,
    city: customer.city,
    countryCode: customer.country_code,
  };
  const { totals, ...rest } = document;
  const buffer = await renderOnThread(
    {
      ...rest,
      business: account.business,
      customer: pdfCustomer,
      lines: totals.lines,
      vatByRate: totals.vatByRate,
      subtotalCents: totals.subtotalCents,
      vatCents: totals.vatCents,
      amountCents: totals.amountCents,
    },
    customer.locale,
  );
  return ctx.store.stage(Readable.from([buffer]));
}
