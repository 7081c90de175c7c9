import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock, type ManualClock } from '../helpers/clock.js';
import { expectProblem, fieldMessage } from '../helpers/problem.js';
import { samplePdf, startTestServer, storedFiles, type TestAccount, type TestServer } from '../helpers/server.js';
import { createOffer, recordedEvents, type OfferBody } from './offers.js';

describe('customer offers: PATCH, status, DELETE, PDF, list, webhooks, isolation', () => {
  let server: TestServer;
  let clock: ManualClock;
  let shop: TestAccount;
  let other: TestAccount;
  let customerId: string;

  before(async () => {
    // Noon on 2024-06-10 in Amsterdam: an offer expiring on 2024-06-10 is still open, one of 2024-06-09 expired.
    clock = manualClock(Date.parse('2024-06-10T10:00:00Z'));
    server = await startTestServer({}, { clock });
    shop = await server.account('Bakkerij de Vries');
    other = await server.account('Kapper Jansen');
    customerId = (await shop.createCustomer()).id;
    for (const type of ['offer-created', 'offer-accepted', 'offer-rejected', 'offer-deleted']) {
      assert.equal((await shop.json('POST', '/v1/webhooks', { url: `https://example.com/${type}`, type })).status, 201);
    }
  });
  after(() => server.close());

  const patch = (id: string, body: unknown, account = shop) => account.json('PATCH', `/v1/customer-offers/${id}`, body);

  it('accepts an open offer once (IP, User-Agent), fires offer-accepted with the resource; a second decision is 409', async () => {
    const offer = await createOffer(shop, customerId, { expiresAt: '2024-06-10' });
    assert.equal(offer.status, 'open');
    const res = await patch(offer.id, { acceptedAt: '2024-05-04 20:51:50', acceptedViaIp: '123.456.7.8.9', acceptedViaUserAgent: 'Mozilla/5.0 (X11; Linux x86_64)...' });
    assert.equal(res.status, 200, await res.clone().text());
    const accepted = (await res.json()) as OfferBody;
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.acceptedAt, '2024-05-04T20:51:50+02:00');
    assert.equal(accepted.acceptedViaIp, '123.456.7.8.9');
    assert.equal(accepted.acceptedViaUserAgent, 'Mozilla/5.0 (X11; Linux x86_64)...');
    assert.deepEqual(await (await shop.request(`/v1/customer-offers/${offer.id}`)).json(), accepted);

    const events = (await recordedEvents(server, shop.id)).filter((e) => e.data.id === offer.id);
    assert.deepEqual(events.map((e) => e.type), ['offer-created', 'offer-accepted']);
    assert.deepEqual(events[0]?.data, offer);
    assert.deepEqual(events[1]?.data, accepted);

    const again = await expectProblem(await patch(offer.id, { rejectedAt: '2024-05-05 10:00:00' }), 409, ['acceptedAt']);
    assert.match(again.detail, /already accepted/);
    await expectProblem(await patch(offer.id, { acceptedAt: '2024-05-05 10:00:00' }), 409);
    assert.equal((await recordedEvents(server, shop.id)).filter((e) => e.data.id === offer.id).length, 2, 'no event for a refused decision');
  });

  it('rejects an open offer (with an optional reason) and fires offer-rejected; then it stays rejected', async () => {
    const offer = await createOffer(shop, customerId);
    const res = await patch(offer.id, { rejectedAt: '2024-01-11 12:00:00', rejectionReason: 'Te duur' });
    assert.equal(res.status, 200, await res.clone().text());
    const rejected = (await res.json()) as OfferBody;
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectedAt, '2024-01-11T12:00:00+01:00');
    assert.equal(rejected.rejectionReason, 'Te duur');
    assert.equal(rejected.acceptedAt, null);
    const events = (await recordedEvents(server, shop.id)).filter((e) => e.data.id === offer.id);
    assert.deepEqual(events.map((e) => e.type), ['offer-created', 'offer-rejected']);
    await expectProblem(await patch(offer.id, { acceptedAt: '2024-01-12 12:00:00' }), 409, ['rejectedAt']);
  });

  it('two concurrent decisions: one 200, one 409', async () => {
    const offer = await createOffer(shop, customerId);
    const results = await Promise.all([patch(offer.id, { acceptedAt: '2024-05-04 20:51:50' }), patch(offer.id, { rejectedAt: '2024-05-04 20:51:51' })]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
  });

  it('refuses a body without a decision, with both, details without acceptedAt, bad dates and unknown fields: 422, nothing changed', async () => {
    const offer = await createOffer(shop, customerId);
    await expectProblem(await patch(offer.id, {}), 422, ['acceptedAt']);
    await expectProblem(await patch(offer.id, { acceptedAt: '2024-05-04 20:51:50', rejectedAt: '2024-05-04 20:51:50' }), 422, ['acceptedAt', 'rejectedAt']);
    await expectProblem(await patch(offer.id, { rejectedAt: '2024-05-04 20:51:50', acceptedViaIp: '1.2.3.4' }), 422, ['acceptedViaIp']);
    await expectProblem(await patch(offer.id, { acceptedAt: '2024-05-04 20:51:50', rejectionReason: 'x' }), 422, ['rejectionReason']);
    const bad = await expectProblem(await patch(offer.id, { acceptedAt: '2024-04-31 14:00:00' }), 422, ['acceptedAt']);
    assert.match(fieldMessage(bad, 'acceptedAt'), /2024-04-31|does not exist|valid/);
    await expectProblem(await patch(offer.id, { acceptedAt: 5, accepted: true }), 422, ['acceptedAt', 'accepted']);
    await expectProblem(await patch(offer.id, { acceptedAt: '2024-05-04 20:51:50', acceptedViaUserAgent: 'a\u0000b' }), 422, ['acceptedViaUserAgent']);
    const res = await shop.request(`/v1/customer-offers/${offer.id}`, { method: 'PATCH', body: '{', headers: { 'content-type': 'application/json' } });
    await expectProblem(res, 400);
    assert.equal(((await (await shop.request(`/v1/customer-offers/${offer.id}`)).json()) as OfferBody).status, 'open');
  });

  it('status expired: after expiresAt has passed in the account’s time zone; the business may still decide it', async () => {
    const lastDay = await createOffer(shop, customerId, { issuedAt: '2024-06-01', expiresAt: '2024-06-10' });
    const past = await createOffer(shop, customerId, { issuedAt: '2024-06-01', expiresAt: '2024-06-09' });
    assert.equal(lastDay.status, 'open');
    assert.equal(past.status, 'expired');
    // 22:30 UTC on 2024-06-10 is already 2024-06-11 in Amsterdam.
    clock.set(Date.parse('2024-06-10T22:30:00Z'));
    try {
      assert.equal(((await (await shop.request(`/v1/customer-offers/${lastDay.id}`)).json()) as OfferBody).status, 'expired');
      const accepted = await patch(past.id, { acceptedAt: '2024-06-08 09:00:00' });
      assert.equal(accepted.status, 200);
      assert.equal(((await accepted.json()) as OfferBody).status, 'accepted');
    } finally {
      clock.set(Date.parse('2024-06-10T10:00:00Z'));
    }
  });

  it('lists offers newest first in the envelope, filtered by customerId and status', async () => {
    const second = (await shop.createCustomer()).id;
    const open = await createOffer(shop, second);
    const expired = await createOffer(shop, second, { issuedAt: '2024-01-01', expiresAt: '2024-02-01' });
    const accepted = await createOffer(shop, second, { acceptedAt: '2024-05-11 12:59:00' });
    const rejected = await createOffer(shop, second, { rejectedAt: '2024-05-11 12:59:00' });
    const list = async (query: string) => {
      const res = await shop.request(`/v1/customer-offers?${query}`);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as { data: OfferBody[]; current_page: number; next_page_url: string | null; per_page: number; from: number | null; to: number | null };
    };
    const all = await list(`customerId=${second}`);
    assert.deepEqual(all.data.map((o) => o.id), [rejected.id, accepted.id, expired.id, open.id]);
    assert.equal(all.per_page, 15);
    assert.equal(all.from, 1);
    assert.equal(all.to, 4);
    for (const [status, offer] of [['open', open], ['expired', expired], ['accepted', accepted], ['rejected', rejected]] as const) {
      assert.deepEqual((await list(`customerId=${second}&status=${status}`)).data.map((o) => o.id), [offer.id], status);
    }
    const paged = await list(`customerId=${second}&per_page=2`);
    assert.equal(paged.data.length, 2);
    assert.ok(paged.next_page_url);
    const next = await shop.request(paged.next_page_url.replace(server.url, ''));
    assert.deepEqual(((await next.json()) as { data: OfferBody[] }).data.map((o) => o.id), [expired.id, open.id]);
    await expectProblem(await shop.request('/v1/customer-offers?status=pending'), 422, ['status']);
  });

  it('the PDF: a cloud-file link that serves the uploaded bytes without a key; Accept: application/pdf streams them', async () => {
    const bytes = samplePdf('offer-pdf');
    const offer = await createOffer(shop, customerId, { offerNumber: 'OFF/2024 é' }, bytes);
    const res = await shop.request(`/v1/customer-offers/${offer.id}/pdf`);
    assert.equal(res.status, 200);
    const cloud = (await res.json()) as { link: string; expiresAt: string };
    assert.match(cloud.expiresAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    const download = await fetch(cloud.link);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment/);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
    const direct = await shop.request(`/v1/customer-offers/${offer.id}/pdf`, { headers: { accept: 'application/pdf' } });
    assert.equal(direct.status, 200);
    assert.deepEqual(new Uint8Array(await direct.arrayBuffer()), bytes);
  });

  it('DELETE: 204, offer-deleted with the offer as it was, then 404; its PDF goes unless another row holds the bytes', async () => {
    const bytes = samplePdf('deleted-offer');
    const offer = await createOffer(shop, customerId, {}, bytes);
    const twin = await createOffer(shop, customerId, {}, bytes);
    const files = await storedFiles(server);
    assert.equal((await shop.request(`/v1/customer-offers/${offer.id}`, { method: 'DELETE' })).status, 204);
    await expectProblem(await shop.request(`/v1/customer-offers/${offer.id}`), 404);
    await expectProblem(await shop.request(`/v1/customer-offers/${offer.id}`, { method: 'DELETE' }), 404);
    const deleted = (await recordedEvents(server, shop.id)).filter((e) => e.type === 'offer-deleted');
    assert.deepEqual(deleted.at(-1)?.data, offer);
    assert.deepEqual(await storedFiles(server), files, 'the twin still references the bytes');
    assert.equal((await shop.request(`/v1/customer-offers/${twin.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await storedFiles(server)).length, files.length - 1, 'the last reference gone, the file goes');
  });

  it('a customer with offers is not deleted (409)', async () => {
    const lonely = (await shop.createCustomer()).id;
    const offer = await createOffer(shop, lonely);
    await expectProblem(await shop.request(`/v1/customers/${lonely}`, { method: 'DELETE' }), 409, ['id']);
    assert.equal((await shop.request(`/v1/customer-offers/${offer.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await shop.request(`/v1/customers/${lonely}`, { method: 'DELETE' })).status, 204);
  });

  it('isolation: another account gets 404 for every route of an offer, and its list holds none of ours', async () => {
    const offer = await createOffer(shop, customerId);
    await expectProblem(await other.request(`/v1/customer-offers/${offer.id}`), 404);
    await expectProblem(await other.request(`/v1/customer-offers/${offer.id}/pdf`), 404);
    await expectProblem(await patch(offer.id, { acceptedAt: '2024-05-04 20:51:50' }, other), 404);
    await expectProblem(await other.request(`/v1/customer-offers/${offer.id}`, { method: 'DELETE' }), 404);
    const list = (await (await other.request('/v1/customer-offers')).json()) as { data: OfferBody[] };
    assert.deepEqual(list.data, []);
    assert.equal(((await (await shop.request(`/v1/customer-offers/${offer.id}`)).json()) as OfferBody).status, 'open', 'untouched');
    await expectProblem(await shop.request('/v1/customer-offers/inv_abc12345def678'), 404);
  });
});
