import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import yazl from 'yazl';
import type { AppContext } from '../context.js';
import { attachment } from '../http/content-disposition.js';
import type { InvoiceRow } from '../invoices/invoice.repository.js';
import { StorageUnavailableError, type StoredPdf } from '../storage/pdf-store.js';

/** A document the portal shows: its id (for the error log), its stored PDF and the number it is named after. */
export interface PortalDocument {
  id: string;
  pdf_sha256: string;
  number: string;
}

async function openPdf(ctx: AppContext, doc: PortalDocument): Promise<StoredPdf> {
  const pdf = await ctx.store.open(doc.pdf_sha256);
  // A row without its bytes is our failure: logged and answered with the error page.
  if (!pdf) throw new Error(`PDF ${doc.pdf_sha256} of ${doc.id} is missing from the store`);
  return pdf;
}

/**
 * One invoice's PDF, shown in the invoice page's frame (inline) or saved (`download`). The portal's CSP
 * forbids framing; the PDF alone may be framed by our own pages.
 */
export function sendInvoicePdf(ctx: AppContext, reply: FastifyReply, row: InvoiceRow, download: boolean): Promise<FastifyReply> {
  return sendDocumentPdf(ctx, reply, { id: row.id, pdf_sha256: row.pdf_sha256, number: row.invoice_number }, download);
}

/** Any document's PDF (an invoice, an offer), inline or saved, with the headers described at sendInvoicePdf. */
export async function sendDocumentPdf(ctx: AppContext, reply: FastifyReply, doc: PortalDocument, download: boolean): Promise<FastifyReply> {
  let pdf: StoredPdf;
  try {
    pdf = await openPdf(ctx, doc);
  } catch (error) {
    if (error instanceof StorageUnavailableError) return reply.code(503).header('retry-after', '30').type('text/plain; charset=utf-8').send('The PDF cannot be read right now. Try again shortly.');
    throw error;
  }
  const disposition = attachment(doc.number, 'pdf');
  return reply
    .type('application/pdf')
    .header('content-disposition', download ? disposition : disposition.replace(/^attachment/, 'inline'))
    .header('content-length', pdf.size)
    // A download is sandboxed like the API's (RELIABILITY.md S6). The inline copy is not: Chromium's PDF viewer
    // refuses to render a sandboxed document, and it is only ever shown framed by our own page.
    .header('content-security-policy', download ? "sandbox; default-src 'none'; frame-ancestors 'self'" : "frame-ancestors 'self'")
    .header('x-frame-options', 'SAMEORIGIN')
    .header('cache-control', 'private, no-store')
    .send(pdf.stream);
}

/** `2024-001.pdf`; characters a file system may refuse become `_`, and a clash gets the invoice id. */
function entryNames(rows: InvoiceRow[]): string[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const base = row.invoice_number.replace(/[^\p{L}\p{N} ._-]+/gu, '_').replace(/^[. ]+/, '').slice(0, 100) || 'invoice';
    const name = seen.has(`${base}.pdf`.toLowerCase()) ? `${base}-${row.id}.pdf` : `${base}.pdf`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A ZIP of these invoices' PDFs, streamed: each PDF is opened only when the archive reaches it (one at a time),
 * stored without recompressing (PDFs are compressed already), and nothing is held in memory beyond a chunk.
 */
export function sendInvoiceZip(ctx: AppContext, reply: FastifyReply, rows: InvoiceRow[], fileName: string): FastifyReply {
  const zip = new yazl.ZipFile();
  const names = entryNames(rows);
  rows.forEach((row, i) => {
    zip.addReadStreamLazy(names[i] ?? `${row.id}.pdf`, { compress: false, mtime: new Date(row.created_at) }, (callback) => {
      openPdf(ctx, { id: row.id, pdf_sha256: row.pdf_sha256, number: row.invoice_number }).then(
        (pdf) => callback(null, pdf.stream),
        (error: unknown) => callback(error, undefined as never),
      );
    });
  });
  zip.end();
  const output = zip.outputStream as Readable;
  // A PDF that cannot be read midway: cut the response off rather than send a ZIP that looks whole.
  zip.on('error', (error: Error) => {
    reply.log.error({ err: error }, 'ZIP stream failed');
    output.destroy(error);
  });
  return reply.type('application/zip').header('content-disposition', attachment(fileName, 'zip')).header('cache-control', 'private, no-store').send(output);
}
