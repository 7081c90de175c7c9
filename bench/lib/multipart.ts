import { randomBytes } from 'node:crypto';

export const BOUNDARY = '----klantportaal-bench-7c1e9a0f3b2d';
export const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function fieldPart(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/** The multipart text before the PDF bytes: the form fields, then the headers of the `pdf` part. */
export function formHead(fields: Record<string, string>): Buffer {
  let head = '';
  for (const [name, value] of Object.entries(fields)) head += fieldPart(name, value);
  head += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="pdf"; filename="invoice.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return Buffer.from(head);
}

export const FORM_TAIL = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/**
 * Builds PDFs of `size` bytes that differ per invoice (so nothing is deduplicated by content): a PDF header
 * naming the invoice, then a fixed block of random bytes (like a compressed stream), then `%%EOF`.
 */
export function pdfFactory(size: number): (label: string) => Buffer[] {
  const eof = Buffer.from('\n%%EOF\n');
  const fillerLength = size - 64 - eof.length;
  if (fillerLength < 0) throw new Error('PDF too small');
  const filler = randomBytes(fillerLength);
  return (label) => {
    const head = Buffer.alloc(64, 0x20);
    head.write(`%PDF-1.7\n%bench ${label}`.slice(0, 62));
    head.write('\n', 63);
    return [head, filler, eof];
  };
}

/** A complete create body for one invoice. */
export function createBody(fields: Record<string, string>, pdf: Buffer[]): Buffer {
  return Buffer.concat([formHead(fields), ...pdf, FORM_TAIL]);
}
