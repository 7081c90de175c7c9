import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { assetUrl } from '../../src/pages/assets.js';
import { signatureField } from '../../src/pages/signature-field.js';
import { checkSignature, type CheckedSignature } from '../../src/pages/signature.rules.js';
import { checkPage, painted, SCREENSHOTS } from '../helpers/accessibility.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/server.js';

/**
 * The signature field in real Chromium, with the scripts as the app serves them. No page uses the field yet and
 * src/ has no test-only routes, so the test opens a portal page (its origin and its CSP: scripts from 'self' only)
 * and writes a form with the field into it; the form's POST is answered by the test (page.route) and its fields
 * go through checkSignature, as the route that mounts the field will do.
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const required = process.env.CI === 'true' || process.env.KLANTPORTAAL_TEST_REQUIRE_POSTGRES === '1';
const missing = !fs.existsSync(CHROMIUM);
const PROBE = '/portal/signature-probe';

function formPage(lang: 'nl' | 'en'): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handtekening · test</title><link rel="stylesheet" href="/portal/style.css"></head>
<body><main id="main"><h1>Offerte accepteren</h1>
<form method="post" action="${PROBE}">${signatureField({ lang }).value}
<p><button type="submit">Akkoord</button></p></form>
<script>window.inlineRan = true;</script>
</main></body></html>`;
}

describe('the signature field in Chromium', { skip: missing && !required ? `${CHROMIUM} is missing` : false }, () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const offsite: string[] = [];
  let posted: URLSearchParams[] = [];

  before(async () => {
    assert(!missing, `${CHROMIUM} is missing; CI installs it (apt-get install -y chromium)`);
    server = await startTestServer();
    profile = await tempDir('kp-chromium-');
    // Twice the pixels per CSS pixel, like a phone: the drawing must come out at the canvas's device size.
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL' });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' && url.pathname === PROBE) {
        posted.push(new URLSearchParams(route.request().postData() ?? ''));
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="nl"><title>ontvangen</title><main><h1>Ontvangen</h1></main></html>' });
      }
      if (url.hostname === '127.0.0.1' || !/^(https?|wss?|ftp):$/.test(url.protocol)) return route.continue();
      offsite.push(url.href);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
  });
  after(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await server?.close();
  });

  /** A portal page (for its origin and CSP) with the form written into it, the scripts loaded and bound. */
  async function openForm(lang: 'nl' | 'en' = 'nl'): Promise<void> {
    posted = [];
    const loaded = Promise.all([assetUrl('signature_pad.umd.min.js'), assetUrl('signature-field.js')].map((src) => page.waitForResponse((r) => r.url() === `${server.url}${src}`)));
    assert.equal((await page.goto(`${server.url}/portal/signature-field`))?.status(), 404);
    await page.setContent(formPage(lang));
    for (const response of await loaded) assert.equal(response.status(), 200);
    await page.locator('canvas[data-signature-canvas]').waitFor({ state: 'visible' });
  }

  async function submit(): Promise<CheckedSignature> {
    await Promise.all([page.waitForURL(`**${PROBE}`), page.getByRole('button', { name: 'Akkoord' }).click()]);
    assert.equal(posted.length, 1, 'one POST');
    const form = posted[0] as URLSearchParams;
    return checkSignature({ signature: form.get('signature') ?? undefined, signatureName: form.get('signatureName') ?? undefined });
  }

  async function canvasBox() {
    const box = await page.locator('canvas[data-signature-canvas]').boundingBox();
    assert(box);
    return box;
  }

  it('serves its scripts from our origin: hashed and immutable, or plain with an ETag', async () => {
    for (const name of ['signature_pad.umd.min.js', 'signature-field.js'] as const) {
      const res = await fetch(`${server.url}${assetUrl(name)}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const body = await res.text();
      const plain = await fetch(`${server.url}/assets/${name}`);
      assert.equal(plain.headers.get('cache-control'), 'public, no-cache');
      assert.equal(await plain.text(), body);
      const etag = plain.headers.get('etag') ?? '';
      assert.match(etag, /^"[0-9a-f]{16}"$/);
      assert.ok(assetUrl(name).includes(etag.slice(1, -1)), 'the URL carries the same version');
      assert.equal((await fetch(`${server.url}/assets/${name}`, { headers: { 'if-none-match': etag } })).status, 304);
    }
    assert.equal(fs.readFileSync('node_modules/signature_pad/dist/signature_pad.umd.min.js', 'utf8'), await (await fetch(`${server.url}${assetUrl('signature_pad.umd.min.js')}`)).text());
    for (const unknown of ['/assets/signature-field.0000000000000000.js', '/assets/..%2Fpackage.json', '/assets/signature_pad.js']) {
      const res = await fetch(`${server.url}${unknown}`);
      assert.equal(res.status, 404, unknown);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
  });

  it('draws with the mouse at twice the pixel density, keeps the strokes when resized, and posts a PNG the rules accept', async () => {
    await openForm();
    assert.equal(await page.evaluate('window.inlineRan === true'), false, 'the CSP still holds: no inline script ran');
    await checkPage(page, 'signature-field');
    const box = await canvasBox();
    await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 30 + i * ((box.width - 60) / 20), box.y + box.height * (0.7 - 0.4 * Math.sin((i / 20) * Math.PI)));
    await page.mouse.up();
    await page.getByText('Handtekening getekend.').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'signature-field-drawn.png') });
    // Turning the phone: the canvas gets a new size and the drawing stays.
    await page.setViewportSize({ width: 375, height: 812 });
    await painted(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await painted(page);
    const width = await canvasBox().then((b) => b.width);
    const checked = await submit();
    assert(checked.ok && checked.type === 'drawn', JSON.stringify(checked));
    assert.equal(checked.width, Math.round(width * 2), 'the PNG is as wide as the canvas in device pixels');
    assert.equal(checked.name, null);
    assert.deepEqual(offsite, []);
  });

  it('clears: an emptied canvas posts nothing, which the rules refuse', async () => {
    await openForm();
    const box = await canvasBox();
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 100, { steps: 10 });
    await page.mouse.up();
    await page.getByText('Handtekening getekend.').waitFor();
    await page.getByRole('button', { name: 'Handtekening wissen' }).click();
    await page.getByText('Nog geen handtekening getekend.').waitFor();
    assert.deepEqual(await submit(), { ok: false, field: 'signature', problem: 'missing' });
    assert.equal(posted[0]?.get('signature'), '');
  });

  it('draws with a finger (touch events through the DevTools protocol)', async () => {
    await openForm();
    const box = await canvasBox();
    const cdp: CDPSession = await context.newCDPSession(page);
    const point = (i: number) => ({ x: box.x + 30 + i * 12, y: box.y + box.height / 2 + 30 * Math.sin(i / 3) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(0)] });
    for (let i = 1; i <= 25; i += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(i)] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await page.getByText('Handtekening getekend.').waitFor();
    const checked = await submit();
    assert(checked.ok && checked.type === 'drawn', JSON.stringify(checked));
  });

  it('signs with the keyboard alone: Tab to the name, type it, Enter', async () => {
    await openForm('en');
    const focused = () => page.evaluate('document.activeElement && document.activeElement.name') as Promise<string | null>;
    for (let i = 0; i < 10 && (await focused()) !== 'signatureName'; i += 1) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'signatureName', 'the typed name is reachable with Tab');
    assert.equal(await page.getByLabel('Or type your full name').count(), 1);
    await page.keyboard.type('Jan de Vries');
    await Promise.all([page.waitForURL(`**${PROBE}`), page.keyboard.press('Enter')]);
    const form = posted[0] as URLSearchParams;
    assert.equal(form.get('signature'), '');
    assert.deepEqual(checkSignature({ signature: form.get('signature') ?? '', signatureName: form.get('signatureName') ?? '' }), { ok: true, type: 'typed', png: null, name: 'Jan de Vries' });
  });

  it('without its scripts, only the typed name shows', async () => {
    assert.equal((await page.goto(`${server.url}/portal/signature-field`))?.status(), 404);
    await page.setContent(formPage('nl').replace(/<script src=[^>]*><\/script>/g, ''));
    assert.equal(await page.locator('canvas[data-signature-canvas]').isVisible(), false);
    assert.equal(await page.getByLabel('Of typ uw volledige naam').isVisible(), true);
    await checkPage(page, 'signature-field-no-script');
  });
});
