import assert from 'node:assert/strict';
import type { TestAccount, TestServer } from '../helpers/server.js';
import { samplePdf } from '../helpers/server.js';

/** Test helpers for customer offers: the multipart create, a valid form, the recorded webhook events. */

export interface OfferBody {
  id: string;
  customerId: string;
  offerNumber: string;
  issuedAt: string;
  expiresAt: string;
  currency: string;
  amount: string;
  acceptedAt: string | null;
  acceptedViaIp: string | null;
  acceptedViaUserAgent: string | null;
  acceptanceSignature: string | null;
  /** Extensions: how the customer signed in the portal, and the name they signed with. */
  acceptanceSignatureType: 'drawn' | 'typed' | null;
  acceptedByName: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  status: 'open' | 'accepted' | 'rejected' | 'expired';
  createdAt: string;
  links: Record<'self' | 'customer' | 'pdf', { href: string; type: string }>;
}

export function postOffer(account: TestAccount, fields: Record<string, string>, pdf: Uint8Array | null = samplePdf(), headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (pdf) form.append('pdf', new Blob([pdf], { type: 'application/pdf' }), 'offer.pdf');
  return account.request('/v1/customer-offers', { method: 'POST', body: form, headers });
}

/** A valid create form for one customer that stays open for years; override what a test is about. */
export function validOffer(customerId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    customerId,
    offerNumber: `O-${Math.random().toString(36).slice(2, 10)}`,
    issuedAt: '2024-04-30',
    expiresAt: '2099-12-31',
    amount: '12.95',
    ...overrides,
  };
}

export async function createOffer(account: TestAccount, customerId: string, overrides: Record<string, string> = {}, pdf?: Uint8Array): Promise<OfferBody> {
  const res = await postOffer(account, validOffer(customerId, overrides), pdf ?? samplePdf());
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as OfferBody;
}

/** The webhook events recorded for an account (type and data), oldest first. */
export async function recordedEvents(server: TestServer, accountId: string): Promise<{ type: string; data: OfferBody }[]> {
  const rows = await server.runtime.ctx.db.selectFrom('webhook_events').select(['type', 'payload', 'created_at', 'id']).where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => {
    const body = JSON.parse(row.payload) as { type: string; data: OfferBody };
    return { type: body.type, data: body.data };
  });
}

export async function offerCount(server: TestServer): Promise<number> {
  const row = await server.runtime.ctx.db.selectFrom('customer_offers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
