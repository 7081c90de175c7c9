/**
 * Database backends the benchmark runs klantportaal on. Each one makes a fresh database per dataset, seeds
 * invoices in bulk and explains the list queries; the HTTP measurements themselves do not care which database
 * is behind the server. Implementations: backend-sqlite.ts (always), backend-postgres.ts (when a server answers).
 */
import type { InvoiceFilters } from '../../src/invoices/invoice.repository.js';
import type { PageRequest } from '../../src/http/pagination.js';

export interface SeedSpec {
  accountId: string;
  invoices: number;
  customers: number;
  /** Share of invoices with a paidAt, 0..1. */
  paidShare: number;
}

export interface Seeded {
  customerIds: string[];
  /** Row i (0 = oldest) has id idOf(i), created_at createdAtOf(i), customer customerIds[i % customers]. */
  idOf(i: number): string;
  createdAtOf(i: number): string;
  seconds: number;
}

export interface ExplainedQuery {
  sql: string;
  parameters: readonly unknown[];
  plan: string[];
  /** Median time of the bare query in the database, without HTTP or mapping, in ms. */
  dbP50Ms: number;
}

/** One fresh database for one klantportaal data directory. */
export interface BenchDatabase {
  dataDir: string;
  /** Environment for the klantportaal processes on it (empty for SQLite: the file in DATA_DIR). */
  env: Record<string, string>;
  /** Removes what lives outside the data directory (a PostgreSQL schema). */
  drop(): Promise<void>;
}

export interface Backend {
  name: string;
  /** What the plans printed are: `EXPLAIN QUERY PLAN`, `EXPLAIN (ANALYZE, BUFFERS)`. */
  explainKind: string;
  create(dataDir: string): Promise<BenchDatabase>;
  seed(db: BenchDatabase, spec: SeedSpec): Promise<Seeded>;
  explain(db: BenchDatabase, accountId: string, filters: InvoiceFilters, page: PageRequest): Promise<ExplainedQuery>;
}

export const BASE_TIME = Date.UTC(2020, 0, 1);
export const STEP_MS = 10_000;
/** Seeded row i was created at BASE_TIME + i × STEP_MS (and paid, if at all, a day later). */
export const createdAtOf = (i: number): string => new Date(BASE_TIME + i * STEP_MS).toISOString();
/** Whether seeded row i is paid: a fixed scatter, so paid and unpaid rows interleave. */
export const isPaid = (i: number, paidShare: number): boolean => (i * 7919) % 1000 < paidShare * 1000;
export const SHARED_PDF = Buffer.from('%PDF-1.4\n% one PDF shared by every seeded invoice\n%%EOF\n');

/** Median of `runs` timings of `work` after `warmup` untimed ones, in ms. */
export async function medianMs(work: () => unknown, runs = 200, warmup = 20): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t = process.hrtime.bigint();
    await work();
    if (i >= warmup) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}
