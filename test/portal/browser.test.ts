import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { checkPage, painted, SCREENSHOTS } from '../helpers/accessibility.js';
import { signInLinks } from '../helpers/portal.js';
import { samplePdf, startTestServer, tempDir, validInvoice, type TestAccount, type TestServer } from '../helpers/server.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { createManual, withInvoiceDetails } from '../helpers/manual.js';
import { unzip } from '../helpers/zip.js';

/** The customer's whole journey in a real browser: Debian's chromium driven by playwright-core (DESIGN.md). */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const required = process.env.CI === 'true' || process.env.KLANTPORTAAL_TEST_REQUIRE_POSTGRES === '1';
const missing = !fs.existsSync(CHROMIUM);
if (missing && !required) console.log(`# SKIPPED the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does this)`);

describe('the portal in Chromium', { skip: missing && !required ? `${CHROMIUM} is missing` : false }, () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let shop: TestAccount;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const offsite: string[] = [];
  const pdfs = new Map<string, Uint8Array>();

  before(async () => {
    assert(!missing, `${CHROMIUM} is missing; CI installs it (apt-get install -y chromium)`);
    smtp = await startTestSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, MAIL_POLL_MS: '20' }, { worker: true });
    shop = await server.account('Bakkerij de Vries');
    const customer = await shop.createCustomer({ companyName: 'Jansen Installatietechniek', primaryEmail: 'administratie@jansen.example', locale: 'nl' });
    const invoices: [string, string, string, string | undefined][] = [
      ['2024-001', '2024-01-15', '1234.50', '2024-02-01 10:00:00'],
      ['2024-002', '2024-02-15', '99.95', undefined],
      ['2024-003', '2024-03-15', '12.00', '2024-04-02 09:30:00'],
      ['2024-004', '2024-04-15', '450.00', undefined],
    ];
    for (const [number, issuedAt, amount, paidAt] of invoices) {
      const pdf = samplePdf(number);
      pdfs.set(number, pdf);
      const fields = validInvoice(customer.id, { invoiceNumber: number, issuedAt, amount, ...(paidAt ? { paidAt } : {}), ...(number === '2024-004' ? { sendNotification: 'true' } : {}) });
      assert.equal((await shop.createInvoice(fields, pdf)).status, 201);
    }
    profile = await tempDir('kp-chromium-');
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, acceptDownloads: true, locale: 'nl-NL' });
    // Nothing leaves the machine: every request not to 127.0.0.1 is recorded and refused.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      // chrome:// and chrome-extension:// are the browser's own PDF viewer, not the network.
      if (url.hostname === '127.0.0.1' || !/^(https?|wss?|ftp):$/.test(url.protocol)) return route.continue();
      offsite.push(url.href);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await server?.close();
    await smtp?.stop();
  });

  it('signs in from the emailed link, lists, filters, opens a PDF, downloads a ZIP and signs out', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/portal/sign-in/${shop.id}`);
    assert.equal(await page.locator('h1').textContent(), 'Inloggen bij Bakkerij de Vries');
    await checkPage(page, 'sign-in');
    await page.getByLabel('E-mailadres').fill('administratie@jansen.example');
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
    await checkPage(page, 'link-sent');

    const mails = await smtp.waitForDelivered((all) => all.some((m) => signInLinks(m).length > 0));
    const mail = mails.find((m) => signInLinks(m).length > 0);
    assert(mail);
    assert.equal(mail.parsed.subject, 'Inloggen bij Bakkerij de Vries');
    const link = signInLinks(mail)[0] ?? '';
    assert(link.startsWith(`${server.url}/portal/link/`));
    await page.goto(link);
    await checkPage(page, 'sign-in-link');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}/portal/invoices`);

    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 4);
    assert.deepEqual(await page.locator('tbody tr td:first-child').allTextContents(), ['2024-004', '2024-003', '2024-002', '2024-001']);
    assert.match((await rows.nth(3).textContent()) ?? '', /€\s1\.234,50[\s\S]*Betaald op 1 februari 2024/);
    assert.equal(await page.locator('.business').textContent(), 'Bakkerij de Vries');
    await checkPage(page, 'invoices');

    await page.getByRole('link', { name: 'Betaald', exact: true }).click();
    assert.deepEqual(await page.locator('tbody tr td:first-child').allTextContents(), ['2024-003', '2024-001']);
    await checkPage(page, 'invoices-paid');
    await page.getByRole('link', { name: 'Open', exact: true }).click();
    assert.deepEqual(await page.locator('tbody tr td:first-child').allTextContents(), ['2024-004', '2024-002']);
    await page.getByRole('link', { name: 'Alle', exact: true }).click();

    // The invoice page frames its PDF; the download link saves the same bytes.
    const pdfResponse = page.waitForResponse((r) => r.url().endsWith('/pdf'));
    await page.getByRole('link', { name: '2024-002' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Factuur 2024-002');
    const framed = await pdfResponse;
    assert.equal(framed.status(), 200);
    assert.equal(framed.headers()['content-type'], 'application/pdf');
    await checkPage(page, 'invoice');
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF downloaden' }).click()]);
    assert.equal(pdfDownload.suggestedFilename(), '2024-002.pdf');
    assert.deepEqual(new Uint8Array(fs.readFileSync(await pdfDownload.path())), pdfs.get('2024-002'));

    await page.getByRole('link', { name: 'Terug naar alle facturen' }).click();
    // A period that ends before it starts: the list again, with the error next to the form.
    await page.getByLabel('Van').fill('2024-03-31');
    await page.getByLabel('Tot en met').fill('2024-02-01');
    await page.getByRole('button', { name: 'ZIP downloaden' }).click();
    await page.getByRole('alert').waitFor();
    await checkPage(page, 'invoices-bad-period');
    await page.getByLabel('Van').fill('2024-02-01');
    await page.getByLabel('Tot en met').fill('2024-03-31');
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ZIP downloaden' }).click()]);
    assert.match(zipDownload.suggestedFilename(), /^Bakkerij.de.Vries.2024-02-01.2024-03-31\.zip$/);
    const entries = await unzip(fs.readFileSync(await zipDownload.path()));
    assert.deepEqual([...entries.keys()], ['2024-002.pdf', '2024-003.pdf']);
    assert.deepEqual(new Uint8Array(entries.get('2024-003.pdf') ?? []), pdfs.get('2024-003'));

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${server.url}/portal/sign-in/${shop.id}?notice=signed-out`);
    await page.getByText('U bent uitgelogd.').waitFor();
    await checkPage(page, 'signed-out');
    const after = await page.goto(`${server.url}/portal/invoices`);
    assert.equal(after?.status(), 401);
    await checkPage(page, 'sign-in-needed');
    // The used link, a page that does not exist, and a form whose CSRF token was tampered with.
    assert.equal((await page.goto(link))?.status(), 404, 'a used link is gone');
    await checkPage(page, 'link-gone');
    assert.equal((await page.goto(`${server.url}/portal/nothing-here`))?.status(), 404);
    await checkPage(page, 'not-found');
    await page.goto(`${server.url}/portal/sign-in/${shop.id}`);
    await page.evaluate(`document.querySelector('input[name=csrf]').value = 'forged'`);
    await page.getByLabel('E-mailadres').fill('administratie@jansen.example');
    const [forbidden] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Stuur mij een inloglink' }).click()]);
    assert.equal(forbidden.status(), 403);
    await checkPage(page, 'forbidden');
    assert.deepEqual(offsite, [], 'no request left 127.0.0.1');
  });

  it('opens the invoice from the notification email without signing in, and offers a sign-in', async () => {
    const mail = smtp.delivered().find((m) => String(m.parsed.subject).startsWith('Nieuwe factuur 2024-004'));
    const link = String(mail?.parsed.text).match(/http\S+\/portal\/i\/\S+/)?.[0] ?? '';
    assert(link.startsWith(`${server.url}/portal/i/`), String(mail?.parsed.text));
    const pdfResponse = page.waitForResponse((r) => r.url().endsWith('/pdf'));
    await page.goto(link);
    assert.equal(await page.locator('h1').textContent(), 'Factuur 2024-004');
    assert.equal((await pdfResponse).headers()['content-type'], 'application/pdf');
    await checkPage(page, 'invoice-link');
    // Scrolled to and painted before the click: right after checkPage's resizes, a click that had to scroll past
    // the embedded PDF first was lost (no event reached the page; Chromium still hit-testing by the old layout).
    const signIn = page.getByRole('link', { name: 'Log in om al uw facturen te zien' });
    await signIn.scrollIntoViewIfNeeded();
    await painted(page);
    await signIn.click();
    await page.getByRole('heading', { name: 'Inloggen bij Bakkerij de Vries' }).waitFor();
    assert.equal(page.url(), `${server.url}/portal/sign-in/${shop.id}`);
    const viewed = (await (await shop.request(`/v1/customer-invoices?invoiceNumber=2024-004`)).json()) as { data: { viewedAt: string | null }[] };
    assert.notEqual(viewed.data[0]?.viewedAt, null, 'opening it counts as a view');
    assert.deepEqual(offsite, []);
  });

  it('shows a manual invoice’s lines, VAT per rate and totals (desktop and phone screenshots)', async () => {
    await withInvoiceDetails(shop);
    const customers = (await (await shop.request('/v1/customers?primaryEmail=administratie%40jansen.example')).json()) as { data: { id: string }[] };
    const res = await createManual(shop, {
      customerId: customers.data[0]?.id,
      invoiceNumber: '2024-M01',
      issuedAt: '2024-05-01',
      sendNotification: true,
      lines: [
        { description: 'Volkorenbrood, gesneden', quantity: 12, amountExclVat: '3.45', vatRate: 9 },
        { description: 'Taartworkshop (uren)', quantity: '2.5', amountExclVat: '75.00', vatRate: 21 },
        { description: 'Statiegeld kratten', amountExclVat: '5.00', vatRate: 0 },
      ],
    });
    assert.equal(res.status, 201, await res.clone().text());
    const mails = await smtp.waitForDelivered((all) => all.some((m) => String(m.parsed.subject).startsWith('Nieuwe factuur 2024-M01')));
    const mail = mails.find((m) => String(m.parsed.subject).startsWith('Nieuwe factuur 2024-M01'));
    const link = String(mail?.parsed.text).match(/http\S+\/portal\/i\/\S+/)?.[0] ?? '';
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(link);
    assert.equal(await page.locator('h1').textContent(), 'Factuur 2024-M01');
    const rows = await page.locator('table.lines tbody tr').allInnerTexts();
    assert.equal(rows.length, 3);
    assert.match(rows[0] ?? '', /Volkorenbrood, gesneden\s+12\s+€\s3,45\s+9%\s+€\s41,40/);
    assert.match(rows[1] ?? '', /Taartworkshop \(uren\)\s+2,5\s+€\s75,00\s+21%\s+€\s187,50/);
    const totals = (await page.locator('dl.totals').innerText()).replace(/\s+/g, ' ');
    for (const expected of ['Totaal excl. btw € 233,90', 'Btw 0% over € 5,00 € 0,00', 'Btw 9% over € 41,40 € 3,73', 'Btw 21% over € 187,50 € 39,38', 'Totaal incl. btw € 277,01']) {
      assert.ok(totals.includes(expected), `${expected} in ${totals}`);
    }
    const facts = (await page.locator('dl.facts').first().innerText()).replace(/\s+/g, ' ');
    assert.match(facts, /Vervaldatum 15 mei 2024/);
    // axe at desktop and phone width, no horizontal scrolling at 375 px, manual-invoice-{desktop,phone}.png.
    await checkPage(page, 'manual-invoice');
    assert.deepEqual(offsite, []);
  });
});
