import PDFDocument from 'pdfkit';
import { darkRuns, epcPayload, epcQrSymbol, type QrSymbol } from './epc-qr.js';
import type { InvoicePdfData } from './invoice-document.js';
import { wordsFor } from './invoice-labels.js';
import { asLocale, INTL_LOCALE } from '../lib/format.js';
import { drawLinesTable } from './invoice-table.js';
import { ensureRoom, PAGE, type Page } from './pdf-page.js';
import { brandColor, toWinAnsi } from './pdf-text.js';

/**
 * An invoice, credit note or offer as an A4 PDF, with pdfkit and its standard Helvetica (real, extractable text;
 * WinAnsi has €). Page 1: brand band, logo and the business's details, the customer's address, title and the
 * document's numbers and dates; then the lines (flowing onto further pages, header repeated), the VAT per rate and
 * the totals, and how to pay with the EPC QR code. Every page: the footer text and "page n of m".
 *
 * Returns the whole file: an invoice is tens of kilobytes, and the caller stores it through the stored-file
 * pipeline (hash, size, publish) before it commits, so a half-rendered stream must never reach the store.
 */
export async function renderInvoicePdf(data: InvoicePdfData, locale: string): Promise<Buffer> {
  const words = wordsFor(locale);
  const kind = data.kind === 'invoice' && data.amountCents < 0 ? 'credit-note' : data.kind;
  const title = kind === 'offer' ? words.labels.offer : kind === 'credit-note' ? words.labels.creditNote : words.labels.invoice;
  const brand = brandColor(data.business.brandColor);
  const qr = kind === 'invoice' ? qrFor(data) : null;

  const doc = new PDFDocument({
    size: 'A4',
    // The bottom margin is small so pdfkit never breaks a page by itself: the layout does, above the footer.
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.left, bottom: 20 },
    bufferPages: true,
    lang: INTL_LOCALE[asLocale(locale)],
    displayTitle: true,
    info: { Title: toWinAnsi(`${title} ${data.number}`), Author: toWinAnsi(data.business.name), Subject: toWinAnsi(title) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const page: Page = { doc, brand, words, continuationTitle: `${title} ${data.number} · ${data.business.name}` };
  let y = drawHeader(page, data);
  y = drawTitle(page, data, kind, title, y);
  y = drawLinesTable(page, data.lines, y + 18);
  y = drawTotals(page, data, y + 10);
  drawPayment(page, data, kind, qr, y + 18);
  drawFooters(page, data.business.footerText);

  doc.end();
  return finished;
}

function qrFor(data: InvoicePdfData): QrSymbol | null {
  const { iban, bic, name } = data.business;
  if (!iban || data.amountCents <= 0 || data.paidDate) return null;
  const epc = epcPayload({ name, iban, bic, amountCents: data.amountCents, remittance: data.paymentReference || data.number });
  return epc.ok ? epcQrSymbol(epc.payload) : null;
}

function text(page: Page, value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) {
  page.doc.text(toWinAnsi(value), x, y, options);
}

/** Brand band, logo, the business's details on the right, the customer's address on the left. */
function drawHeader(page: Page, data: InvoicePdfData): number {
  const { doc, words } = page;
  const b = data.business;
  doc.rect(0, 0, doc.page.width, 8).fill(page.brand);
  if (b.logo) doc.image(b.logo, PAGE.left, PAGE.top, { fit: [170, 64] });
  else doc.font('Helvetica-Bold').fontSize(16).fillColor(page.brand).text(toWinAnsi(b.name), PAGE.left, PAGE.top + 20, { width: 250 });

  const x = 330;
  const width = PAGE.right - x;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#222222');
  text(page, b.name, x, PAGE.top, { width, align: 'right' });
  doc.font('Helvetica').fontSize(8.5).fillColor('#444444');
  const details = [
    b.address,
    `${b.zipCode} ${b.city}`,
    words.country(b.countryCode),
    `${words.labels.kvk} ${b.kvkNumber}`,
    `${words.labels.vatNumber} ${b.vatNumber}`,
    b.iban ? `${words.labels.iban} ${b.iban}` : null,
    b.bic ? `${words.labels.bic} ${b.bic}` : null,
    b.email,
    b.phone,
    b.website,
  ].filter((line): line is string => Boolean(line));
  text(page, details.join('\n'), x, doc.y + 2, { width, align: 'right', lineGap: 1 });
  const rightBottom = doc.y;

  const c = data.customer;
  const customerTop = PAGE.top + 90; // below the logo (at most 64 pt high), left of the business details
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#222222');
  text(page, c.companyName, PAGE.left, customerTop, { width: 260 });
  doc.font('Helvetica').fontSize(10);
  text(page, [c.address, `${c.zipCode} ${c.city}`, words.country(c.countryCode)].join('\n'), PAGE.left, doc.y + 1, { width: 260 });
  return Math.max(doc.y, rightBottom) + 24;
}

/** The title in the brand colour and the document's numbers and dates. */
function drawTitle(page: Page, data: InvoicePdfData, kind: InvoicePdfData['kind'], title: string, top: number): number {
  const { doc, words } = page;
  const l = words.labels;
  doc.font('Helvetica-Bold').fontSize(22).fillColor(page.brand);
  text(page, title, PAGE.left, top);
  let y = doc.y + 6;
  const rows: [string, string][] = [
    [l.number[kind], data.number],
    [l.issueDate[kind], words.date(data.issueDate)],
  ];
  if (kind !== 'offer') rows.push([l.deliveryDate, words.date(data.deliveryDate || data.issueDate)]);
  if (data.dueDate) rows.push([kind === 'offer' ? l.expiryDate : l.dueDate, words.date(data.dueDate)]);
  if (kind === 'invoice') rows.push([l.paymentReference, data.paymentReference || data.number]);
  for (const [label, value] of rows) {
    doc.font('Helvetica').fontSize(9.5).fillColor('#555555');
    text(page, label, PAGE.left, y, { width: 140 });
    doc.font('Helvetica-Bold').fillColor('#222222');
    text(page, value, PAGE.left + 140, y, { width: 300 });
    y = doc.y + 2;
  }
  if (kind === 'credit-note' && data.creditedInvoiceNumber) {
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#222222');
    text(page, l.creditsInvoice(data.creditedInvoiceNumber), PAGE.left, y + 4);
    y = doc.y + 2;
  }
  return y;
}

/** Subtotal, the VAT of each rate over its base, and the total, right-aligned under the amounts column. */
function drawTotals(page: Page, data: InvoicePdfData, top: number): number {
  const { doc, words } = page;
  const rows: [string, string, boolean][] = [[words.labels.subtotal, words.money(data.subtotalCents), false]];
  for (const group of data.vatByRate) rows.push([words.labels.vatOver(words.rate(group.rate), words.money(group.baseCents)), words.money(group.vatCents), false]);
  rows.push([words.labels.total, words.money(data.amountCents), true]);
  let y = ensureRoom(page, top, rows.length * 17 + 8);
  const x = 255;
  const labelWidth = 180;
  const valueWidth = PAGE.right - x - labelWidth;
  for (const [label, value, strong] of rows) {
    if (strong) {
      doc.moveTo(x, y).lineTo(PAGE.right, y).lineWidth(1).strokeColor(page.brand).stroke();
      y += 5;
    }
    doc.font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(strong ? 11 : 9.5).fillColor('#222222');
    text(page, label, x, y, { width: labelWidth });
    text(page, value, x + labelWidth, y, { width: valueWidth, align: 'right' });
    y += strong ? 18 : 15;
  }
  return y;
}

/** How the amount is settled: transfer text and the QR code, a credit, a paid note, or the offer's validity. */
function drawPayment(page: Page, data: InvoicePdfData, kind: InvoicePdfData['kind'], qr: QrSymbol | null, top: number): void {
  const { doc, words } = page;
  const l = words.labels;
  const amount = words.money(Math.abs(data.amountCents));
  let message: string | null;
  if (kind === 'offer') message = data.dueDate ? l.offerValid(words.date(data.dueDate)) : null;
  else if (kind === 'credit-note') message = l.settled(amount);
  else if (data.paidDate) message = l.paidOn(words.date(data.paidDate));
  else if (data.business.iban && data.amountCents > 0) {
    message = l.payBefore(amount, data.dueDate ? words.date(data.dueDate) : null, data.business.iban, data.business.name, data.paymentReference || data.number);
  } else message = null;
  if (!message && !qr) return;

  const qrSize = 110;
  const y = ensureRoom(page, top, qr ? qrSize + 22 : 50);
  const textWidth = qr ? PAGE.right - PAGE.left - qrSize - 30 : PAGE.right - PAGE.left;
  if (message) {
    doc.font('Helvetica').fontSize(10).fillColor('#222222');
    text(page, message, PAGE.left, y + 4, { width: textWidth, lineGap: 2 });
  }
  if (qr) {
    const x = PAGE.right - qrSize;
    drawQr(page, qr, x, y, qrSize);
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor('#222222');
    text(page, l.scanToPay, x, y + qrSize + 2, { width: qrSize, align: 'center' });
  }
}

/** The symbol as filled rectangles on white, with the four-module quiet zone the standard asks for inside `size`. */
function drawQr(page: Page, symbol: QrSymbol, x: number, y: number, size: number): void {
  const { doc } = page;
  const module = size / (symbol.size + 8);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (const run of darkRuns(symbol)) {
    doc.rect(x + (run.column + 4) * module, y + (run.row + 4) * module, run.length * module, module);
  }
  doc.fill('#000000');
  doc.restore();
}

/** The account's footer text and "Pagina n van m" on every page, once all pages exist. */
function drawFooters(page: Page, footerText: string | null): void {
  const { doc, words } = page;
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const y = PAGE.bottom + 22;
    doc.moveTo(PAGE.left, y - 6).lineTo(PAGE.right, y - 6).lineWidth(0.5).strokeColor('#cccccc').stroke();
    doc.font('Helvetica').fontSize(8).fillColor('#666666');
    if (footerText) text(page, footerText, PAGE.left, y, { width: 380, height: 22, ellipsis: true });
    text(page, words.labels.page(index - start + 1, count), PAGE.right - 100, y, { width: 100, align: 'right' });
  }
}

