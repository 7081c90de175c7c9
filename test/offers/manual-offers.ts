import assert from 'node:assert/strict';
import type { InvoiceLineOut, ManualInvoice } from '../helpers/manual.js';
import type { TestAccount } from '../helpers/server.js';
import type { OfferBody } from './offers.js';

/** Test helpers for manual offers (lines) and their conversion into invoices. */

export interface ManualOffer extends OfferBody {
  lines: InvoiceLineOut[];
  subtotalAmount: string | null;
  vatAmount: string | null;
  invoiceId: string | null;
  links: OfferBody['links'] & { invoice?: { href: string; type: string } };
}

/** The published example of `POST /v1/customer-offers/manual` (reference 3.7) with a real date, for `customerId`. */
export function manualOfferBody(customerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId,
    offerNumber: `MO-${Math.random().toString(36).slice(2, 10)}`,
    issuedAt: '2025-04-14',
    expiresAt: '2099-04-30',
    sendNotification: false,
    lines: [{ description: 'Website template', amountExclVat: '12.95', vatRate: 21 }],
    ...overrides,
  };
}

export function postManualOffer(account: TestAccount, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return account.request('/v1/customer-offers/manual', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

export async function createManualOffer(account: TestAccount, customerId: string, overrides: Record<string, unknown> = {}): Promise<ManualOffer> {
  const res = await postManualOffer(account, manualOfferBody(customerId, overrides));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ManualOffer;
}

export function postConversion(account: TestAccount, offerId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return account.request(`/v1/customer-offers/${offerId}/invoice`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

export async function acceptOffer(account: TestAccount, offerId: string): Promise<void> {
  const res = await account.json('PATCH', `/v1/customer-offers/${offerId}`, { acceptedAt: '2025-04-20 10:00:00', acceptedViaIp: '203.0.113.7' });
  assert.equal(res.status, 200, await res.clone().text());
}

export async function convert(account: TestAccount, offerId: string, body: Record<string, unknown>): Promise<ManualInvoice> {
  const res = await postConversion(account, offerId, body);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ManualInvoice;
}

/** The offer's PDF through its cloud-file link. */
export async function offerPdfBytes(account: TestAccount, offerId: string): Promise<Uint8Array> {
  const res = await account.request(`/v1/customer-offers/${offerId}/pdf`);
  assert.equal(res.status, 200, await res.clone().text());
  const { link } = (await res.json()) as { link: string };
  const pdf = await fetch(link);
  assert.equal(pdf.status, 200);
  return new Uint8Array(await pdf.arrayBuffer());
}
