import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { KlantportaalApiError, type KlantportaalClient } from '../../client/index.js';
import type { ImportRow } from './import-row.js';

export type Outcome = { status: 'created' } | { status: 'existing' } | { status: 'failed'; reason: string };

export interface ImportOptions {
  pdfDir: string;
  notify: boolean;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Read in chunks: a run of large PDFs never holds one whole in memory. */
async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The Idempotency-Key of a row: the invoice number (readable in the server's logs) and a hash of everything the
 * row says plus the PDF's bytes, and nothing of the account or the run. A rerun of the same file sends the same
 * keys, so what the first run created is replayed, not created again; a changed row gets a new key.
 */
export function rowKey(row: ImportRow, pdfSha256: string, notify: boolean): string {
  const content = sha256(JSON.stringify([row.customerReference, row.invoiceNumber, row.issuedAt, row.amount, row.paidAt, notify, pdfSha256]));
  const number = encodeURIComponent(row.invoiceNumber);
  return `import:${number.length <= 80 ? number : sha256(row.invoiceNumber).slice(0, 16)}:${content}`;
}

/** The PDF's path inside --pdf-dir; a name that climbs out of it (`../x.pdf`, an absolute path) is refused. */
function pdfPath(dir: string, name: string): string | null {
  const resolved = path.resolve(dir, name);
  return resolved.startsWith(path.resolve(dir) + path.sep) ? resolved : null;
}

function reasonOf(error: unknown): string {
  if (error instanceof KlantportaalApiError) return `${error.status} ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Imports rows through the client: finds or creates each customer once, then uploads the invoice. */
export function createImporter(client: KlantportaalClient, options: ImportOptions) {
  const customers = new Map<string, Promise<string>>();

  /** The customer whose integrationId is the row's customer number (and has no integration: ours, as migrated references). */
  async function findCustomer(integrationId: string): Promise<string | undefined> {
    const found = await client.customers.list({ integrationId, per_page: 250 });
    return found.data.find((customer) => customer.integration === null)?.id;
  }

  async function findOrCreateCustomer(row: ImportRow): Promise<string> {
    const existing = await findCustomer(row.customerReference);
    if (existing) return existing;
    const needed = { name: row.customerName, email: row.customerEmail, address: row.customerAddress, 'zip code': row.customerZipCode, city: row.customerCity };
    const missing = Object.entries(needed).filter(([, value]) => !value).map(([name]) => name);
    if (missing.length) throw new Error(`customer "${row.customerReference}" does not exist and the row has no ${missing.join(', ')} to create it`);
    const input = {
      companyName: row.customerName,
      primaryEmail: row.customerEmail,
      address: row.customerAddress,
      zipCode: row.customerZipCode,
      city: row.customerCity,
      ...(row.customerCountryCode ? { countryCode: row.customerCountryCode } : {}),
      integrationId: row.customerReference,
    };
    const key = `import-customer:${sha256(JSON.stringify(input))}`;
    try {
      return (await client.customers.create(input, { idempotencyKey: key })).id;
    } catch (error) {
      // Someone else created it in between: use theirs.
      if (error instanceof KlantportaalApiError && error.status === 409) {
        const again = await findCustomer(row.customerReference);
        if (again) return again;
      }
      throw new Error(`customer "${row.customerReference}": ${reasonOf(error)}`);
    }
  }

  /** One lookup per reference for the whole run, shared by rows uploading at the same time. */
  function customerId(row: ImportRow): Promise<string> {
    let pending = customers.get(row.customerReference);
    if (!pending) {
      pending = findOrCreateCustomer(row);
      customers.set(row.customerReference, pending);
    }
    return pending;
  }

  /** A taken number is "already imported" when that invoice is this row: same customer, date, amount, paid date and PDF. */
  async function matchesExisting(row: ImportRow, customer: string, pdfSha256: string): Promise<boolean> {
    const page = await client.invoices.list({ invoiceNumber: row.invoiceNumber, per_page: 1 });
    const existing = page.data[0];
    if (!existing) return false;
    const paidDate = existing.paidAt?.slice(0, 10) ?? null;
    if (existing.customerId !== customer || existing.issuedAt !== row.issuedAt || existing.amount !== row.amount || paidDate !== (row.paidAt?.slice(0, 10) ?? null)) return false;
    const download = await client.invoices.downloadPdf(existing.id);
    download.stream.destroy();
    return download.sha256 === pdfSha256;
  }

  return async function importRow(row: ImportRow): Promise<Outcome> {
    const file = pdfPath(options.pdfDir, row.pdf);
    if (!file) return { status: 'failed', reason: `pdf "${row.pdf}" is not a file inside --pdf-dir` };
    let pdfSha256: string;
    try {
      pdfSha256 = await fileSha256(file);
    } catch (error) {
      return { status: 'failed', reason: `pdf "${row.pdf}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file in --pdf-dir' : reasonOf(error)}` };
    }
    let customer: string;
    try {
      customer = await customerId(row);
    } catch (error) {
      return { status: 'failed', reason: reasonOf(error) };
    }
    try {
      const created = await client.invoices.createDetailed(
        {
          customerId: customer,
          invoiceNumber: row.invoiceNumber,
          issuedAt: row.issuedAt,
          amount: row.amount,
          ...(row.paidAt ? { paidAt: row.paidAt } : {}),
          sendNotification: options.notify,
          pdf: file,
          filename: path.basename(file),
        },
        { idempotencyKey: rowKey(row, pdfSha256, options.notify) },
      );
      return { status: created.replayed ? 'existing' : 'created' };
    } catch (error) {
      const duplicate = error instanceof KlantportaalApiError && error.status === 409 && error.problem.errors?.[0]?.field === 'invoiceNumber';
      if (duplicate) {
        try {
          if (await matchesExisting(row, customer, pdfSha256)) return { status: 'existing' };
        } catch (lookup) {
          return { status: 'failed', reason: `invoice number taken; checking it failed: ${reasonOf(lookup)}` };
        }
        return { status: 'failed', reason: `invoice number "${row.invoiceNumber}" already exists with other data` };
      }
      return { status: 'failed', reason: reasonOf(error) };
    }
  };
}
