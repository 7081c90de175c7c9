import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { notFound, validationFailed, type FieldError } from '../http/problems.js';
import { looksLikeId } from '../lib/ids.js';
import { nowUtc, toAtom } from '../lib/time.js';
import { deleteLogo, findAccount, findLogo, findLogoInfo, saveLogo, updateAccount, type AccountLogoInfo, type AccountRow } from './account.repository.js';
import { checkAccountChanges } from './account.rules.js';
import type { AccountDetails } from './account.schemas.js';

/** A logo is at most 1 MiB (1,048,576 bytes); a bigger body is a 413 and nothing is stored. */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** The only media types a logo is stored and served as, whatever an upload claims. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export function accountUrl(baseUrl: string): string {
  return `${baseUrl}/v1/account`;
}

export function toAccountDetails(row: AccountRow, logo: AccountLogoInfo | undefined, baseUrl: string): AccountDetails {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    zipCode: row.zip_code,
    city: row.city,
    countryCode: row.country_code,
    kvkNumber: row.kvk_number,
    vatNumber: row.vat_number,
    iban: row.iban,
    bic: row.bic,
    email: row.email,
    phone: row.phone,
    website: row.website,
    brandColor: row.brand_color,
    paymentTermDays: row.payment_term_days,
    invoiceFooter: row.invoice_footer,
    timeZone: row.time_zone,
    mode: row.mode,
    logo: logo ? { href: `${accountUrl(baseUrl)}/logo`, type: logo.content_type } : null,
    createdAt: toAtom(row.created_at, row.time_zone),
    links: { self: { href: accountUrl(baseUrl), type: 'application/json' } },
  };
}

/** The account as the CLI names it: an unknown id is a 404 (the API's caller always exists). */
async function requireRow(db: Executor, accountId: string): Promise<AccountRow> {
  const row = looksLikeId('acc', accountId) ? await findAccount(db, accountId) : undefined;
  if (!row) throw notFound(`Account ${accountId.slice(0, 64)}`);
  return row;
}

async function read(db: Executor, accountId: string, baseUrl: string): Promise<AccountDetails> {
  const [row, logo] = await Promise.all([requireRow(db, accountId), findLogoInfo(db, accountId)]);
  return toAccountDetails(row, logo, baseUrl);
}

/**
 * The details of the caller's account. A test key's account is the live account's test twin, with a copy of its
 * own (it starts with the live name and time zone): test requests can change it without touching live invoices.
 */
export function getAccountDetails(ctx: AppContext, accountId: string): Promise<AccountDetails> {
  return read(ctx.db, accountId, ctx.config.publicBaseUrl);
}

/**
 * PATCH: every field checked at once (`schemaErrors`: what the route's schema found, for fields the rules do not
 * know, such as U+0000 in a text); nothing is changed unless everything is valid.
 */
export async function updateAccountDetails(ctx: AppContext, accountId: string, input: unknown, schemaErrors: FieldError[] = []): Promise<AccountDetails> {
  const { changes, errors } = checkAccountChanges(input);
  const named = new Set(errors.map((e) => e.field));
  const all = [...errors, ...schemaErrors.filter((e) => !named.has(e.field))];
  if (all.length > 0) throw validationFailed(all);
  return ctx.db.transaction().execute(async (trx) => {
    await requireRow(trx, accountId);
    await updateAccount(trx, accountId, changes);
    return read(trx, accountId, ctx.config.publicBaseUrl);
  });
}

const notAnImage = (what: string) => validationFailed([{ field: 'logo', message: `must be a PNG or JPEG image${what}` }]);

/**
 * Stores the logo by what its bytes are (file-type reads the signature), never by the Content-Type it came with:
 * a PNG sent as image/jpeg is stored and served as image/png. Anything but PNG or JPEG is a 422.
 */
export async function putLogo(ctx: AppContext, accountId: string, bytes: Uint8Array): Promise<AccountDetails> {
  if (bytes.byteLength === 0) throw notAnImage(' (the body is empty)');
  if (bytes.byteLength > LOGO_MAX_BYTES) throw notAnImage(`, at most ${LOGO_MAX_BYTES} bytes`);
  const sniffed = await fileTypeFromBuffer(bytes);
  // An animated PNG is a PNG: every PNG reader shows its first frame.
  const type = sniffed?.mime === 'image/apng' ? 'image/png' : sniffed?.mime;
  if (type !== 'image/png' && type !== 'image/jpeg') throw notAnImage(sniffed ? ` (the bytes are ${sniffed.mime})` : ' (the bytes are not an image we know)');
  const row = {
    account_id: accountId,
    content_type: type,
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    updated_at: nowUtc(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    await requireRow(trx, accountId);
    await saveLogo(trx, row);
    return read(trx, accountId, ctx.config.publicBaseUrl);
  });
}

/** Removes the logo; removing none is no error (DELETE is idempotent). */
export async function removeLogo(ctx: AppContext, accountId: string): Promise<void> {
  await deleteLogo(ctx.db, accountId);
}

export interface Logo {
  contentType: LogoType;
  bytes: Buffer;
  sha256: string;
}

export async function readLogo(ctx: AppContext, accountId: string): Promise<Logo> {
  const row = await findLogo(ctx.db, accountId);
  if (!row) throw notFound('The logo');
  // Stored only as one of the two; anything else (a hand-edited row) is never served as what it claims.
  const contentType = LOGO_TYPES.find((t) => t === row.content_type);
  if (!contentType) throw notFound('The logo');
  return { contentType, bytes: Buffer.from(row.bytes), sha256: row.sha256 };
}

/** What Dutch law (Wet OB art. 35a) wants of the business on an invoice, in this order. */
export const INVOICE_DETAILS = ['name', 'address', 'zipCode', 'city', 'kvkNumber', 'vatNumber'] as const;
export type InvoiceDetail = (typeof INVOICE_DETAILS)[number];

/**
 * The details an invoice needs that the account lacks (empty when it can invoice): the manual invoice and offer
 * answer 422 naming them.
 */
export function missingInvoiceDetails(account: Pick<AccountDetails, InvoiceDetail>): InvoiceDetail[] {
  return INVOICE_DETAILS.filter((field) => {
    const value = account[field];
    return value === null || value === undefined || value.trim() === '';
  });
}
