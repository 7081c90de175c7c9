import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { TEST_DIALECT } from './database.js';
import { demoAccount, startServeProcess, type ServeProcess } from './process.js';
import { samplePdf } from './server.js';

/**
 * RELIABILITY.md D1: `klantportaal serve` under 32 concurrent uploaders, killed with SIGKILL at a random moment,
 * restarted, and checked. A request that got a 201 is "acknowledged"; every other one stays "pending" and is
 * retried with the same Idempotency-Key in later cycles, as a real client would, until it gets its 201.
 */
export interface CrashOptions {
  cycles: number;
  /** DATA_DIR, DATABASE_URL and STORAGE_URL (+ AWS_*) of the run. */
  env: Record<string, string>;
  /** Reads what the store holds: published hashes and leftover temp files. */
  store: { published(): Promise<string[]>; temps(): Promise<string[]> };
  /** Retry every pending request (no kills) after this many cycles, and at the end. */
  settleEvery?: number;
  /**
   * RELIABILITY.md D5: instead of killing the server, run this at the random moment (stop PostgreSQL and start
   * it again); it resolves once the disruption is over. The server process is not touched: it must live
   * through it and then answer every pending retry with its 201 (within 30 s); then it is stopped with SIGTERM
   * (exit 0) and started again, and the cycle is checked as D1 checks it.
   */
  disrupt?: () => Promise<void>;
  log?: (line: string) => void;
}

export interface CrashFigures {
  cycles: number;
  requests: number;
  acknowledged: number;
  /** Requests cut off by a kill that turned out committed (their 201 was lost). */
  presentUnacknowledged: number;
  /** Answers that are no violation but no 201 either: 409 (key still held by the killed process), 503. */
  retryAnswers: Record<string, number>;
  /** Temp files and unreferenced PDFs found right after a kill (or disruption), before the restart cleaned them up. */
  tempsLeftByKills: number;
  orphansLeftByKills: number;
  maxSettleSeconds: number;
  invoices: number;
  violations: string[];
}

interface Job {
  key: string;
  fields: Record<string, string>;
  seed: string;
  size: number;
  sha: string;
  /** Set once the invoice is known to exist (a 201, or found after a kill). */
  id: string | null;
  acknowledged: boolean;
  /** Its stored PDF was downloaded and compared once. */
  verified: boolean;
  busy: boolean;
}

const MiB = 1024 * 1024;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** 5 % at 20 MiB (the default MAX_PDF_BYTES), the rest log-uniform between 1 KiB and 2 MiB. */
function pdfSize(): number {
  if (Math.random() < 0.05) return 20 * MiB;
  return Math.round(1024 * Math.pow(2048, Math.random()));
}

export async function runCrashCycles(options: CrashOptions): Promise<CrashFigures> {
  const log = options.log ?? (() => undefined);
  const figures: CrashFigures = {
    cycles: 0, requests: 0, acknowledged: 0, presentUnacknowledged: 0, retryAnswers: {}, tempsLeftByKills: 0, orphansLeftByKills: 0, maxSettleSeconds: 0, invoices: 0, violations: [],
  };
  const violation = (message: string) => {
    figures.violations.push(message);
    log(`VIOLATION ${message}`);
  };
  const jobs = new Map<string, Job>(); // by invoice number
  const pending = new Set<Job>();
  /** The last cycle's time from the start of the load to the kill (or disruption), for the verbose log. */
  let lastWindowMs = 0;
  // No rate limit: the 32 clients share one API key on purpose.
  const env = { LOG_LEVEL: 'warn', ORPHAN_PDF_GRACE_SECONDS: '0', MAIL_POLL_MS: '200', RATE_LIMIT_PER_MINUTE: '0', ...options.env };
  const database = openDatabase(loadConfig(env).database);
  let server = await startServeProcess(env);
  const { apiKey, customerId } = await demoAccount(server);

  const newJob = (): Job => {
    const seed = randomUUID();
    const size = pdfSize();
    const fields: Record<string, string> = { customerId, invoiceNumber: `K-${seed.slice(0, 18)}`, issuedAt: '2024-04-30', amount: '12.95' };
    if (Math.random() < 0.3) fields.sendNotification = 'true';
    const job: Job = { key: `crash-${seed}`, fields, seed, size, sha: sha256(samplePdf(seed, size)), id: null, acknowledged: false, verified: false, busy: false };
    jobs.set(fields.invoiceNumber as string, job);
    pending.add(job);
    return job;
  };

  /** One attempt; returns false when the answer is no 201 (the job stays pending). */
  async function send(url: string, job: Job, signal?: AbortSignal): Promise<{ ok: boolean; retryAfter: number }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(job.fields)) form.append(name, value);
    form.append('pdf', new Blob([samplePdf(job.seed, job.size)], { type: 'application/pdf' }), 'invoice.pdf');
    figures.requests += 1;
    let res: Response;
    try {
      res = await fetch(`${url}/v1/customer-invoices`, {
        method: 'POST', body: form, signal, headers: { authorization: `Bearer ${apiKey}`, 'idempotency-key': job.key },
      });
    } catch {
      return { ok: false, retryAfter: 0 }; // the kill cut it off
    }
    const body = (await res.json().catch(() => null)) as { id?: string; errors?: { field: string }[] } | null;
    if (res.status === 201 && body?.id) {
      if (job.id !== null && job.id !== body.id) violation(`${job.key}: retry answered ${body.id}, but ${job.id} was stored`);
      job.id = body.id;
      if (!job.acknowledged) figures.acknowledged += 1;
      job.acknowledged = true;
      pending.delete(job);
      return { ok: true, retryAfter: 0 };
    }
    const inFlight = res.status === 409 && body?.errors?.[0]?.field === 'Idempotency-Key';
    // On SQLite `serve` forgets the claims of the process it replaces, so after a kill no key is in flight: the
    // clients never send one job twice at once (`busy`), and the killed process is gone.
    if (inFlight && TEST_DIALECT === 'sqlite' && !options.disrupt) violation(`${job.key}: 409 in flight after a restart on SQLite (the killed process's claim was kept)`);
    if (inFlight || res.status === 503) {
      const label = inFlight ? '409 key in flight' : '503';
      figures.retryAnswers[label] = (figures.retryAnswers[label] ?? 0) + 1;
      return { ok: false, retryAfter: Number(res.headers.get('retry-after') ?? 1) };
    }
    violation(`${job.key}: answered ${res.status} ${JSON.stringify(body)}`);
    return { ok: false, retryAfter: 1 };
  }

  /**
   * D5: 32 clients while `disrupt` runs beside them, and for a moment after it (the server must recover under
   * load); then every request sent gets its answer, so nothing is in flight when the cycle is checked.
   */
  async function loadAndDisrupt(disrupt: () => Promise<void>): Promise<void> {
    let stopped = false;
    const client = async () => {
      while (!stopped) {
        const retry = Math.random() < 0.3 ? [...pending].find((j) => !j.busy) : undefined;
        const job = retry ?? newJob();
        job.busy = true;
        const { ok, retryAfter } = await send(server.url, job);
        job.busy = false;
        // As a polite client does: after a 503 or 409 wait for Retry-After (at most 2 s here).
        if (!ok) await pause(Math.min(Math.max(retryAfter, 0.05), 2) * 1000);
      }
    };
    const clients = Array.from({ length: 32 }, client);
    lastWindowMs = 50 + Math.random() * 1450;
    await pause(lastWindowMs);
    await disrupt();
    await pause(500 + Math.random() * 1000);
    stopped = true;
    await Promise.all(clients);
  }

  /** 32 clients until the kill: new invoices, and retries of pending ones (same key, same request). */
  async function loadAndKill(): Promise<void> {
    const aborter = new AbortController();
    let killed = false;
    const client = async () => {
      while (!killed) {
        const retry = Math.random() < 0.3 ? [...pending].find((j) => !j.busy) : undefined;
        const job = retry ?? newJob();
        job.busy = true;
        await send(server.url, job, aborter.signal);
        job.busy = false;
      }
    };
    const clients = Array.from({ length: 32 }, client);
    lastWindowMs = 50 + Math.random() * 1450;
    await new Promise((resolve) => setTimeout(resolve, lastWindowMs));
    killed = true;
    server.child.kill('SIGKILL');
    await server.stop();
    aborter.abort();
    await Promise.all(clients);
  }

  /**
   * Every pending request retried until it gets its 201, with no kill, by 32 clients that each keep one request
   * until it succeeds (honouring Retry-After): each must get its 201 within 30 s of its first retry.
   */
  async function settle(): Promise<void> {
    const queue = [...pending];
    const client = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const started = Date.now();
        while (!job.acknowledged && Date.now() - started < 60_000) {
          const { ok, retryAfter } = await send(server.url, job);
          if (!ok) await new Promise((resolve) => setTimeout(resolve, Math.max(1, retryAfter) * 1000));
        }
        const seconds = (Date.now() - started) / 1000;
        figures.maxSettleSeconds = Math.max(figures.maxSettleSeconds, seconds);
        if (!job.acknowledged || seconds > 30) violation(`${job.key}: same-key retry got no 201 within 30 s (${seconds.toFixed(1)} s)`);
      }
    };
    await Promise.all(Array.from({ length: 32 }, client));
  }

  try {
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const cycleStarted = Date.now();
      const acknowledgedBefore = figures.acknowledged;
      if (options.disrupt) await loadAndDisrupt(options.disrupt);
      else await loadAndKill();
      const loadEnded = Date.now();
      figures.cycles = cycle;
      figures.tempsLeftByKills += (await options.store.temps()).length;
      const referenced = new Set((await database.db.selectFrom('customer_invoices').select('pdf_sha256').execute()).map((r) => r.pdf_sha256));
      figures.orphansLeftByKills += (await options.store.published()).filter((sha) => !referenced.has(sha)).length;
      if (options.disrupt) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          violation(`cycle ${cycle}: the server process ended during the disruption (${server.child.exitCode ?? server.child.signalCode}): ${server.errors().slice(-2000)}`);
          server = await startServeProcess(env);
        }
        // Right after the outage, before any retry: rows and PDFs whole or absent (leftover files come below).
        await check(database, jobs, options.store, server, apiKey, figures, violation, false, false);
        // The process that lived through it must recover: every pending request, retried against it, gets its 201.
        await settle();
        // PDFs of creates cut between publish and commit are removed by the start-up (and hourly) sweep, so the
        // state is checked after a graceful restart, as D1 checks it after its restart.
        const code = await server.stop();
        if (code !== 0) violation(`cycle ${cycle}: after the disruption SIGTERM ended the server with ${code}: ${server.errors().slice(-2000)}`);
        server = await startServeProcess(env);
        await check(database, jobs, options.store, server, apiKey, figures, violation, cycle === options.cycles);
      } else {
        server = await startServeProcess(env);
        await check(database, jobs, options.store, server, apiKey, figures, violation, false);
        if (cycle === options.cycles || (options.settleEvery && cycle % options.settleEvery === 0)) {
          await settle();
          await check(database, jobs, options.store, server, apiKey, figures, violation, cycle === options.cycles);
        }
      }
      log(`cycle ${cycle}: +${figures.acknowledged - acknowledgedBefore} in ${Math.round(lastWindowMs)} ms (load ${loadEnded - cycleStarted} ms, restart+check ${Date.now() - loadEnded} ms); ${figures.acknowledged} acknowledged of ${jobs.size} invoices, ${figures.violations.length} violations`);
    }
    figures.invoices = jobs.size;
  } finally {
    await server.stop();
    await database.close();
  }
  return figures;
}

/** The state after a restart: every invoice whole or absent, nothing left over, the database intact. */
async function check(
  database: DatabaseHandle, jobs: Map<string, Job>, store: CrashOptions['store'], server: ServeProcess, apiKey: string,
  figures: CrashFigures, violation: (message: string) => void, final: boolean, leftovers = true,
): Promise<void> {
  const { db } = database;
  const rows = await db.selectFrom('customer_invoices').select(['id', 'invoice_number', 'pdf_sha256']).execute();
  const outbox = await db.selectFrom('notification_outbox').select(['invoice_id']).execute();
  const mails = new Map<string, number>();
  for (const { invoice_id } of outbox) if (invoice_id !== null) mails.set(invoice_id, (mails.get(invoice_id) ?? 0) + 1);
  const byNumber = new Map(rows.map((row) => [row.invoice_number, row]));
  const download = async (job: Job, id: string) => {
    // The bytes straight from the API route (Accept: application/pdf), without a second request for the link.
    const res = await fetch(`${server.url}/v1/customer-invoices/${id}/pdf`, { headers: { authorization: `Bearer ${apiKey}`, accept: 'application/pdf' } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200 || sha256(bytes) !== job.sha) violation(`${job.key}: PDF of ${id} is not byte-identical (${res.status}, ${bytes.length} bytes)`);
  };
  for (const job of jobs.values()) {
    const row = byNumber.get(job.fields.invoiceNumber as string);
    if (!row) {
      if (job.acknowledged) violation(`${job.key}: acknowledged as ${job.id} but missing after a restart`);
      continue;
    }
    if (job.id !== null && row.id !== job.id) violation(`${job.key}: stored as ${row.id}, acknowledged as ${job.id}`);
    if (row.pdf_sha256 !== job.sha) violation(`${job.key}: row names PDF ${row.pdf_sha256}, uploaded ${job.sha}`);
    const wanted = job.fields.sendNotification === 'true' ? 1 : 0;
    if ((mails.get(row.id) ?? 0) !== wanted) violation(`${job.key}: ${mails.get(row.id) ?? 0} outbox rows, expected ${wanted}`);
    if (job.id === null) {
      figures.presentUnacknowledged += 1;
      job.id = row.id;
    }
    // Each cycle downloads what it has not compared yet; the last check downloads everything again.
    if (final || !job.verified) await download(job, row.id);
    job.verified = true;
  }
  if (rows.length !== byNumber.size || rows.some((row) => !jobs.has(row.invoice_number))) violation(`rows that no request made: ${rows.length} rows`);
  // `leftovers`: temp files and orphaned PDFs are counted too (after the start-up cleanup that removes them).
  const temps = leftovers ? await store.temps() : [];
  if (temps.length > 0) violation(`${temps.length} temp files after start-up cleanup: ${temps.slice(0, 3).join(', ')}`);
  const referenced = new Set(rows.map((row) => row.pdf_sha256));
  const published = await store.published();
  const orphans = leftovers ? published.filter((sha) => !referenced.has(sha)) : [];
  if (orphans.length > 0) violation(`${orphans.length} orphaned PDFs after start-up cleanup`);
  const missing = [...referenced].filter((sha) => !published.includes(sha));
  if (missing.length > 0) violation(`${missing.length} referenced PDFs missing from the store`);
  if (database.dialect === 'sqlite') {
    const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    if (result.rows[0]?.integrity_check !== 'ok') violation(`integrity_check: ${JSON.stringify(result.rows)}`);
  }
  if (final && rows.length !== jobs.size) violation(`${rows.length} invoices for ${jobs.size} distinct Idempotency-Keys`);
}

/** The file store's view: `<sha256>.pdf` files and `.tmp-` files in one directory. */
export function fileStoreView(dir: string): CrashOptions['store'] {
  const names = () => fs.readdir(dir).catch(() => [] as string[]);
  return {
    published: async () => (await names()).filter((n) => /^[0-9a-f]{64}\.pdf$/.test(n)).map((n) => n.slice(0, 64)),
    temps: async () => (await names()).filter((n) => n.startsWith('.tmp-')).map((n) => path.join(dir, n)),
  };
}
