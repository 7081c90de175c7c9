/** The text report of a `npm run bench` run: the tables printed and kept in bench/results/latest.json. */
import type { CreateRow } from './create.js';
import { table } from './lib/stats.js';
import type { ListRow } from './list.js';
import type { ManualResult } from './manual.js';
import type { MemoryResult } from './memory.js';
import type { SignInResult } from './signin.js';
import type { SoakResult } from './soak.js';
import type { StartupRow } from './startup.js';

export interface ListResult {
  backend: string;
  explainKind: string;
  datasets: { label: string; invoices: number; seedSeconds: number }[];
  rows: ListRow[];
}

export interface Results {
  meta: Record<string, unknown>;
  create?: {
    pdfBytes: number;
    rows: CreateRow[];
    ratios: { target: string; connections: number; rps: number; p50: number; p99: number }[];
  };
  memory?: MemoryResult[];
  list: ListResult[];
  startup?: StartupRow[];
  signIn?: SignInResult;
  manual?: ManualResult;
  soak?: SoakResult;
  /** Where the PostgreSQL runs happened, or why they did not. */
  postgresql: string;
  targets: { name: string; value: string; target: string; met: boolean }[];
}

function listSection(list: ListResult): string[] {
  const [small, large] = list.datasets.map((d) => d.label) as [string, string];
  const seeds = list.datasets.map((d) => `${d.label} seeded in ${d.seedSeconds} s`).join(', ');
  const out = [`List on ${list.backend}, GET /v1/customer-invoices?per_page=15, ms per page (p50 over 200 requests each, 40 for the offset contrast, alternating; ${seeds})`];
  out.push(
    table(
      ['query', `p50 ${small} ms`, `p50 ${large} ms`, `${large} ÷ ${small}`, `in DB ${small} ms`, `in DB ${large} ms`],
      list.rows.map((r) => [r.case, r.p50[small] ?? NaN, r.p50[large] ?? NaN, r.ratio, r.dbP50[small] ?? NaN, r.dbP50[large] ?? NaN]),
    ),
  );
  out.push('', `${list.explainKind} on ${list.backend} (${large} invoices):`);
  for (const r of list.rows) out.push(`  ${r.case}:`, ...(r.explain[large]?.plan ?? []).map((line) => `    ${line}`));
  return out;
}

export function report(results: Results, settings: { rounds: number; seconds: number }): string {
  const m = results.meta;
  const out: string[] = [`klantportaal benchmark — ${m.date} — commit ${m.commit} — Node ${m.node}, ${m.cpus} cores, load ${m.loadBefore}`];
  out.push(`PostgreSQL: ${results.postgresql}`);
  if (results.create) {
    out.push('', `1. Create, POST /v1/customer-invoices, ${results.create.pdfBytes / 1024} KB PDF (${settings.rounds} × ${settings.seconds} s interleaved per row)`);
    out.push(
      table(
        ['target', 'conc.', 'creates/s', 'p50 ms', 'p99 ms', 'p99/p50', 'errors', 'non-201', 'CPU ms/create'],
        results.create.rows.map((r) => [r.target, r.connections, r.rps, r.p50, r.p99, r.p99OverP50, r.errors, r.non201, r.cpuMsPerCreate]),
      ),
    );
    out.push('', table(['÷ baseline (same run)', 'creates/s', 'p50', 'p99'], results.create.ratios.map((r) => [`${r.target}, c=${r.connections}`, r.rps, r.p50, r.p99])));
  }
  if (results.memory) {
    out.push('', '2. Memory, 20 concurrent uploads of a 20 MiB PDF (fresh server)');
    out.push(
      table(
        ['target', 'created', 'RSS before MiB', 'peak RSS MiB (VmHWM)', 'seconds'],
        results.memory.map((mem) => [mem.target, `${mem.created}/${mem.uploads}`, mem.rssBeforeMiB, mem.peakMiB, mem.seconds]),
      ),
    );
  }
  results.list.forEach((list, i) => out.push('', `3${'abc'[i] ?? ''}. ${listSection(list).join('\n')}`));
  if (results.startup) {
    out.push('', '4. Start-up, spawn → first /readyz 200 (5 runs)');
    out.push(table(['data directory', 'median ms', 'max ms'], results.startup.map((s) => [s.target, s.medianMs, s.maxMs])));
  }
  if (results.signIn) {
    const s = results.signIn;
    out.push('', `5. Sign-in request, POST /portal/sign-in/{account} (${s.requests} requests, known and unknown addresses alternating)`);
    out.push(
      table(
        ['address', 'p50 ms', 'p99 ms'],
        [
          ['a customer\'s', s.knownP50, s.knownP99],
          ['nobody\'s', s.unknownP50, s.unknownP99],
        ],
      ),
    );
    out.push(`gap between the p50s: ${s.gapMs} ms; answers that differed (CSRF token aside): ${s.differentAnswers}`);
  }
  if (results.manual) {
    const m = results.manual;
    out.push('', `6. Manual invoices, POST /v1/customer-invoices/manual with ${m.lines} lines (rendered, published, committed per request; fresh server)`);
    out.push(table(['connections', 'created/s', 'p50 ms', 'p99 ms', 'created', 'non-201'], m.rows.map((r) => [r.connections, r.rps, r.p50, r.p99, r.created, r.non201])));
    out.push(`RSS before ${m.rssBeforeMiB} MiB, peak (VmHWM) ${m.peakMiB} MiB`);
  }
  if (results.soak) {
    const k = results.soak;
    out.push('', `7. Soak: ${k.minutes} min of creates at c=16 with 20 × 20 MiB uploads every minute (one server)`);
    out.push(`${k.created} creates + ${k.burstsCreated} large uploads (${k.nonCreated} not 201); RSS at each minute's end: ${k.perMinuteMiB.join(', ')} MiB; peak ${k.peakMiB} MiB`);
  }
  out.push('', 'Targets');
  out.push(table(['measure', 'value', 'target', 'met'], results.targets.map((t) => [t.name, t.value, t.target, t.met ? 'yes' : 'NO'])));
  return out.join('\n');
}
