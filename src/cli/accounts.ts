import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { getAccountDetails, LOGO_MAX_BYTES, putLogo, removeLogo, updateAccountDetails } from '../accounts/account-details.service.js';
import { ACCOUNT_FIELDS, checkAccountChanges } from '../accounts/account.rules.js';
import type { AccountDetails } from '../accounts/account.schemas.js';
import { AccountInputError } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { ProblemError } from '../http/problems.js';
import { UsageError } from './errors.js';

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** `--kvk-number` ⇄ `kvkNumber`: every field of PATCH /v1/account, in kebab case. */
const FIELD_OPTIONS = Object.fromEntries(Object.keys(ACCOUNT_FIELDS).map((field) => [kebab(field), field]));

/** A refusal of the service as one line naming the options: `--kvk-number must be …; --iban must be …`. */
function asInputError(error: unknown): never {
  if (!(error instanceof ProblemError)) throw error;
  const fields = (error.errors ?? []).map((e) => `${e.field in ACCOUNT_FIELDS || e.field === 'logo' ? `--${kebab(e.field)}` : e.field} ${e.message}`);
  throw new AccountInputError(fields.join('; ') || error.detail);
}

/** The option values as a PATCH body: "" clears an optional field (null); a whole number of days is a number. */
function patchBody(values: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [option, field] of Object.entries(FIELD_OPTIONS)) {
    const value = values[option];
    if (typeof value !== 'string') continue;
    const rule = ACCOUNT_FIELDS[field];
    if (field === 'paymentTermDays') body[field] = /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value;
    else body[field] = value === '' && rule !== 'paymentTermDays' && rule?.nullable ? null : value;
  }
  return body;
}

function describe(account: AccountDetails): string {
  const line = (label: string, value: string | number | null) => `${label.padEnd(18)}${value ?? '—'}`;
  return [
    `${account.id} "${account.name}" (${account.mode})`,
    line('address', [account.address, [account.zipCode, account.city].filter(Boolean).join(' '), account.countryCode].filter(Boolean).join(', ') || null),
    line('KvK number', account.kvkNumber),
    line('VAT number', account.vatNumber),
    line('IBAN / BIC', account.iban ? `${account.iban}${account.bic ? ` / ${account.bic}` : ''}` : null),
    line('email', account.email),
    line('phone', account.phone),
    line('website', account.website),
    line('brand colour', account.brandColor),
    line('payment term', `${account.paymentTermDays} days`),
    line('time zone', account.timeZone),
    line('invoice footer', account.invoiceFooter),
    line('logo', account.logo ? account.logo.type : null),
  ].join('\n');
}

async function readLogoFile(file: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AccountInputError(`--logo ${file}: no such file`);
  if (stat.size > LOGO_MAX_BYTES) throw new AccountInputError(`--logo must be at most ${LOGO_MAX_BYTES} bytes (1 MiB); ${file} has ${stat.size}`);
  return fs.readFile(file);
}

/**
 * `klantportaal accounts show|update --account <id>`: straight on the database through the same service and rules
 * as GET/PATCH /v1/account and PUT/DELETE /v1/account/logo. Returns what to print.
 */
export async function runAccountDetailsCommand(ctx: AppContext, sub: 'show' | 'update', args: string[]): Promise<string> {
  const fieldOptions = Object.fromEntries(Object.keys(FIELD_OPTIONS).map((option) => [option, { type: 'string' as const }]));
  const { values } = parseArgs({
    args,
    options: { account: { type: 'string' }, json: { type: 'boolean' }, ...(sub === 'update' ? { ...fieldOptions, logo: { type: 'string' }, 'remove-logo': { type: 'boolean' } } : {}) },
  });
  const accountId = values.account;
  if (!accountId) throw new UsageError(`accounts ${sub} needs --account <id>`);
  const print = (account: AccountDetails) => (values.json ? JSON.stringify(account, null, 2) : describe(account));
  try {
    if (sub === 'show') return print(await getAccountDetails(ctx, accountId));
    const body = patchBody(values as Record<string, string | boolean | undefined>);
    const logoFile = typeof values.logo === 'string' ? values.logo : undefined;
    if (Object.keys(body).length === 0 && !logoFile && !values['remove-logo']) throw new UsageError('accounts update needs at least one --<field> <value>, --logo <file> or --remove-logo');
    if (logoFile && values['remove-logo']) throw new UsageError('give --logo or --remove-logo, not both');
    // Checked before anything is written, so a bad field leaves the logo alone too.
    const { errors } = Object.keys(body).length > 0 ? checkAccountChanges(body) : { errors: [] };
    if (errors.length > 0) asInputError(new ProblemError('validation-failed', 'invalid', errors));
    if (logoFile) await putLogo(ctx, accountId, await readLogoFile(logoFile));
    if (values['remove-logo']) await removeLogo(ctx, accountId);
    return print(Object.keys(body).length > 0 ? await updateAccountDetails(ctx, accountId, body) : await getAccountDetails(ctx, accountId));
  } catch (error) {
    return asInputError(error);
  }
}
