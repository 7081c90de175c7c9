import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { Browser, csrfOf, requestLink, rows, signIn, signInLinks, text } from '../helpers/portal.js';
import { startTestServer, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, until, type TestSmtp } from '../helpers/smtp.js';

const ago = (duration: Temporal.DurationLike) => Temporal.Now.instant().subtract(duration).toString({ smallestUnit: 'millisecond' });

describe('portal sign-in by magic link (RELIABILITY.md M1–M9)', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;
  let customerCount = 0;

  before(async () => {
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Bakkerij <b>de Vries</b>');
  });
  after(async () => {
    await server.close();
    await smtp.stop();
  });

  async function customer(locale = 'nl'): Promise<string> {
    customerCount += 1;
    const email = `portal${customerCount}@example.com`;
    await shop.createCustomer({ primaryEmail: email, locale });
    return email;
  }
  const signInPath = () => `/portal/sign-in/${shop.id}`;
  const db = () => server.runtime.ctx.db;

  it('M1: emails a 256-bit link whose token is stored only as its SHA-256', async () => {
    const email = await customer();
    const link = await requestLink(new Browser(server.url), smtp, shop.id, email);
    assert(link.startsWith(`${server.url}/portal/link/`));
    const token = link.split('/').pop() ?? '';
    assert.equal(Buffer.from(token, 'base64url').length, 32, '256 bits');
    const stored = await db().selectFrom('portal_sign_in_tokens').selectAll().execute();
    assert(stored.some((r) => r.token_hash === createHash('sha256').update(token).digest('hex')));
    const everything = JSON.stringify([stored, await db().selectFrom('notification_outbox').selectAll().execute()]);
    assert(!everything.includes(token), 'the raw token is nowhere in the database');
  });

  it('M4: three GETs do not use the link up; the POST signs in and answers 303 to a token-free URL', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    const link = new URL(await requestLink(browser, smtp, shop.id, email));
    for (let i = 0; i < 3; i += 1) {
      const page = await browser.page(link.pathname);
      assert.equal(page.status, 200);
      assert.equal(page.res.headers['referrer-policy'], 'no-referrer');
      assert.match(page.html, /<button type="submit">Inloggen<\/button>/);
    }
    const { html } = await browser.page(link.pathname);
    const res = await browser.request(link.pathname, { form: { csrf: csrfOf(html) } });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `${server.url}/portal/invoices`);
    const cookie = browser.setCookies.find((c) => c.startsWith('kp_session='));
    assert(cookie, 'a session cookie');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'plain http here');
    const list = await browser.page('/portal/invoices');
    assert.equal(list.status, 200);
    assert.match(list.html, /Bakkerij &lt;b&gt;de Vries&lt;\/b&gt;/, 'the business name on the page, escaped');
    // The link is used up.
    const again = await browser.request(link.pathname, { form: { csrf: csrfOf(html) } });
    assert.equal(again.status, 410);
  });

  it('M2: a link past its 15 minutes shows "expired" and creates no session', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    const link = new URL(await requestLink(browser, smtp, shop.id, email));
    const hash = createHash('sha256').update(link.pathname.split('/').pop() ?? '').digest('hex');
    const row = await db().selectFrom('portal_sign_in_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirstOrThrow();
    assert.equal(Temporal.Instant.from(row.expires_at).since(Temporal.Instant.from(row.created_at)).total('minutes'), 15);
    // 15 minutes and 1 second after it was made.
    await db().updateTable('portal_sign_in_tokens').set({ expires_at: ago({ seconds: 1 }), created_at: ago({ minutes: 15, seconds: 1 }) }).where('token_hash', '=', hash).execute();
    const sessions = await rows(server, 'portal_sessions');
    const page = await browser.page(link.pathname);
    assert.equal(page.status, 410);
    assert.match(page.html, /verlopen of al gebruikt/);
    const res = await browser.request(link.pathname, { form: { csrf: csrfOf(await (await browser.page(signInPath())).html) } });
    assert.equal(res.status, 410);
    assert.equal(await rows(server, 'portal_sessions'), sessions, 'no session');
  });

  it('M3: ten parallel POSTs of one link make exactly one session', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    const link = new URL(await requestLink(browser, smtp, shop.id, email));
    const csrf = csrfOf((await browser.page(link.pathname)).html);
    const sessions = await rows(server, 'portal_sessions');
    const results = await Promise.all(Array.from({ length: 10 }, () => browser.request(link.pathname, { form: { csrf } })));
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 410, 410, 410, 410, 410, 410, 410, 410, 410]);
    assert.equal(await rows(server, 'portal_sessions'), sessions + 1);
  });

  it('M5: a known and an unknown address get byte-identical answers', async () => {
    const known = await customer();
    const browser = new Browser(server.url);
    const form = (await browser.page(signInPath())).html;
    const csrf = csrfOf(form);
    const answer = async (email: string) => {
      const res = await browser.request(signInPath(), { form: { csrf, email } });
      const { date: _date, 'x-request-id': _id, ...headers } = res.headers;
      return { status: res.status, headers, body: text(res) };
    };
    const a = await answer(known);
    const b = await answer('nobody-here@example.com');
    assert.equal(a.status, 200);
    assert.deepEqual(a, b);
    assert.doesNotMatch(a.body, /portal\d+@example\.com|nobody-here/, 'the address is not echoed');
    // Only the known address gets mail; the unknown one ends in the outbox as failed.
    await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes(known)));
    await until(async () =>
      (await db().selectFrom('notification_outbox').select('status').where('recipient', '=', 'nobody-here@example.com').executeTakeFirst())?.status === 'failed' ? true : null,
    );
    assert(!smtp.received.some((m) => m.recipients.includes('nobody-here@example.com')));
  });

  it('M6: a request with Host: evil.example still gets a link on PUBLIC_BASE_URL', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    const csrf = csrfOf((await browser.page(signInPath(), { host: 'evil.example' })).html);
    const res = await browser.request(signInPath(), { form: { csrf, email }, headers: { host: 'evil.example' } });
    assert.equal(res.status, 200);
    const [mail] = (await smtp.waitForDelivered((all) => all.some((m) => m.recipients.includes(email)))).filter((m) => m.recipients.includes(email));
    assert(mail);
    const links = signInLinks(mail);
    assert.equal(links.length, 1);
    assert(links[0]?.startsWith(`${server.url}/portal/link/`), links[0]);
    assert(!String(mail.parsed.html).includes('evil.example'));
  });

  it('M7: the session id rotates at sign-in, sign-out deletes the row, 30 min idle and 12 h total end it', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    await signIn(browser, smtp, shop.id, email);
    const first = browser.cookies.get('kp_session');
    await signIn(browser, smtp, shop.id, email);
    const second = browser.cookies.get('kp_session');
    assert(first && second && first !== second, 'a new id at each sign-in');
    const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');
    assert.equal(await db().selectFrom('portal_sessions').select('id_hash').where('id_hash', '=', hashOf(first)).executeTakeFirst(), undefined, 'the old session is gone');

    // Idle: last request 31 minutes ago.
    await db().updateTable('portal_sessions').set({ last_seen_at: ago({ minutes: 31 }) }).where('id_hash', '=', hashOf(second)).execute();
    let res = await browser.request('/portal/invoices');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `${server.url}/portal/sign-in/${shop.id}?notice=expired`);
    assert.equal(await db().selectFrom('portal_sessions').select('id_hash').where('id_hash', '=', hashOf(second)).executeTakeFirst(), undefined);

    // Absolute: signed in 12 h ago, active a second ago.
    await signIn(browser, smtp, shop.id, email);
    const third = browser.cookies.get('kp_session') ?? '';
    await db().updateTable('portal_sessions').set({ created_at: ago({ hours: 12, seconds: 1 }), last_seen_at: ago({ seconds: 1 }) }).where('id_hash', '=', hashOf(third)).execute();
    res = await browser.request('/portal/invoices');
    assert.equal(res.status, 303);

    // Sign-out deletes the row; the old cookie then opens nothing.
    await signIn(browser, smtp, shop.id, email);
    const fourth = browser.cookies.get('kp_session') ?? '';
    res = await browser.submit('/portal/invoices', '/portal/sign-out');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `${server.url}/portal/sign-in/${shop.id}?notice=signed-out`);
    assert.equal(await db().selectFrom('portal_sessions').select('id_hash').where('id_hash', '=', hashOf(fourth)).executeTakeFirst(), undefined);
    browser.cookies.set('kp_session', fourth);
    assert.equal((await browser.request('/portal/invoices')).status, 401);
  });

  it('M7: behind https the cookies are __Host- and Secure', async () => {
    const https = await startTestServer({ PUBLIC_BASE_URL: 'https://portal.example' });
    try {
      const account = await https.account();
      const browser = new Browser(https.url);
      const page = await browser.page(`/portal/sign-in/${account.id}`);
      assert.equal(page.status, 200);
      const cookie = browser.setCookies.find((c) => c.startsWith('__Host-kp_csrf='));
      assert(cookie, browser.setCookies.join('\n'));
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; Path=\//);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /Domain=/i);
    } finally {
      await https.close();
    }
  });

  it('M8: a missing or foreign CSRF token gets 403 and changes nothing', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    const stranger = new Browser(server.url);
    const foreign = csrfOf((await stranger.page(signInPath())).html);
    await browser.page(signInPath());
    const outbox = await rows(server, 'notification_outbox');
    for (const form of [{ email }, { email, csrf: foreign }, { email, csrf: '' }] as Record<string, string>[]) {
      const res = await browser.request(signInPath(), { form });
      assert.equal(res.status, 403);
      assert.match(text(res), /Formulier verlopen/);
    }
    assert.equal(await rows(server, 'notification_outbox'), outbox, 'no email queued');

    // The link's button, sign-out and the ZIP form check it too.
    const link = new URL(await requestLink(browser, smtp, shop.id, email));
    assert.equal((await browser.request(link.pathname, { form: { csrf: foreign } })).status, 403);
    assert.equal((await browser.page(link.pathname)).status, 200, 'the link still works');
    await browser.submit(link.pathname, link.pathname);
    const sessions = await rows(server, 'portal_sessions');
    assert.equal((await browser.request('/portal/sign-out', { form: { csrf: foreign } })).status, 403);
    assert.equal((await browser.request('/portal/invoices.zip', { form: { from: '2000-01-01', to: '2100-01-01' } })).status, 403);
    assert.equal(await rows(server, 'portal_sessions'), sessions, 'still signed in');
    assert.equal((await browser.page('/portal/invoices')).status, 200);
  });

  it('M9: at most five sign-in emails per address per hour, with the same page every time', async () => {
    const email = await customer();
    const browser = new Browser(server.url);
    const csrf = csrfOf((await browser.page(signInPath())).html);
    const pages = new Set<string>();
    for (let i = 0; i < 7; i += 1) {
      const res = await browser.request(signInPath(), { form: { csrf, email: i % 2 ? email.toUpperCase() : email } });
      assert.equal(res.status, 200);
      pages.add(text(res));
    }
    assert.equal(pages.size, 1);
    const queued = await db().selectFrom('notification_outbox').select('id').where('recipient', '=', email).execute();
    assert.equal(queued.length, 5);
    await smtp.waitForDelivered((all) => all.filter((m) => m.recipients.includes(email)).length === 5);
  });

  it('an address that is not an address gets the form back with a message, and nothing is queued', async () => {
    const browser = new Browser(server.url);
    const outbox = await rows(server, 'notification_outbox');
    const res = await browser.submit(signInPath(), signInPath(), { email: '"><script>alert(1)</script>' });
    assert.equal(res.status, 422);
    assert.doesNotMatch(text(res), /<script>alert/);
    assert.match(text(res), /&quot;&gt;&lt;script&gt;/);
    assert.equal(await rows(server, 'notification_outbox'), outbox);
  });

  it('an unknown business or link is a 404 page', async () => {
    const browser = new Browser(server.url);
    assert.equal((await browser.page('/portal/sign-in/acc_zzzzzzzzzzzzzz')).status, 404);
    assert.equal((await browser.page('/portal/link/nope')).status, 404);
    assert.equal((await browser.page('/portal/invoices')).status, 401);
  });
});
