import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';

// Memory tests of `serve` processes (files and S3): uploads generated on the fly, and the server's peak RSS.

export const MiB = 1024 * 1024;

/** Peak and current resident memory of a process, in bytes, from /proc. */
export async function memory(pid: number): Promise<{ peak: number; current: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { peak: kb('VmHWM'), current: kb('VmRSS') };
}

/** Streams a multipart create whose PDF is `size` bytes generated on the fly; returns status and the PDF's sha256. */
export function streamedUpload(url: string, apiKey: string, customerId: string, invoiceNumber: string, size: number): Promise<{ status: number; sha256: string; body: string }> {
  const boundary = `kp${invoiceNumber}`;
  const fields = { customerId, invoiceNumber, issuedAt: '2024-04-30', amount: '100.00' };
  let head = '';
  for (const [name, value] of Object.entries(fields)) head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/v1/customer-invoices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), body }));
    });
    req.write(head);
    const chunk = Buffer.alloc(256 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const piece = sent === 0 ? Buffer.concat([Buffer.from('%PDF-1.7\n'), chunk]).subarray(0, Math.min(chunk.length, size)) : chunk.subarray(0, Math.min(chunk.length, size - sent));
        // Vary the bytes so nothing compresses or dedupes by accident.
        piece.writeUInt32LE(sent >>> 0, piece.length >= 16 ? 12 : 0);
        hash.update(piece);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}
