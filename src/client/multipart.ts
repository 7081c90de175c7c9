import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where the PDF comes from: a file path, bytes in memory, or a stream (read once, so never retried). */
export type PdfSource = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface FilePart {
  source: PdfSource;
  filename: string;
  contentType: string;
}

/** True when the source can be read again for a retry. */
export function isReplayable(source: PdfSource): boolean {
  return typeof source === 'string' || source instanceof Uint8Array;
}

export function defaultFilename(source: PdfSource): string {
  return typeof source === 'string' ? path.basename(source) : 'invoice.pdf';
}

// Quotes and line breaks would end the header early; the server uses the file name for nothing but this.
const quoted = (value: string) => `"${value.replace(/["\r\n\\]/g, '_')}"`;

/**
 * A multipart/form-data body built as it is sent: text fields first, then the file, read in chunks from disk or
 * the caller's stream, so a 20 MiB PDF never sits whole in memory. Call it once per try.
 */
export function multipartBody(fields: Record<string, string>, file: FilePart): { body: AsyncIterable<Uint8Array>; headers: Record<string, string> } {
  const boundary = `klantportaal-${randomBytes(16).toString('hex')}`;
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (const [name, value] of Object.entries(fields)) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`);
    }
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename=${quoted(file.filename)}\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    );
    const { source } = file;
    if (source instanceof Uint8Array) yield source;
    else if (typeof source === 'string') yield* fs.createReadStream(source);
    else yield* source;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { body: parts(), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
