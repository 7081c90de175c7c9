/**
 * 7. Soak (issue 20): creates at concurrency 16 for `minutes`, and at the start of every minute a burst of 20
 * concurrent 20 MiB uploads beside them, against one freshly started server. Its resident memory is sampled every
 * second: the peak, and where it ends against where it was after the first minute (a leak or an unbounded cache
 * climbs; heap slack goes up and comes back down).
 */
import { loadRun, type CreateTarget } from './create.js';
import { streamUpload } from './memory.js';
import { memoryOf, MiB } from './lib/proc.js';
import { round } from './lib/stats.js';

export interface SoakResult {
  minutes: number;
  created: number;
  burstsCreated: number;
  nonCreated: number;
  /** RSS at the end of each minute, MiB. */
  perMinuteMiB: number[];
  peakMiB: number;
  firstMinuteMiB: number;
  endMiB: number;
}

const BURST = 20;
const BURST_BYTES = 20 * MiB;

export async function benchSoak(target: CreateTarget, minutes: number, log: (line: string) => void): Promise<SoakResult> {
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(target.server.pid).current);
  }, 1000);
  const perMinute: number[] = [];
  let created = 0;
  let burstsCreated = 0;
  let nonCreated = 0;
  try {
    for (let minute = 1; minute <= minutes; minute++) {
      const fields = (i: number) => ({ customerId: target.customerId, invoiceNumber: `S-${minute}-${i}`, issuedAt: '2024-04-30', amount: '99.95' });
      const burst = Promise.all(Array.from({ length: BURST }, (_, i) => streamUpload(target.server, target.headers, fields(i), BURST_BYTES, minute * 100 + i)));
      const run = await loadRun(target, 16, 60);
      const statuses = await burst;
      created += run.created;
      nonCreated += run.other + statuses.filter((s) => s !== 201).length;
      burstsCreated += statuses.filter((s) => s === 201).length;
      const rss = memoryOf(target.server.pid).current;
      peak = Math.max(peak, rss);
      perMinute.push(round(rss / MiB, 1));
      log(`  minute ${minute}: ${run.created} creates (${round(run.created / run.seconds, 0)}/s) + ${BURST} × 20 MiB; RSS ${round(rss / MiB, 1)} MiB, peak so far ${round(peak / MiB, 1)} MiB`);
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    minutes, created, burstsCreated, nonCreated, perMinuteMiB: perMinute, peakMiB: round(peak / MiB, 1),
    firstMinuteMiB: perMinute[0] ?? 0, endMiB: perMinute.at(-1) ?? 0,
  };
}
