import type { FastifyRequest } from 'fastify';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { ProblemError, unavailable, validationFailed, type FieldError } from '../http/problems.js';
import type { PdfStore, StagedPdf } from './pdf-store.js';
import { StorageUnavailableError } from './pdf-store.js';

/**
 * A create request with a PDF (an invoice, an offer) as read off the wire: text fields, the staged PDF (if one
 * came), and problems found while reading. The section judges the fields; the PDF part is always `pdf`.
 */
export interface PdfUpload {
  fields: Map<string, string>;
  pdf: StagedPdf | null;
  errors: FieldError[];
}

const FIELD_SIZE = 64 * 1024;

export const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

/**
 * The `pdf` part's rules for every section: present, not empty, and a PDF by its first bytes (never by the declared
 * Content-Type). `document` names it in the message ("invoice", "offer").
 */
export function pdfPartProblem(pdf: { size: number; head: Buffer } | null, document: string): string | null {
  if (!pdf) return `is required: send the ${document} as a file part named "pdf"`;
  if (pdf.size === 0) return 'must not be empty';
  if (!pdf.head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return 'must be a PDF file (its first bytes must be "%PDF-")';
  return null;
}

export function multipartLimits(maxPdfBytes: number, knownFields: ReadonlySet<string>) {
  // Room for every field of the form sent as a file part and a second pdf, so each of those reaches us and gets
  // its own precise 422 (with only 2, a third file part ended parsing and the 422 blamed `pdf` for all of them).
  return { fieldNameSize: 200, fieldSize: FIELD_SIZE, fields: 30, fileSize: maxPdfBytes, files: knownFields.size + 1, parts: 40, headerPairs: 20 };
}

const tooLarge = (maxPdfBytes: number) =>
  new ProblemError('payload-too-large', `The PDF is larger than the limit of ${maxPdfBytes} bytes.`, [
    { field: 'pdf', message: `must be at most ${maxPdfBytes} bytes` },
  ], { connection: 'close' });

async function drain(part: MultipartFile): Promise<void> {
  for await (const _chunk of part.file) {
    // discard
  }
}

/**
 * Streams the multipart body: text fields into a map, the `pdf` file part into the store's staging area
 * (hashed on the way, never whole in memory). An oversized PDF stops reading at once: 413 and the
 * connection is closed, so the rest is never read.
 */
export async function readPdfUpload(request: FastifyRequest, store: PdfStore, maxPdfBytes: number, knownFields: ReadonlySet<string>): Promise<PdfUpload> {
  const fields = new Map<string, string>();
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let pdf: StagedPdf | null = null;
  let pdfParts = 0;
  const fail = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  try {
    for await (const part of request.parts({ limits: multipartLimits(maxPdfBytes, knownFields) })) {
      // busboy hands over a part without a name (or with an empty one) as it is; such a part is reported under
      // a name of its own, since a problem's `field` must be a string (an undefined one made the 422 a 500).
      const name = part.fieldname || '(unnamed part)';
      if (part.type === 'file') {
        if (name !== 'pdf') {
          fail(name, knownFields.has(name) ? 'must be a text field, not a file' : 'is not a known field');
          await drain(part);
          continue;
        }
        pdfParts += 1;
        if (pdfParts > 1) {
          fail('pdf', 'must be exactly one file part');
          await drain(part);
          continue;
        }
        part.file.once('limit', () => part.file.destroy(tooLarge(maxPdfBytes)));
        pdf = await store.stage(part.file);
        continue;
      }
      const value = (part as MultipartValue<unknown>).value;
      if (!knownFields.has(name)) {
        fail(name, 'is not a known field');
      } else if (name === 'pdf') {
        fail('pdf', 'must be a file part (curl: --form pdf=@document.pdf)');
      } else if (seen.has(name)) {
        fail(name, 'is given more than once');
      } else if (part.valueTruncated) {
        fail(name, `is longer than ${FIELD_SIZE} bytes`);
      } else {
        fields.set(name, typeof value === 'string' ? value : String(value));
      }
      seen.add(name);
    }
  } catch (error) {
    await pdf?.discard();
    throw readError(error, maxPdfBytes);
  }
  // Busboy stops at the closing boundary; whatever follows it (an epilogue) must still be read, or the
  // keep-alive connection stays busy with an unfinished request.
  if (!request.raw.readableEnded) request.raw.resume();
  return { fields, pdf, errors };
}

function readError(error: unknown, maxPdfBytes: number): unknown {
  if (error instanceof ProblemError) return error;
  // The disk filled up (or went read-only) while the PDF streamed in: nothing was kept, the client may retry.
  if (error instanceof StorageUnavailableError) return unavailable('The PDF could not be stored right now; nothing was kept. Retry later.');
  // File-system errors are ours, not the client's: let the error handler log them as such.
  if ((error as NodeJS.ErrnoException | null)?.syscall) return error;
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxPdfBytes);
    // More file parts than the form has fields: parsing stopped there, so no field can be judged.
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new ProblemError('payload-too-large', 'The form has too many parts.', undefined, { connection: 'close' });
    case 'FST_PROTO_VIOLATION':
      return validationFailed([{ field: '(form)', message: 'contains a field name that is not allowed' }]);
  }
  // Anything else busboy or the socket says means the body is not well-formed multipart.
  return new ProblemError('invalid-request', 'The multipart body could not be read (malformed or cut short).');
}
