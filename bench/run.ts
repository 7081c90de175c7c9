/**
 * `npm run bench`: create throughput against the baseline, memory under large uploads, list scaling, start-up.
 * Prints tables and writes bench/results/latest.json. Settings (environment):
 *   BENCH_SECTIONS   comma list of create,memory,list,startup (default: all)
 *   BENCH_SECONDS    seconds per create run (default 5);  BENCH_ROUNDS  interleaved rounds (default 3)
 *   BENCH_CONNECTIONS create concurrencies (default 1,16,64)
 *   BENCH_LIST_LARGE invoices in the large list dataset (default 1000000); BENCH_LIST_SMALL (default 1000)
 *   BENCH_CPU_PROF=1 run klantportaal under `node --cpu-prof` (profiles in bench/results/profiles/)
 *   BENCH_KEEP=1     keep the temporary data directories
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchCreate, PDF_BYTES, type CreateRow, type CreateTarget } from './create.js';
import { BACKENDS, sqlite } from './lib/backends.js';
import { createAccount, prepareKlantportaal } from './lib/klantportaal.js';
import { MiB, REPO_ROOT, RESULTS_DIR, startBaseline, startKlantportaal, tempDir, type Server } from './lib/proc.js';
import { ratio, round, table } from './lib/stats.js';
import { benchList, type ListDataset, type ListRow } from './list.js';
import { benchMemory, type MemoryResult } from './memory.js';
import { benchStartup, type StartupRow } from './startup.js';

const env = process.env;
const SECTIONS = new Set((env.BENCH_SECTIONS ?? 'create,memory,list,startup').split(',').map((s) => s.trim()));
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = (env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const LIST_LARGE = Number(env.BENCH_LIST_LARGE ?? 1_000_000);
const LIST_SMALL = Number(env.BENCH_LIST_SMALL ?? 1_000);
const PROFILE_DIR = env.BENCH_CPU_PROF === '1' ? path.join(RESULTS_DIR, 'profiles') : undefined;
const KEEP = env.BENCH_KEEP === '1';
// Few customers, so that even in the small dataset one customer has several pages of invoices.
const CUSTOMERS = 4;

const TARGETS = { createRatio: 0.8, p99OverP50: 3, peakMiB: 150, listRatio: 1.5, startupMs: 1000 };

const started = Date.now();
const log = (line: string) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const cleanups: (() => Promise<void>)[] = [];
const running = new Set<Server>();

async function track<T extends { server: Server }>(promise: Promise<T>): Promise<T> {
  const value = await promise;
  running.add(value.server);
  return value;
}
async function stop(server: Server): Promise<void> {
  running.delete(server);
  await server.stop();
}
async function scratch(label: string): Promise<string> {
  const dir = await tempDir(label);
  if (!KEEP) cleanups.push(() => fsp.rm(dir, { recursive: true, force: true }));
  return dir;
}

interface Results {
  meta: Record<string, unknown>;
  create?: { rows: CreateRow[]; ratios: { connections: number; rps: number; p50: number; p99: number }[] };
  memory?: MemoryResult[];
  list?: { backend: string; datasets: { label: string; invoices: number; seedSeconds: number }[]; rows: ListRow[] };
  startup?: StartupRow[];
  postgresql: string;
  targets: { name: string; value: string; target: string; met: boolean }[];
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (src modified)` : commit;
  } catch {
    return 'unknown';
  }
}

async function runCreate(results: Results): Promise<string> {
  log(`1. create throughput: ${PDF_BYTES / 1024} KB PDFs, ${ROUNDS} interleaved rounds × ${SECONDS} s per target and concurrency`);
  const kp = await track(prepareKlantportaal(await scratch('create-kp'), PROFILE_DIR ? { cpuProfDir: PROFILE_DIR } : {}));
  const quiet = await track(prepareKlantportaal(await scratch('create-kp-warn'), { logLevel: 'warn', name: 'klantportaal-warn' }));
  const baseRoot = await scratch('create-baseline');
  const base = await track(startBaseline(path.join(baseRoot, 'data')));
  const targets: CreateTarget[] = [
    { key: 'base', label: 'baseline', server: base.server, headers: {}, customerId: kp.customerId },
    { key: 'kp', label: 'klantportaal', server: kp.server, headers: { authorization: `Bearer ${kp.tenant.apiKey}` }, customerId: kp.customerId },
    {
      key: 'kpw',
      label: 'klantportaal LOG_LEVEL=warn',
      server: quiet.server,
      headers: { authorization: `Bearer ${quiet.tenant.apiKey}` },
      customerId: quiet.customerId,
    },
  ];
  const rows = await benchCreate(targets, { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, warmupSeconds: 2, only: { kpw: [16] } }, log);
  await stop(quiet.server);
  await stop(base.server);
  await stop(kp.server);
  const ratios = CONNECTIONS.map((connections) => {
    const k = rows.find((r) => r.target === 'klantportaal' && r.connections === connections);
    const b = rows.find((r) => r.target === 'baseline' && r.connections === connections);
    return { connections, rps: round(ratio(k?.rps ?? NaN, b?.rps ?? NaN), 2), p50: round(ratio(k?.p50 ?? NaN, b?.p50 ?? NaN), 2), p99: round(ratio(k?.p99 ?? NaN, b?.p99 ?? NaN), 2) };
  });
  results.create = { rows, ratios };
  for (const r of ratios) {
    if (r.connections === 16) results.targets.push({ name: 'create rps klantportaal ÷ baseline, c=16', value: String(r.rps), target: `≥ ${TARGETS.createRatio}`, met: r.rps >= TARGETS.createRatio });
  }
  // The baseline's own tail in the same run says how much of a long tail is the disk and the machine.
  for (const row of rows.filter((r) => r.target === 'klantportaal')) {
    const b = rows.find((r) => r.target === 'baseline' && r.connections === row.connections);
    results.targets.push({
      name: `create p99 ÷ p50, c=${row.connections}`,
      value: `${row.p99OverP50} (baseline ${b?.p99OverP50 ?? '?'})`,
      target: `≤ ${TARGETS.p99OverP50}`,
      met: row.p99OverP50 <= TARGETS.p99OverP50,
    });
  }
  return kp.dataDir;
}

async function runMemory(results: Results): Promise<void> {
  const uploads = 20;
  const size = 20 * MiB;
  log(`2. memory: ${uploads} concurrent uploads of a ${size / MiB} MiB PDF, fresh server each`);
  const out: MemoryResult[] = [];
  const kp = await track(prepareKlantportaal(await scratch('memory-kp')));
  out.push(await benchMemory({ label: 'klantportaal', server: kp.server, headers: { authorization: `Bearer ${kp.tenant.apiKey}` }, customerId: kp.customerId }, uploads, size));
  await stop(kp.server);
  const baseRoot = await scratch('memory-baseline');
  const base = await track(startBaseline(path.join(baseRoot, 'data')));
  out.push(await benchMemory({ label: 'baseline', server: base.server, headers: {}, customerId: kp.customerId }, uploads, size));
  await stop(base.server);
  for (const m of out) log(`  ${m.target}: ${m.created}/${m.uploads} created in ${m.seconds} s; peak RSS ${m.peakBeforeMiB} → ${m.peakMiB} MiB`);
  results.memory = out;
  const k = out[0];
  if (k) {
    const ok = k.peakMiB <= TARGETS.peakMiB && k.created === k.uploads;
    results.targets.push({ name: `peak RSS, ${uploads} × ${size / MiB} MiB uploads`, value: `${k.peakMiB} MiB`, target: `≤ ${TARGETS.peakMiB} MiB`, met: ok });
  }
}

async function runList(results: Results): Promise<string[]> {
  const backend = sqlite;
  log(`3. list scaling (${backend.name}): ${LIST_SMALL} vs ${LIST_LARGE} invoices in one account`);
  const datasets: ListDataset[] = [];
  const seeds: { label: string; invoices: number; seedSeconds: number }[] = [];
  for (const invoices of [LIST_SMALL, LIST_LARGE]) {
    const root = await scratch(`list-${invoices}`);
    const dataDir = path.join(root, 'data');
    await fsp.mkdir(dataDir, { recursive: true });
    const tenant = await createAccount(dataDir);
    const seeded = await backend.seed(dataDir, { accountId: tenant.accountId, invoices, customers: CUSTOMERS, paidShare: 0.7 });
    const label = invoices >= 1_000_000 ? `${invoices / 1_000_000}M` : invoices >= 1000 ? `${invoices / 1000}k` : String(invoices);
    log(`  seeded ${invoices} invoices in ${round(seeded.seconds, 1)} s`);
    seeds.push({ label, invoices, seedSeconds: round(seeded.seconds, 1) });
    const { server, readyMs } = await track(startKlantportaal({ dataDir, name: `list-${label}` }));
    datasets.push({ label, invoices, seeded, customers: CUSTOMERS, prepared: { server, readyMs, tenant, customerId: seeded.customerIds[0] ?? '', dataDir } });
  }
  const rows = await benchList(backend, datasets, 200, log);
  for (const d of datasets) await stop(d.prepared.server);
  results.list = { backend: backend.name, datasets: seeds, rows };
  const [small, large] = datasets.map((d) => d.label);
  for (const row of rows) {
    results.targets.push({ name: `list p50 ${large} ÷ ${small}: ${row.case}`, value: String(row.ratio), target: `≤ ${TARGETS.listRatio}`, met: row.ratio <= TARGETS.listRatio });
  }
  return datasets.map((d) => d.prepared.dataDir);
}

async function runStartup(results: Results, createDir: string | null, listDirs: string[]): Promise<void> {
  const cases: { label: string; dataDir: string }[] = [];
  const [small, large] = listDirs;
  if (small) cases.push({ label: `${LIST_SMALL} invoices (SQLite)`, dataDir: small });
  if (large) cases.push({ label: `${LIST_LARGE} invoices (SQLite)`, dataDir: large });
  if (createDir) {
    const pdfs = fs.readdirSync(path.join(createDir, 'pdfs')).length;
    cases.push({ label: `after the create bench (${pdfs} PDF files)`, dataDir: createDir });
  }
  if (cases.length === 0) {
    const root = await scratch('startup');
    const dataDir = path.join(root, 'data');
    await fsp.mkdir(dataDir, { recursive: true });
    await createAccount(dataDir);
    cases.push({ label: 'small existing database', dataDir });
  }
  log(`4. start-up: spawn → /readyz 200, ${cases.map((c) => c.label).join('; ')}`);
  const rows = await benchStartup(cases, 5, await scratch('startup-bare'));
  for (const row of rows) log(`  ${row.target}: median ${row.medianMs} ms, max ${row.maxMs} ms`);
  results.startup = rows;
  for (const row of rows.filter((r) => !r.target.startsWith('bare'))) {
    results.targets.push({ name: `start-up to /readyz, ${row.target}`, value: `${row.medianMs} ms`, target: `< ${TARGETS.startupMs} ms`, met: row.medianMs < TARGETS.startupMs });
  }
}

function report(results: Results): string {
  const out: string[] = [];
  out.push(`klantportaal benchmark — ${results.meta.date} — commit ${results.meta.commit} — Node ${results.meta.node}, ${results.meta.cpus} cores, load ${results.meta.loadBefore}`);
  if (results.create) {
    out.push('', `1. Create, POST /v1/customer-invoices, ${PDF_BYTES / 1024} KB PDF (${ROUNDS} × ${SECONDS} s interleaved per row)`);
    out.push(
      table(
        ['target', 'conc.', 'creates/s', 'p50 ms', 'p99 ms', 'p99/p50', 'errors', 'non-201', 'CPU ms/create'],
        results.create.rows.map((r) => [r.target, r.connections, r.rps, r.p50, r.p99, r.p99OverP50, r.errors, r.non201, r.cpuMsPerCreate]),
      ),
    );
    out.push('', table(['klantportaal ÷ baseline', 'creates/s', 'p50', 'p99'], results.create.ratios.map((r) => [`c=${r.connections}`, r.rps, r.p50, r.p99])));
  }
  if (results.memory) {
    out.push('', '2. Memory, 20 concurrent uploads of a 20 MiB PDF (fresh server)');
    out.push(
      table(
        ['target', 'created', 'RSS before MiB', 'peak RSS MiB (VmHWM)', 'seconds'],
        results.memory.map((m) => [m.target, `${m.created}/${m.uploads}`, m.rssBeforeMiB, m.peakMiB, m.seconds]),
      ),
    );
  }
  if (results.list) {
    const [small, large] = results.list.datasets.map((d) => d.label) as [string, string];
    out.push('', `3. List, GET /v1/customer-invoices?limit=50 (${results.list.backend}; p50 over 200 requests each, alternating)`);
    out.push(
      table(
        ['query', `p50 ${small} ms`, `p50 ${large} ms`, `${large} ÷ ${small}`, `in DB ${small} ms`, `in DB ${large} ms`],
        results.list.rows.map((r) => [r.case, r.p50[small] ?? NaN, r.p50[large] ?? NaN, r.ratio, r.dbP50[small] ?? NaN, r.dbP50[large] ?? NaN]),
      ),
    );
    out.push('', `EXPLAIN QUERY PLAN (${large} invoices):`);
    for (const r of results.list.rows) {
      const e = r.explain[large];
      out.push(`  ${r.case}:`, ...(e?.plan ?? []).map((line) => `    ${line}`));
    }
  }
  if (results.startup) {
    out.push('', '4. Start-up, spawn → first /readyz 200 (5 runs)');
    out.push(table(['data directory', 'median ms', 'max ms'], results.startup.map((s) => [s.target, s.medianMs, s.maxMs])));
  }
  out.push('', `5. PostgreSQL: ${results.postgresql}`);
  out.push('', 'Targets');
  out.push(table(['measure', 'value', 'target', 'met'], results.targets.map((t) => [t.name, t.value, t.target, t.met ? 'yes' : 'NO'])));
  return out.join('\n');
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  const pg = BACKENDS.find((b) => b.name === 'PostgreSQL');
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cpus: os.cpus().length,
      loadBefore: os.loadavg().map((l) => l.toFixed(2)).join(' '),
      settings: { seconds: SECONDS, rounds: ROUNDS, listSmall: LIST_SMALL, listLarge: LIST_LARGE, profiled: PROFILE_DIR !== undefined },
    },
    postgresql: `${env.DATABASE_URL ? 'DATABASE_URL is set, but PostgreSQL is ' : ''}${pg?.unsupported ?? 'supported'}`,
    targets: [],
  };
  if (PROFILE_DIR) await fsp.mkdir(PROFILE_DIR, { recursive: true });
  let createDir: string | null = null;
  let listDirs: string[] = [];
  if (SECTIONS.has('create')) createDir = await runCreate(results);
  if (SECTIONS.has('memory')) await runMemory(results);
  if (SECTIONS.has('list')) listDirs = await runList(results);
  if (SECTIONS.has('startup')) await runStartup(results, createDir, listDirs);
  results.meta.seconds = round((Date.now() - started) / 1000, 0);
  results.meta.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const text = report(results);
  process.stdout.write(`\n${text}\n\nTotal ${results.meta.seconds} s. Results in bench/results/latest.json\n`);
  await fsp.mkdir(RESULTS_DIR, { recursive: true });
  await fsp.writeFile(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify({ ...results, text }, null, 2)}\n`);
}

async function cleanup(): Promise<void> {
  await Promise.allSettled([...running].map((s) => s.stop()));
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
}

process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
main().then(
  () => cleanup(),
  async (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await cleanup();
    process.exitCode = 1;
  },
);
