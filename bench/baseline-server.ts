/**
 * The baseline for the create benchmark: the least work a durable implementation of
 * `POST /v1/customer-invoices` can do on this machine. Bare node:http + busboy; the PDF part is streamed to a
 * temp file that is fsync'd on close, renamed, the directory fsync'd, then one row is inserted into SQLite
 * (WAL, synchronous=FULL) and the answer is 201. No auth, no validation, no hashing, no logging.
 *
 * Run by bench/run.ts as its own process: PORT, HOST, DATA_DIR from the environment.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import busboy from 'busboy';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(process.env.DATA_DIR ?? './baseline-data');
const pdfDir = path.join(dataDir, 'pdfs');
fs.mkdirSync(pdfDir, { recursive: true });

const db = new SQLite(path.join(dataDir, 'baseline.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`create table if not exists invoices (
  id text primary key, invoice_number text not null unique, pdf_file text not null, created_at text not null)`);
const insert = db.prepare('insert into invoices (id, invoice_number, pdf_file, created_at) values (?, ?, ?, ?)');

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function create(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const fields = new Map<string, string>();
  let staged: Promise<string> | null = null;
  const parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: 20 * 1024 * 1024 } });
  parser.on('field', (name, value) => fields.set(name, value));
  parser.on('file', (_name, file) => {
    const temp = path.join(pdfDir, `.tmp-${randomBytes(10).toString('hex')}`);
    // flush: true fsyncs the file before the stream closes.
    staged = pipeline(file, fs.createWriteStream(temp, { flush: true })).then(() => temp);
  });
  await pipeline(req, parser);
  if (!staged) return answer(res, 422, { error: 'pdf missing' });
  const temp = await (staged as Promise<string>);
  const id = `inv_${randomBytes(7).toString('hex')}`;
  const final = path.join(pdfDir, `${id}.pdf`);
  await fsp.rename(temp, final);
  await fsyncDirectory(pdfDir);
  const invoiceNumber = fields.get('invoiceNumber') ?? id;
  insert.run(id, invoiceNumber, path.basename(final), new Date().toISOString());
  res.setHeader('location', `http://${host}:${port}/v1/customer-invoices/${id}`);
  answer(res, 201, { id, invoiceNumber });
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ready') return answer(res, 200, { status: 'ok' });
  if (req.method === 'POST' && req.url === '/v1/customer-invoices') {
    create(req, res).catch((error: unknown) => {
      if (!res.headersSent) answer(res, 500, { error: String(error) });
      else res.destroy();
    });
    return;
  }
  answer(res, 404, { error: 'not found' });
});
server.keepAliveTimeout = 30_000;
server.listen(port, host);

process.once('SIGTERM', () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeIdleConnections();
});
