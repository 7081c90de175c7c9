import type { Words } from './invoice-labels.js';
import { toWinAnsi } from './pdf-text.js';

/** The page frame shared by the parts of a rendered document: A4 in points, content between the margins. */
export const PAGE = {
  top: 50,
  left: 50,
  right: 595.28 - 50,
  /** Content stops here; the footer lives below it. */
  bottom: 841.89 - 80,
} as const;

export interface Page {
  doc: PDFKit.PDFDocument;
  brand: string;
  words: Words;
  /** The small line at the top of every page after the first. */
  continuationTitle: string;
}

/** A new page when `height` does not fit above the footer; returns where to draw. */
export function ensureRoom(page: Page, y: number, height: number): number {
  if (y + height <= PAGE.bottom) return y;
  page.doc.addPage();
  return startContinuationPage(page);
}

export function startContinuationPage(page: Page): number {
  const { doc } = page;
  doc.rect(0, 0, doc.page.width, 8).fill(page.brand);
  doc.font('Helvetica').fontSize(9).fillColor('#555555');
  doc.text(toWinAnsi(page.continuationTitle), PAGE.left, PAGE.top - 10, { width: PAGE.right - PAGE.left });
  return doc.y + 14;
}
