import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InvoicePdfData } from './invoice-document.js';

/**
 * Renders PDFs on worker threads, so a create's other work (parsing, SQL, fsyncs, the response) keeps the main
 * thread while the CPU-heavy layout runs on another core: one render is ~7 ms of pure CPU, and on the main thread it
 * capped manual invoices at about one core's worth. One thread per core but the main thread's (at least one), made
 * on first use, unref'd (they never keep the process alive), replaced when one dies (its jobs fail, the next go on).
 */
interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

class RenderThread {
  readonly pending = new Map<number, Pending>();
  private worker: Worker | null = null;

  private start(): Worker {
    // Run from dist/ the worker is render-worker.js; run from src/ under tsx (the tests) it is the .ts file, and the
    // thread needs tsx's loader too.
    const limits = { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } };
    const entry = new URL(import.meta.url.endsWith('.ts') ? './render-worker.ts' : './render-worker.js', import.meta.url);
    // From dist/ the thread runs render-worker.js. From src/ under tsx (the tests) it is the .ts file, and a worker's
    // entry module is loaded before an inherited `--import tsx` applies, so the thread registers tsx itself first.
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true, ...limits })
      : new Worker(entry, limits);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok) job.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else job.reject(new Error(`rendering the PDF failed: ${reply.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the PDF render thread ended (exit code ${code})`)));
    return worker;
  }

  post(id: number, data: InvoicePdfData, locale: string, job: Pending): void {
    this.worker ??= this.start();
    this.pending.set(id, job);
    this.worker.postMessage({ id, data, locale });
  }
}

const threads: RenderThread[] = [];
let nextId = 0;

/** Renders as `renderInvoicePdf` does, on the least busy render thread. */
export function renderOnThread(data: InvoicePdfData, locale: string): Promise<Buffer> {
  if (threads.length === 0) {
    const size = Math.max(1, os.availableParallelism() - 1);
    for (let i = 0; i < size; i++) threads.push(new RenderThread());
  }
  const thread = threads.reduce((least, t) => (t.pending.size < least.pending.size ? t : least));
  return new Promise<Buffer>((resolve, reject) => thread.post(nextId++, data, locale, { resolve, reject }));
}
