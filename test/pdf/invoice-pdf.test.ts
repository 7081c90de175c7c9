import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { InvoiceLine } from '../../src/invoices/invoice-lines.rules.js';
import { epcPayload } from '../../src/pdf/epc-qr.js';
import { renderInvoicePdf } from '../../src/pdf/invoice-pdf.js';
import { business, customer, invoiceData, LINES } from './invoice-samples.js';

/** The rendered invoice as people and parsers read it: its text (unpdf), and page 1 as an image (pdftoppm). */
const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/pdf');
const PDFTOPPM = '/usr/bin/pdftoppm';
const required = process.env.CI === 'true' || process.env.KLANTPORTAAL_TEST_REQUIRE_POSTGRES === '1';
const missing = !fs.existsSync(PDFTOPPM);
if (missing && !required) console.log(`# SKIPPED the page-image tests: ${PDFTOPPM} is missing (apt-get install -y poppler-utils; .ci/run does this)`);

/** Text per page, with every run of white space (the no-break space of `€ 12,95` included) as one space. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

function assertContainsAll(text: string, expected: string[]): void {
  const absent = expected.filter((value) => !text.includes(value.replace(/\s+/g, ' ')));
  assert.deepEqual(absent, [], `missing from the PDF's text:\n${text}`);
}

/** Page 1 as a PNG at 150 dpi, kept in test-results/pdf/ for people to look at; returns the decoded image. */
function pageImage(pdf: Buffer, name: string): PNG {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync(PDFTOPPM, ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, path.join(RESULTS, `${name}-page1`)]);
  return PNG.sync.read(fs.readFileSync(path.join(RESULTS, `${name}-page1.png`)));
}

function decodeQr(image: PNG): string | null {
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height)?.data ?? null;
}

// jsqr is CommonJS with a typed `export default`: under NodeNext the default import is the whole module object.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

const negated = (lines: InvoiceLine[]) => lines.map((line) => ({ ...line, unitPriceCents: -line.unitPriceCents }));

describe('invoice PDF: what the Belastingdienst requires, as real text', () => {
  it('in Dutch', async () => {
    const pdf = await renderInvoicePdf(invoiceData(), 'nl');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const [text = ''] = await pagesOf(pdf);
    assertContainsAll(text, [
      'Factuur',
      business.name, business.address, '1015 CJ Amsterdam', 'Nederland', 'KvK 12345678', 'Btw-id NL123456789B01',
      'IBAN NL91ABNA0417164300', 'BIC ABNANL2A', business.email as string, business.phone as string, business.website as string,
      customer.companyName, customer.address, '3511 AB Utrecht', 'België',
      'Factuurnummer 2026-0042', 'Factuurdatum 7 december 2026', 'Leveringsdatum 4 december 2026', 'Vervaldatum 21 december 2026',
      'Betalingskenmerk Bestelling 981-A',
      'Omschrijving', 'Aantal', 'Prijs excl. btw', 'Btw', 'Totaal excl. btw',
      'Volkorenbrood, gesneden 12 € 3,45 9% € 41,40',
      'Taartworkshop (uren) 2,5 € 75,00 21% € 187,50',
      'Bezorging 1 € 12,95 21% € 12,95',
      'Statiegeld kratten 1 € 5,00 0% € 5,00',
      'Totaal excl. btw € 246,85',
      'Btw 0% over € 5,00 € 0,00', 'Btw 9% over € 41,40 € 3,73', 'Btw 21% over € 200,45 € 42,09',
      'Totaal incl. btw € 292,67',
      'Graag € 292,67 overmaken vóór 21 december 2026',
      'Scan en betaal',
      'Op al onze leveringen zijn onze algemene voorwaarden van toepassing.',
      'Pagina 1 van 1',
    ]);
  });

  it('in English', async () => {
    const [text = ''] = await pagesOf(await renderInvoicePdf(invoiceData(), 'en'));
    assertContainsAll(text, [
      'Invoice', business.name, 'Netherlands', 'Chamber of Commerce (KvK) 12345678', 'VAT number NL123456789B01', 'Belgium',
      'Invoice number 2026-0042', 'Invoice date 7 December 2026', 'Delivery date 4 December 2026', 'Due date 21 December 2026',
      'Payment reference Bestelling 981-A',
      'Description', 'Quantity', 'Unit price excl. VAT',
      'Taartworkshop (uren) 2.5 €75.00 21% €187.50',
      'VAT 9% on €41.40 €3.73', 'VAT 21% on €200.45 €42.09',
      'Total excl. VAT €246.85', 'Total incl. VAT €292.67',
      'Please transfer €292.67 by 21 December 2026 to NL91ABNA0417164300',
      'Scan to pay', 'Page 1 of 1',
    ]);
  });

  it('takes the issue date as delivery date when none is given, and writes a thousands separator', async () => {
    const lines: InvoiceLine[] = [{ description: 'Verbouwing', quantityHundredths: 100, unitPriceCents: 102_025, vatRate: 21 }];
    const [nl = ''] = await pagesOf(await renderInvoicePdf(invoiceData(lines, { deliveryDate: null }), 'nl'));
    assertContainsAll(nl, ['Leveringsdatum 7 december 2026', 'Totaal incl. btw € 1.234,50']);
    const [en = ''] = await pagesOf(await renderInvoicePdf(invoiceData(lines, { deliveryDate: null }), 'en'));
    assertContainsAll(en, ['Delivery date 7 December 2026', 'Total incl. VAT €1,234.50']);
  });

  it('a credit note says Creditfactuur, names the credited invoice and has no QR code', async () => {
    const credit = invoiceData(negated(LINES), { kind: 'credit-note', number: 'C-2026-0003', creditedInvoiceNumber: '2026-0042', dueDate: null });
    const [text = ''] = await pagesOf(await renderInvoicePdf(credit, 'nl'));
    assertContainsAll(text, ['Creditfactuur', 'Creditfactuurnummer C-2026-0003', 'Creditering van factuur 2026-0042', 'Totaal incl. btw € -292,67', 'Btw 21% over € -200,45 € -42,09']);
    assert.ok(!text.includes('Scan en betaal'));
    // An invoice whose total is negative is drawn as a credit note too.
    const [negative = ''] = await pagesOf(await renderInvoicePdf(invoiceData(negated(LINES), { creditedInvoiceNumber: '2026-0042' }), 'en'));
    assertContainsAll(negative, ['Credit note', 'Credits invoice 2026-0042', 'Total incl. VAT -€292.67']);
    assert.ok(!negative.includes('Scan to pay'));
  });

  it('an offer says Offerte with its expiry date, without payment or QR code', async () => {
    const offer = invoiceData(LINES, { kind: 'offer', number: 'OFF-2026-007', dueDate: '2027-01-06', business: { ...business, logo: null } });
    const [text = ''] = await pagesOf(await renderInvoicePdf(offer, 'nl'));
    assertContainsAll(text, ['Offerte', 'Offertenummer OFF-2026-007', 'Geldig tot 6 januari 2027', 'Totaal incl. btw € 292,67', 'Deze offerte is geldig tot en met 6 januari 2027.']);
    for (const absent of ['Vervaldatum', 'Scan en betaal', 'Graag']) assert.ok(!text.includes(absent), absent);
    const [en = ''] = await pagesOf(await renderInvoicePdf(offer, 'en'));
    assertContainsAll(en, ['Quote', 'Quote number OFF-2026-007', 'Valid until 6 January 2027']);
  });

  it('a paid invoice says so and carries no QR code', async () => {
    const [text = ''] = await pagesOf(await renderInvoicePdf(invoiceData(LINES, { paidDate: '2026-12-08' }), 'nl'));
    assertContainsAll(text, ['Betaald op 8 december 2026.']);
    assert.ok(!text.includes('Scan en betaal'));
  });

  it('60 lines flow onto further pages, the header repeated, every page numbered', async () => {
    const lines: InvoiceLine[] = Array.from({ length: 60 }, (_, i) => ({ description: `Artikel ${i + 1}`, quantityHundredths: 100, unitPriceCents: 1000 + i, vatRate: 21 }));
    const pages = await pagesOf(await renderInvoicePdf(invoiceData(lines), 'nl'));
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    pages.forEach((page, index) => {
      assert.ok(page.includes(`Pagina ${index + 1} van ${pages.length}`), `page ${index + 1} is numbered`);
      if (index > 0) assert.ok(page.includes('Factuur 2026-0042'), `page ${index + 1} names the invoice`);
    });
    const all = pages.join(' ');
    for (let i = 1; i <= 60; i++) assert.ok(all.includes(`Artikel ${i} 1 € ${10 + Math.floor((i - 1) / 100)},${String((i - 1) % 100).padStart(2, '0')}`), `line ${i}`);
    assert.ok(pages[1]?.includes('Omschrijving Aantal Prijs excl. btw'), 'the table header repeats on page 2');
  });

  it('writes characters the standard fonts lack as their nearest WinAnsi letters', async () => {
    const lines: InvoiceLine[] = [{ description: 'Łódź – Ősz café 中', quantityHundredths: 100, unitPriceCents: 100, vatRate: 0 }];
    const [text = ''] = await pagesOf(await renderInvoicePdf(invoiceData(lines), 'nl'));
    assertContainsAll(text, ['Lódz – Osz café ?']);
  });
});

describe('EPC QR code', () => {
  it('builds the EPC069-12 payload', () => {
    const epc = epcPayload({ name: business.name, iban: 'NL91 ABNA 0417 1643 00', bic: 'ABNANL2A', amountCents: 29_267, remittance: '2026-0042' });
    assert.deepEqual(epc, { ok: true, payload: 'BCD\n002\n1\nSCT\nABNANL2A\nBakkerij De Zonnebloem B.V.\nNL91ABNA0417164300\nEUR292.67\n\n\n2026-0042' });
    const noBic = epcPayload({ name: 'É'.repeat(80), iban: 'NL91ABNA0417164300', amountCents: 1, remittance: 'x' });
    assert.ok(noBic.ok);
    assert.equal(noBic.payload.split('\n')[4], '');
    assert.equal(noBic.payload.split('\n')[5], 'É'.repeat(70));
    assert.equal(noBic.payload.split('\n')[7], 'EUR0.01');
  });

  it('gives no code when something does not fit the standard', () => {
    const base = { name: 'X', iban: 'NL91ABNA0417164300', amountCents: 100, remittance: 'r' };
    assert.equal(epcPayload({ ...base, amountCents: 0 }).ok, false);
    assert.equal(epcPayload({ ...base, amountCents: 100_000_000_000 }).ok, false);
    assert.equal(epcPayload({ ...base, amountCents: 99_999_999_999 }).ok, true);
    assert.equal(epcPayload({ ...base, remittance: 'r'.repeat(141) }).ok, false);
    assert.equal(epcPayload({ ...base, remittance: 'r'.repeat(140) }).ok, true);
    assert.equal(epcPayload({ ...base, iban: 'not an iban' }).ok, false);
    assert.equal(epcPayload({ ...base, bic: 'nope' }).ok, false);
  });

  it('page 1 of an open invoice carries a QR code that decodes to the payload', { skip: missing && !required ? `${PDFTOPPM} is missing` : false }, async () => {
    const data = invoiceData();
    const expected = epcPayload({ name: business.name, iban: business.iban as string, bic: business.bic, amountCents: data.amountCents, remittance: 'Bestelling 981-A' });
    assert.ok(expected.ok);
    for (const locale of ['nl', 'en']) {
      const image = pageImage(await renderInvoicePdf(data, locale), `invoice-${locale}`);
      assert.equal(decodeQr(image), expected.payload, `the ${locale} invoice's QR code`);
    }
    // The other kinds, for people to look at; none of them carries a payment code (jsqr may read the striped
    // sample logo as an empty code, hence no check for null).
    const credit = pageImage(await renderInvoicePdf(invoiceData(negated(LINES), { kind: 'credit-note', number: 'C-2026-0003', creditedInvoiceNumber: '2026-0042', dueDate: null }), 'nl'), 'credit-note-nl');
    assert.ok(!decodeQr(credit)?.startsWith('BCD'), 'no payment code on a credit note');
    const offer = pageImage(await renderInvoicePdf(invoiceData(LINES, { kind: 'offer', number: 'OFF-2026-007', dueDate: '2027-01-06' }), 'nl'), 'offer-nl');
    assert.ok(!decodeQr(offer)?.startsWith('BCD'), 'no payment code on an offer');
  });
});
