import type { PdfLine } from './invoice-document.js';
import { ensureRoom, PAGE, startContinuationPage, type Page } from './pdf-page.js';
import { textColorOn, toWinAnsi } from './pdf-text.js';

/**
 * The lines as a table: description, quantity, unit price excl. VAT, VAT rate, line total excl. VAT. A row that
 * does not fit above the footer moves to a new page, which repeats the header row first.
 */

interface Column {
  width: number;
  align: 'left' | 'right';
  header: (page: Page) => string;
  cell: (page: Page, line: PdfLine) => string;
}

const COLUMNS: Column[] = [
  { width: 215, align: 'left', header: (p) => p.words.labels.description, cell: (_p, line) => line.description },
  { width: 50, align: 'right', header: (p) => p.words.labels.quantity, cell: (p, line) => p.words.quantity(line.quantityHundredths) },
  { width: 85, align: 'right', header: (p) => p.words.labels.unitPrice, cell: (p, line) => p.words.money(line.unitPriceCents) },
  { width: 40, align: 'right', header: (p) => p.words.labels.vatRate, cell: (p, line) => p.words.rate(line.vatRate) },
  { width: 105.28, align: 'right', header: (p) => p.words.labels.lineTotal, cell: (p, line) => p.words.money(line.totalExclVatCents) },
];

const PAD = 4;
const GAP = 6;

/** Draws one row of cells at y; returns the row's height. `measure` only measures. */
function row(page: Page, cells: string[], y: number, font: string, measure: boolean): number {
  const { doc } = page;
  doc.font(font).fontSize(9);
  let x = PAGE.left;
  let height = 0;
  COLUMNS.forEach((column, index) => {
    const options = { width: column.width - GAP, align: column.align };
    const value = toWinAnsi(cells[index] ?? '');
    height = Math.max(height, doc.heightOfString(value, options));
    if (!measure) doc.text(value, x + (column.align === 'right' ? 0 : PAD), y, options);
    x += column.width;
  });
  return height;
}

function header(page: Page, y: number): number {
  const cells = COLUMNS.map((column) => column.header(page));
  const height = row(page, cells, y, 'Helvetica-Bold', true) + 2 * PAD;
  page.doc.rect(PAGE.left, y, PAGE.right - PAGE.left, height).fill(page.brand);
  page.doc.fillColor(textColorOn(page.brand));
  row(page, cells, y + PAD, 'Helvetica-Bold', false);
  return y + height;
}

export function drawLinesTable(page: Page, lines: readonly PdfLine[], top: number): number {
  const { doc } = page;
  let y = header(page, ensureRoom(page, top, 60));
  for (const line of lines) {
    const cells = COLUMNS.map((column) => column.cell(page, line));
    const height = row(page, cells, y, 'Helvetica', true) + 2 * PAD;
    if (y + height > PAGE.bottom) {
      doc.addPage();
      y = header(page, startContinuationPage(page));
    }
    doc.fillColor('#222222');
    row(page, cells, y + PAD, 'Helvetica', false);
    y += height;
    doc.moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(0.5).strokeColor('#dddddd').stroke();
  }
  return y;
}
