import { parentPort } from 'node:worker_threads';
import type { InvoicePdfData } from './invoice-document.js';
import { renderInvoicePdf } from './invoice-pdf.js';

/** One render thread of render-pool.ts: plain data in, the PDF's bytes out (transferred, not copied). */
interface Job {
  id: number;
  data: InvoicePdfData;
  locale: string;
}

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread of render-pool.ts');
port.on('message', (job: Job) => {
  // Structured cloning turns the logo's Buffer into a Uint8Array; pdfkit reads images from a Buffer.
  const logo = job.data.business.logo;
  const data: InvoicePdfData = { ...job.data, business: { ...job.data.business, logo: logo ? Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength) : null } };
  renderInvoicePdf(data, job.locale).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      port.postMessage({ id: job.id, ok: true, bytes }, [bytes.buffer]);
    },
    (error: unknown) => port.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
