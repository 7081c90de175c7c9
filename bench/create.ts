/**
 * 1. Create throughput: POST /v1/customer-invoices with a 60 KB PDF and a unique invoice number per request,
 * at several concurrencies for a fixed duration, from this process (autocannon) against servers in their own
 * processes: klantportaal (`klantportaal serve` from dist/) and the baseline (bench/baseline-server.ts).
 * Runs are interleaved (target order alternates per round) so that noise from a shared machine hits both.
 */
import autocannon from 'autocannon';
import { createBody, CONTENT_TYPE, pdfFactory } from './lib/multipart.js';
import { cpuMsOf, type Server } from './lib/proc.js';
import { percentile, ratio, round } from './lib/stats.js';

export const PDF_BYTES = 60 * 1024;

export interface CreateTarget {
  key: string;
  label: string;
  server: Server;
  headers: Record<string, string>;
  customerId: string;
}

export interface RunSample {
  created: number;
  other: number;
  errors: number;
  seconds: number;
  cpuMs: number;
  latencies: number[];
}

export interface CreateRow {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  p99OverP50: number;
  errors: number;
  non201: number;
  requests: number;
  cpuMsPerCreate: number;
  runs: { rps: number; p50: number; p99: number }[];
}

let counter = 0;
const makePdf = pdfFactory(PDF_BYTES);

/** One fixed-duration autocannon run; every request a new invoice number and new PDF bytes. */
export async function loadRun(target: CreateTarget, connections: number, seconds: number): Promise<RunSample> {
  const latencies: number[] = [];
  let created = 0;
  let other = 0;
  const cpuBefore = cpuMsOf(target.server.pid);
  const started = process.hrtime.bigint();
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon({
    url: target.server.url,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/v1/customer-invoices',
        headers: { ...target.headers, 'content-type': CONTENT_TYPE },
        setupRequest: (request) => {
          const number = `B-${target.key}-${(counter++).toString(36)}`;
          const fields = { customerId: target.customerId, invoiceNumber: number, issuedAt: '2024-04-30', amount: '1234.56' };
          return { ...request, body: createBody(fields, makePdf(number)) };
        },
      },
    ],
  }, (error, result) => finish(error, result));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 201) {
      created += 1;
      latencies.push(responseTime);
    } else {
      other += 1;
    }
  });
  const result = await done;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { created, other, errors: result.errors, seconds: elapsed, cpuMs: cpuMsOf(target.server.pid) - cpuBefore, latencies };
}

function summarise(target: CreateTarget, connections: number, samples: RunSample[]): CreateRow {
  const latencies = samples.flatMap((s) => s.latencies);
  const created = samples.reduce((n, s) => n + s.created, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const cpuMs = samples.reduce((n, s) => n + s.cpuMs, 0);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  return {
    target: target.label,
    connections,
    rps: round(created / seconds, 0),
    p50: round(p50, 1),
    p99: round(p99, 1),
    p99OverP50: round(ratio(p99, p50), 2),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    non201: samples.reduce((n, s) => n + s.other, 0),
    requests: created,
    cpuMsPerCreate: round(cpuMs / Math.max(1, created), 2),
    runs: samples.map((s) => ({ rps: round(s.created / s.seconds, 0), p50: round(percentile(s.latencies, 50), 1), p99: round(percentile(s.latencies, 99), 1) })),
  };
}

export interface CreatePlan {
  connections: number[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  /** Targets measured only at these concurrencies (e.g. a logging variant), by key. */
  only?: Record<string, number[]>;
}

/** Interleaved runs: per concurrency, `rounds` rounds, each target once per round, order alternating. */
export async function benchCreate(targets: CreateTarget[], plan: CreatePlan, progress: (line: string) => void): Promise<CreateRow[]> {
  for (const target of targets) {
    const warm = await loadRun(target, 16, plan.warmupSeconds);
    progress(`  warm-up ${target.label}: ${warm.created} created, ${warm.other} other, ${warm.errors} errors`);
    if (warm.created === 0) throw new Error(`${target.label}: no invoice was created during warm-up (${warm.other} other answers, ${warm.errors} errors)`);
  }
  const rows: CreateRow[] = [];
  for (const connections of plan.connections) {
    const active = targets.filter((t) => !plan.only?.[t.key] || plan.only[t.key]?.includes(connections));
    const samples = new Map<string, RunSample[]>(active.map((t) => [t.key, []]));
    for (let r = 0; r < plan.rounds; r++) {
      const order = r % 2 === 0 ? active : [...active].reverse();
      for (const target of order) {
        const sample = await loadRun(target, connections, plan.seconds);
        samples.get(target.key)?.push(sample);
        progress(
          `  c=${connections} round ${r + 1}/${plan.rounds} ${target.label}: ${round(sample.created / sample.seconds, 0)} creates/s, ` +
            `p50 ${round(percentile(sample.latencies, 50), 1)} ms, p99 ${round(percentile(sample.latencies, 99), 1)} ms` +
            (sample.other + sample.errors > 0 ? `, ${sample.other} non-201, ${sample.errors} errors` : ''),
        );
      }
    }
    for (const target of active) rows.push(summarise(target, connections, samples.get(target.key) ?? []));
  }
  return rows;
}
