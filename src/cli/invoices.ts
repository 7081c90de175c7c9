import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createClient } from '../client/index.js';
import { API_OPTIONS, apiConnection } from './api-config.js';
import { all, emit, invoiceLine, PAGE_OPTIONS, pageOf, pageText } from './output.js';
import { UsageError } from './errors.js';

const OPTIONS = {
  ...API_OPTIONS,
  customer: { type: 'string' },
  number: { type: 'string' },
  issued: { type: 'string' },
  amount: { type: 'string' },
  'paid-at': { type: 'string' },
  notify: { type: 'boolean' },
  'idempotency-key': { type: 'string' },
  paid: { type: 'string' },
  'issued-from': { type: 'string' },
  'issued-to': { type: 'string' },
  ...PAGE_OPTIONS,
  at: { type: 'string' },
  unpaid: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
} as const;

/** `klantportaal invoices upload|get|list|mark-paid|download`. */
export async function invoicesCommand(sub: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const json = values.json ?? false;
  const first = positionals[0];
  if (!['upload', 'get', 'list', 'mark-paid', 'download'].includes(sub ?? '')) throw new UsageError(`unknown invoices command "${sub ?? ''}"`);
  if (sub !== 'list' && !first) throw new UsageError(sub === 'upload' ? 'invoices upload needs the PDF file' : `invoices ${sub} needs an invoice id`);
  const arg = first ?? '';
  if (sub === 'upload' && (!values.customer || !values.number || !values.issued || !values.amount)) {
    throw new UsageError('invoices upload needs --customer, --number, --issued and --amount');
  }
  if (values.paid !== undefined && values.paid !== 'true' && values.paid !== 'false') throw new UsageError('--paid must be true or false');
  const client = createClient(apiConnection(values));

  switch (sub) {
    case 'upload': {
      const invoice = await client.invoices.create(
        {
          pdf: arg,
          customerId: values.customer ?? '',
          invoiceNumber: values.number ?? '',
          issuedAt: values.issued ?? '',
          amount: values.amount ?? '',
          ...(values['paid-at'] !== undefined ? { paidAt: values['paid-at'] } : {}),
          sendNotification: values.notify ?? false,
        },
        values['idempotency-key'] ? { idempotencyKey: values['idempotency-key'] } : {},
      );
      return emit(json, invoice, `Uploaded invoice ${invoiceLine(invoice)}`);
    }
    case 'get': {
      const invoice = await client.invoices.get(arg);
      return emit(json, invoice, invoiceLine(invoice));
    }
    case 'list': {
      const query = {
        customerId: values.customer,
        paid: values.paid as 'true' | 'false' | undefined,
        issuedFrom: values['issued-from'],
        issuedTo: values['issued-to'],
        invoiceNumber: values.number,
        ...pageOf(values),
      };
      if (values.all) {
        const invoices = await all(client.invoices.iterate(query));
        return emit(json, { data: invoices }, invoices.map(invoiceLine).join('\n') || 'No invoices.');
      }
      const page = await client.invoices.list(query);
      return emit(json, page, pageText(page, invoiceLine, 'No invoices.'));
    }
    case 'mark-paid': {
      const invoice = values.unpaid ? await client.invoices.markUnpaid(arg) : await client.invoices.markPaid(arg, values.at);
      return emit(json, invoice, `${values.unpaid ? 'Marked unpaid' : 'Marked paid'}: ${invoiceLine(invoice)}`);
    }
    default: {
      const download = await client.invoices.downloadPdf(arg);
      const target = values.output ?? download.filename ?? `${arg}.pdf`;
      if (target === '-') {
        for await (const chunk of download.stream) process.stdout.write(chunk as Buffer);
        return;
      }
      // wx: never overwrite a file the user already has.
      await pipeline(download.stream, createWriteStream(target, { flags: values.output ? 'w' : 'wx' }));
      return emit(json, { id: arg, file: path.resolve(target), sha256: download.sha256, size: download.size }, `Saved ${target} (${download.size ?? '?'} bytes).`);
    }
  }
}
