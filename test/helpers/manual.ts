import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import type { TestAccount } from './server.js';

/** What a Dutch invoice needs of the business (PATCH /v1/account), plus an IBAN for the QR code. */
export const INVOICE_DETAILS = {
  address: 'Prinsengracht 263',
  zipCode: '1016 GV',
  city: 'Amsterdam',
  kvkNumber: '12345678',
  vatNumber: 'NL123456789B01',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  paymentTermDays: 14,
} as const;

export async function withInvoiceDetails(account: TestAccount, details: Record<string, unknown> = INVOICE_DETAILS): Promise<void> {
  const res = await account.json('PATCH', '/v1/account', details);
  assert.equal(res.status, 200, await res.clone().text());
}

/** The published example of `POST /v1/customer-invoices/manual` (reference 3.1), for `customerId`. */
export function manualBody(customerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId,
    invoiceNumber: `M-${Math.random().toString(36).slice(2, 10)}`,
    issuedAt: '2025-04-14',
    sendNotification: false,
    lines: [{ description: 'Website template', amountExclVat: '12.95', vatRate: 21 }],
    ...overrides,
  };
}

export interface InvoiceLineOut {
  description: string;
  quantity: string;
  amountExclVat: string;
  vatRate: number;
  totalExclVat: string;
  vatAmount: string;
  amountInclVat: string;
}

export interface ManualInvoice {
  id: string;
  customerId: string;
  invoiceNumber: string;
  issuedAt: string;
  amount: string;
  paidAt: string | null;
  lines: InvoiceLineOut[];
  subtotalAmount: string | null;
  vatAmount: string | null;
  dueAt: string | null;
  deliveredAt: string | null;
  reference: string | null;
  creditedInvoiceId: string | null;
  notification: { status: string } | null;
  links: Record<string, { href: string; type: string }>;
  [field: string]: unknown;
}

export async function createManual(account: TestAccount, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return account.request('/v1/customer-invoices/manual', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

/** The text of every page of a PDF, white space runs (the no-break space of `€ 12,95` too) as one space. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
