import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { nowUtc } from '../../src/lib/time.js';
import { issueOfferAccessToken } from '../../src/offers/offer-access.js';
import type { TestAccount, TestServer } from '../helpers/server.js';

/** Helpers for the portal's offer pages: a drawn signature as the browser posts it, a link token, counts. */

/** A real PNG like signature_pad's: transparent, with two dark strokes; `seed` moves them so two drawings differ. */
export function drawnSignature(seed = 0): string {
  const png = new PNG({ width: 600, height: 200 });
  png.data.fill(0);
  const stroke = (from: [number, number], to: [number, number]) => {
    const steps = Math.max(Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1]));
    for (let s = 0; s <= steps; s += 1) {
      const x = Math.round(from[0] + ((to[0] - from[0]) * s) / steps);
      const y = Math.round(from[1] + ((to[1] - from[1]) * s) / steps);
      for (const dy of [-1, 0, 1]) png.data.set([17, 24, 39, 255], ((y + dy) * png.width + x) * 4);
    }
  };
  stroke([40 + seed, 150], [300, 40 + seed]);
  stroke([300, 40 + seed], [560 - seed, 160]);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

/** A link that opens one offer without signing in, as the offer email carries (`/portal/o/<token>`). */
export async function offerLinkPath(server: TestServer, account: TestAccount, offerId: string): Promise<string> {
  const token = await issueOfferAccessToken(server.runtime.ctx.db, { id: offerId, account_id: account.id }, nowUtc());
  return `/portal/o/${token}`;
}

/** Webhook events of one type recorded for an account (one row per event, written only when a record has that type). */
export async function eventCount(server: TestServer, accountId: string, type: string): Promise<number> {
  const row = await server.runtime.ctx.db.selectFrom('webhook_events').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', type).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Outbox rows of one kind for an account. */
export async function outboxCount(server: TestServer, accountId: string, kind: string): Promise<number> {
  const row = await server.runtime.ctx.db.selectFrom('notification_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', kind).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function subscribeToDecisions(account: TestAccount): Promise<void> {
  for (const type of ['offer-accepted', 'offer-rejected']) {
    const res = await account.json('POST', '/v1/webhooks', { url: `https://example.com/${type}`, type });
    assert.equal(res.status, 201, await res.text());
  }
}
