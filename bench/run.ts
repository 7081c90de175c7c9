/**
 * `npm run bench`: create throughput against the baseline, memory under large uploads, list scaling, start-up,
 * sign-in timing for known and unknown addresses;
 * create and list also on PostgreSQL when one answers (DATABASE_URL, else 127.0.0.1:5432), in schemas made for
 * the run and dropped after it. Prints tables and writes bench/results/latest.json. Settings (environment):
 *   BENCH_SECTIONS   comma list of create,memory,list,startup,signin,manual,soak (default: all but soak)
 *   BENCH_SOAK_MINUTES minutes of the soak (default 10)
 *   BENCH_SECONDS    seconds per create run (default 5);  BENCH_ROUNDS  interleaved rounds (default 3)
 *   BENCH_CONNECTIONS create concurrencies (default 1,16,64)
 *   BENCH_LIST_LARGE invoices in the large list dataset (default 1000000); BENCH_LIST_SMALL (default 1000)
 *   BENCH_POSTGRES=0 SQLite only
 *   BENCH_CPU_PROF=1 run klantportaal under `node --cpu-prof` (profiles in bench/results/profiles/)
 *   BENCH_KEEP=1     keep the temporary data directories (PostgreSQL schemas are dropped regardless)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchCreate, PDF_BYTES, type CreateTarget } from './create.js';
import { findPostgres, postgresBackend } from './lib/backend-postgres.js';
import { sqlite } from './lib/backend-sqlite.js';
import type { Backend, BenchDatabase } from './lib/backends.js';
import { createAccount, prepareKlantportaal } from './lib/klantportaal.js';
import { MiB, REPO_ROOT, RESULTS_DIR, startBaseline, startKlantportaal, tempDir, type Server } from './lib/proc.js';
import { ratio, round } from './lib/stats.js';
import { benchList, type ListDataset } from './list.js';
import { benchMemory, type MemoryResult } from './memory.js';
import { report, type Results } from './report.js';
import { benchSignIn } from './signin.js';
import { benchManual } from './manual.js';
import { benchSoak } from './soak.js';
import { benchStartup } from './startup.js';

const env = process.env;
const SECTIONS = new Set((env.BENCH_SECTIONS ?? 'create,memory,list,startup,signin,manual').split(',').map((s) => s.trim()));
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = (env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const LIST_LARGE = Number(env.BENCH_LIST_LARGE ?? 1_000_000);
const LIST_SMALL = Number(env.BENCH_LIST_SMALL ?? 1_000);
const PROFILE_DIR = env.BENCH_CPU_PROF === '1' ? path.join(RESULTS_DIR, 'profiles') : undefined;
const KEEP = env.BENCH_KEEP === '1';
// Few customers, so that even in the small dataset one customer has several pages of invoices.
const CUSTOMERS = 4;

const TARGETS = { createRatio: 0.8, p99OverP50: 3, peakMiB: 150, listRatio: 1.5, startupMs: 1000, signInGapMs: 2, manualRps: 100 };
const SIGN_INS = 200;

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
/** A fresh database on `backend` for a data directory under a new scratch root; dropped at the end. */
async function freshDatabase(backend: Backend, label: string): Promise<BenchDatabase> {
  const dataDir = path.join(await scratch(label), 'data');
  await fsp.mkdir(dataDir, { recursive: true });
  const database = await backend.create(dataDir);
  cleanups.push(() => database.drop());
  return database;
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bin'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (src modified)` : commit;
  } catch {
    return 'unknown';
  }
}

async function runCreate(results: Results, postgres: Backend | null): Promise<string> {
  log(`1. create throughput: ${PDF_BYTES / 1024} KB PDFs, ${ROUNDS} interleaved rounds × ${SECONDS} s per target and concurrency`);
  const kp = await track(prepareKlantportaal(await scratch('create-kp'), PROFILE_DIR ? { cpuProfDir: PROFILE_DIR } : {}));
  const quiet = await track(prepareKlantportaal(await scratch('create-kp-warn'), { logLevel: 'warn', name: 'klantportaal-warn' }));
  const baseRoot = await scratch('create-baseline');
  const base = await track(startBaseline(path.join(baseRoot, 'data')));
  const bearer = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });
  const targets: CreateTarget[] = [
    { key: 'base', label: 'baseline', server: base.server, headers: {}, customerId: kp.customerId },
    { key: 'kp', label: 'klantportaal', server: kp.server, headers: bearer(kp.tenant.apiKey), customerId: kp.customerId },
    { key: 'kpw', label: 'klantportaal LOG_LEVEL=warn', server: quiet.server, headers: bearer(quiet.tenant.apiKey), customerId: quiet.customerId },
  ];
  if (postgres) {
    const database = await freshDatabase(postgres, 'create-kp-pg');
    const pg = await track(prepareKlantportaal(path.dirname(database.dataDir), { env: database.env, name: 'klantportaal-pg' }));
    targets.push({ key: 'kpg', label: 'klantportaal PostgreSQL', server: pg.server, headers: bearer(pg.tenant.apiKey), customerId: pg.customerId });
  }
  const rows = await benchCreate(targets, { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, warmupSeconds: 2, only: { kpw: [16] } }, log);
  for (const target of [...targets].reverse()) await stop(target.server);
  const ratios = targets.slice(1).flatMap((target) =>
    CONNECTIONS.flatMap((connections) => {
      const k = rows.find((r) => r.target === target.label && r.connections === connections);
      const b = rows.find((r) => r.target === 'baseline' && r.connections === connections);
      if (!k || !b) return [];
      return [{ target: target.label, connections, rps: round(ratio(k.rps, b.rps), 2), p50: round(ratio(k.p50, b.p50), 2), p99: round(ratio(k.p99, b.p99), 2) }];
    }),
  );
  results.create = { pdfBytes: PDF_BYTES, rows, ratios };
  // The baseline is SQLite's least work; on PostgreSQL the ratio is shown, but it is no target of its own.
  for (const r of ratios.filter((x) => x.connections === 16 && x.target === 'klantportaal')) {
    results.targets.push({ name: `create rps ${r.target} ÷ baseline, c=16`, value: String(r.rps), target: `≥ ${TARGETS.createRatio}`, met: r.rps >= TARGETS.createRatio });
  }
  // The baseline's own tail in the same run says how much of a long tail is the disk and the machine.
  for (const row of rows.filter((r) => r.target === 'klantportaal' || r.target === 'klantportaal PostgreSQL')) {
    const b = rows.find((r) => r.target === 'baseline' && r.connections === row.connections);
    results.targets.push({
      name: `create p99 ÷ p50, ${row.target}, c=${row.connections}`,
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

async function runList(results: Results, backend: Backend): Promise<string[]> {
  log(`3. list scaling (${backend.name}): ${LIST_SMALL} vs ${LIST_LARGE} invoices in one account`);
  const datasets: ListDataset[] = [];
  const seeds: { label: string; invoices: number; seedSeconds: number }[] = [];
  for (const invoices of [LIST_SMALL, LIST_LARGE]) {
    const label = invoices >= 1_000_000 ? `${invoices / 1_000_000}M` : invoices >= 1000 ? `${invoices / 1000}k` : String(invoices);
    const database = await freshDatabase(backend, `list-${backend.name}-${invoices}`);
    const tenant = await createAccount(database.dataDir, database.env);
    const seeded = await backend.seed(database, { accountId: tenant.accountId, invoices, customers: CUSTOMERS, paidShare: 0.7 });
    log(`  seeded ${invoices} invoices in ${round(seeded.seconds, 1)} s`);
    seeds.push({ label, invoices, seedSeconds: round(seeded.seconds, 1) });
    const { server, readyMs } = await track(startKlantportaal({ dataDir: database.dataDir, env: database.env, name: `list-${backend.name}-${label}` }));
    const prepared = { server, readyMs, tenant, customerId: seeded.customerIds[0] ?? '', dataDir: database.dataDir };
    datasets.push({ label, invoices, seeded, customers: CUSTOMERS, database, prepared });
  }
  const rows = await benchList(backend, datasets, 200, log);
  for (const d of datasets) await stop(d.prepared.server);
  results.list.push({ backend: backend.name, explainKind: backend.explainKind, datasets: seeds, rows });
  const [small, large] = datasets.map((d) => d.label);
  for (const row of rows.filter((r) => !r.contrast)) {
    results.targets.push({ name: `list p50 ${large} ÷ ${small} (${backend.name}): ${row.case}`, value: String(row.ratio), target: `≤ ${TARGETS.listRatio}`, met: row.ratio <= TARGETS.listRatio });
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
    const dataDir = path.join(await scratch('startup'), 'data');
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

async function runSignIn(results: Results): Promise<void> {
  log(`5. sign-in requests (M5): ${SIGN_INS} known and ${SIGN_INS} unknown addresses, alternating, one request each`);
  const kp = await track(prepareKlantportaal(await scratch('signin-kp'), { logLevel: 'warn', name: 'klantportaal-signin' }));
  const result = await benchSignIn(kp, SIGN_INS, log);
  await stop(kp.server);
  results.signIn = result;
  results.targets.push({
    name: 'sign-in p50, known vs unknown address (same page)',
    value: `${result.gapMs} ms (${result.knownP50} vs ${result.unknownP50})`,
    target: `< ${TARGETS.signInGapMs} ms, same answer`,
    met: result.gapMs < TARGETS.signInGapMs && result.differentAnswers === 0,
  });
}

async function runManual(results: Results): Promise<void> {
  log(`6. manual invoices: 10 lines each, c=1 and c=16, ${SECONDS} s each, fresh server`);
  const kp = await track(prepareKlantportaal(await scratch('manual-kp'), { logLevel: 'warn', name: 'klantportaal-manual', ...(PROFILE_DIR ? { cpuProfDir: PROFILE_DIR } : {}) }));
  const result = await benchManual(kp, [1, 16], SECONDS, log);
  await stop(kp.server);
  results.manual = result;
  const c16 = result.rows.find((r) => r.connections === 16);
  if (c16) results.targets.push({ name: 'manual invoices created/s, 10 lines, c=16', value: String(c16.rps), target: `≥ ${TARGETS.manualRps}`, met: c16.rps >= TARGETS.manualRps && c16.non201 === 0 });
  results.targets.push({ name: 'peak RSS while rendering manual invoices', value: `${result.peakMiB} MiB`, target: `≤ ${TARGETS.peakMiB} MiB`, met: result.peakMiB <= TARGETS.peakMiB });
}

async function runSoak(results: Results): Promise<void> {
  const minutes = Number(env.BENCH_SOAK_MINUTES ?? 10);
  log(`7. soak: creates at c=16 for ${minutes} min, 20 × 20 MiB uploads at the start of every minute, fresh server`);
  const kp = await track(prepareKlantportaal(await scratch('soak-kp'), { logLevel: 'warn', name: 'klantportaal-soak' }));
  const target: CreateTarget = { key: 'soak', label: 'klantportaal', server: kp.server, headers: { authorization: `Bearer ${kp.tenant.apiKey}` }, customerId: kp.customerId };
  const result = await benchSoak(target, minutes, log);
  await stop(kp.server);
  results.soak = result;
  results.targets.push({ name: `soak peak RSS (${minutes} min, c=16 + 20 MiB bursts)`, value: `${result.peakMiB} MiB`, target: `≤ ${TARGETS.peakMiB} MiB`, met: result.peakMiB <= TARGETS.peakMiB });
  const drift = round(result.endMiB - result.firstMinuteMiB, 1);
  results.targets.push({ name: 'soak RSS at the end − after minute 1', value: `${drift} MiB`, target: '≤ 10 MiB', met: Math.abs(drift) <= 10 });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  const found = await findPostgres(env);
  const postgres = 'url' in found ? postgresBackend(found.url) : null;
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cpus: os.cpus().length,
      loadBefore: os.loadavg().map((l) => l.toFixed(2)).join(' '),
      settings: { seconds: SECONDS, rounds: ROUNDS, listSmall: LIST_SMALL, listLarge: LIST_LARGE, profiled: PROFILE_DIR !== undefined },
    },
    list: [],
    postgresql: postgres && 'url' in found ? `${await postgres.version()} at ${found.url.replace(/\/\/[^@]*@/, '//')}, a schema per server` : 'reason' in found ? found.reason : '',
    targets: [],
  };
  if (PROFILE_DIR) await fsp.mkdir(PROFILE_DIR, { recursive: true });
  log(`PostgreSQL: ${results.postgresql}`);
  let createDir: string | null = null;
  let listDirs: string[] = [];
  if (SECTIONS.has('create')) createDir = await runCreate(results, postgres);
  if (SECTIONS.has('memory')) await runMemory(results);
  if (SECTIONS.has('list')) listDirs = await runList(results, sqlite);
  if (SECTIONS.has('list') && postgres) await runList(results, postgres);
  if (SECTIONS.has('startup')) await runStartup(results, createDir, listDirs);
  if (SECTIONS.has('signin')) await runSignIn(results);
  if (SECTIONS.has('manual')) await runManual(results);
  if (SECTIONS.has('soak')) await runSoak(results);
  results.meta.seconds = round((Date.now() - started) / 1000, 0);
  results.meta.loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const text = report(results, { rounds: ROUNDS, seconds: SECONDS });
  process.stdout.write(`\n${text}\n\nTotal ${results.meta.seconds} s, load after ${results.meta.loadAfter}. Results in bench/results/latest.json\n`);
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
