/**
 * 2. Memory: 20 concurrent uploads of a 20 MiB PDF against a freshly started server; its peak RSS (VmHWM from
 * /proc/<pid>/status) before and after. The client streams each body from one shared buffer, with bytes that
 * differ per upload (nothing deduplicates by content).
 */
import http from 'node:http';
import { FORM_TAIL, formHead, CONTENT_TYPE } from './lib/multipart.js';
import { memoryOf, MiB, type Server } from './lib/proc.js';
import { round } from './lib/stats.js';

export interface MemoryResult {
  target: string;
  uploads: number;
  pdfMiB: number;
  created: number;
  statuses: Record<string, number>;
  rssBeforeMiB: number;
  peakBeforeMiB: number;
  peakMiB: number;
  seconds: number;
}

const CHUNK = 256 * 1024;
const shared = Buffer.alloc(CHUNK, 0x41);

/** Streams one create whose PDF is `size` bytes made on the fly; resolves with the HTTP status. */
export function streamUpload(server: Server, headers: Record<string, string>, fields: Record<string, string>, size: number, label: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/v1/customer-invoices`, { method: 'POST', agent: false, headers: { ...headers, 'content-type': CONTENT_TYPE } });
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.write(formHead(fields));
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const length = Math.min(CHUNK, size - sent);
        const piece = Buffer.from(shared.subarray(0, length));
        if (sent === 0) piece.write('%PDF-1.7\n');
        // Vary the bytes per upload and per chunk.
        if (length >= 24) piece.writeUInt32LE(label, 16), piece.writeUInt32LE(sent >>> 0, 20);
        sent += length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end(FORM_TAIL);
    };
    pump();
  });
}

export async function benchMemory(
  target: { label: string; server: Server; headers: Record<string, string>; customerId: string },
  uploads: number,
  size: number,
): Promise<MemoryResult> {
  const fields = (n: string) => ({ customerId: target.customerId, invoiceNumber: n, issuedAt: '2024-04-30', amount: '99.95' });
  // Warm every code path (parse, stage, hash, fsync, insert) with small uploads first.
  for (let i = 0; i < 3; i++) await streamUpload(target.server, target.headers, fields(`M-warm-${i}`), 256 * 1024, 1000 + i);
  const before = memoryOf(target.server.pid);
  const started = process.hrtime.bigint();
  const statuses = await Promise.all(Array.from({ length: uploads }, (_, i) => streamUpload(target.server, target.headers, fields(`M-${i}`), size, i)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const after = memoryOf(target.server.pid);
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return {
    target: target.label,
    uploads,
    pdfMiB: round(size / MiB, 1),
    created: counts['201'] ?? 0,
    statuses: counts,
    rssBeforeMiB: round(before.current / MiB, 1),
    peakBeforeMiB: round(before.peak / MiB, 1),
    peakMiB: round(after.peak / MiB, 1),
    seconds: round(seconds, 2),
  };
}
