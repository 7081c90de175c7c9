import fs from 'node:fs/promises';
import path from 'node:path';
import { createAccount } from '../accounts/account.service.js';
import { countAccounts } from '../accounts/account.repository.js';
import { createCustomer } from '../customers/customer.service.js';
import type { Runtime } from '../runtime.js';

/** A one-page PDF, small enough to keep here, so the printed curl command works on a fresh machine. */
function examplePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const text = 'BT /F1 24 Tf 72 760 Td (Factuur 2024-001 - EUR 12,95) Tj ET';
  objects[3] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * On an empty database: a demo account with one customer, an example PDF under DATA_DIR, and the text to print:
 * the API key (shown only now; only its hash is kept) and a curl command modelled on the published example.
 */
export async function ensureDemo(runtime: Runtime): Promise<string | null> {
  const { ctx } = runtime;
  if ((await countAccounts(ctx.db)) > 0) return null;
  const { account, apiKey } = await createAccount(ctx.db, { name: 'Demo Bakkerij B.V.' });
  const customer = await createCustomer(
    ctx,
    { accountId: account.id, accountName: account.name, timeZone: account.timeZone },
    {
      companyName: 'Jansen Installatietechniek',
      address: 'Industrieweg 12',
      zipCode: '3542AD',
      city: 'Utrecht',
      countryCode: 'NL',
      primaryEmail: 'administratie@jansen.example',
      integrationId: 'DEB-10042',
      locale: 'nl',
    },
  );
  const pdfPath = path.join(ctx.config.dataDir, 'example-invoice.pdf');
  await fs.writeFile(pdfPath, examplePdf());
  const curl = [
    'curl --request POST',
    `  --url ${ctx.config.publicBaseUrl}/v1/customer-invoices`,
    `  --header ${quote(`Authorization: Bearer ${apiKey}`)}`,
    `  --form customerId=${customer.id}`,
    '  --form invoiceNumber=2024-001',
    '  --form issuedAt=2024-04-30',
    `  --form ${quote('paidAt=2024-05-11 12:59:00')}`,
    '  --form amount=12.95',
    '  --form sendNotification=true',
    `  --form ${quote(`pdf=@${pdfPath}`)}`,
  ].join(' \\\n');
  return [
    '',
    `Created a demo account "${account.name}" (${account.id}).`,
    `  API key (shown once, only its hash is stored): ${apiKey}`,
    `  Demo customer: ${customer.id}`,
    '',
    'Create a customer invoice:',
    '',
    curl,
    '',
  ].join('\n');
}
