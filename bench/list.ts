/**
 * 3. List scaling: one account with a small and one with a large number of invoices (seeded in bulk straight
 * into the database, every invoice sharing one PDF), each behind its own `klantportaal serve`. The p50 of
 * GET /v1/customer-invoices for: the first page, a page deep in the list reached by cursor, and the same with a
 * customerId filter; requests alternate between the two servers. Also the plan of each query (EXPLAIN QUERY PLAN on
 * SQLite, EXPLAIN ANALYZE on PostgreSQL).
 */
import http from 'node:http';
import { encodeCursor } from '../src/http/pagination.js';
import type { InvoiceFilters } from '../src/invoices/invoice.repository.js';
import type { Backend, BenchDatabase, ExplainedQuery, Seeded } from './lib/backends.js';
import type { PreparedKlantportaal } from './lib/klantportaal.js';
import { percentile, ratio, round } from './lib/stats.js';

export interface ListDataset {
  label: string;
  invoices: number;
  prepared: PreparedKlantportaal;
  database: BenchDatabase;
  seeded: Seeded;
  customers: number;
}

export interface ListCase {
  name: string;
  filters: InvoiceFilters;
  /** Query string for the request; the cursor is added per dataset. */
  query: (dataset: ListDataset) => Record<string, string>;
  /** The page starts after this row (index, 0 = oldest), or none for the first page. */
  afterRow?: (dataset: ListDataset) => number;
}

export interface ListRow {
  case: string;
  p50: Record<string, number>;
  p99: Record<string, number>;
  ratio: number;
  dbP50: Record<string, number>;
  dbRatio: number;
  explain: Record<string, ExplainedQuery>;
}

const LIMIT = 50;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string, apiKey: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${apiKey}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', reject);
  });
}

/** The newest row of customer c has the largest i with i % customers == c; its k-th newest is that minus k*customers. */
function newestOfCustomer(dataset: ListDataset, c: number): number {
  const n = dataset.invoices;
  return n - 1 - ((n - 1 - c) % dataset.customers + dataset.customers) % dataset.customers;
}

export const LIST_CASES: ListCase[] = [
  { name: 'first page', filters: {}, query: () => ({}) },
  { name: 'deep page (90 %) by cursor', filters: {}, query: () => ({}), afterRow: (d) => Math.floor(d.invoices * 0.1) },
  { name: 'customerId, first page', filters: { customerId: '' }, query: (d) => ({ customerId: d.seeded.customerIds[3] ?? '' }) },
  {
    name: 'customerId, deep page by cursor',
    filters: { customerId: '' },
    query: (d) => ({ customerId: d.seeded.customerIds[3] ?? '' }),
    // 90 % into the customer's invoices, but with at least two pages left (so links.next can be checked).
    afterRow: (d) => {
      const perCustomer = Math.floor(d.invoices / d.customers);
      return newestOfCustomer(d, 3) - Math.min(Math.floor(perCustomer * 0.9), perCustomer - 2 * LIMIT - 2) * d.customers;
    },
  },
  { name: 'paid=false, first page', filters: { paid: false }, query: () => ({ paid: 'false' }) },
];

function cursorFor(dataset: ListDataset, row: number): string {
  return encodeCursor({ createdAt: dataset.seeded.createdAtOf(row), id: dataset.seeded.idOf(row) });
}

function urlFor(dataset: ListDataset, listCase: ListCase): string {
  const params = new URLSearchParams({ limit: String(LIMIT), ...listCase.query(dataset) });
  const after = listCase.afterRow?.(dataset);
  if (after !== undefined) params.set('cursor', cursorFor(dataset, after));
  return `${dataset.prepared.server.url}/v1/customer-invoices?${params.toString()}`;
}

/** Checks that a case returns a full page of the rows it should, and that links.next leads on from it. */
async function verify(dataset: ListDataset, listCase: ListCase): Promise<void> {
  const first = await get(urlFor(dataset, listCase), dataset.prepared.tenant.apiKey);
  if (first.status !== 200) throw new Error(`${listCase.name} on ${dataset.label}: ${first.status} ${first.body.slice(0, 300)}`);
  const page = JSON.parse(first.body) as { count: number; data: { id: string; customerId: string }[]; links: { next: { href: string } | null } };
  if (page.count !== LIMIT) throw new Error(`${listCase.name} on ${dataset.label}: ${page.count} items, expected ${LIMIT}`);
  const after = listCase.afterRow?.(dataset);
  if (after !== undefined && listCase.filters.customerId === undefined && page.data[0]?.id !== dataset.seeded.idOf(after - 1)) {
    throw new Error(`${listCase.name} on ${dataset.label}: page starts at ${page.data[0]?.id}, expected ${dataset.seeded.idOf(after - 1)}`);
  }
  if (!page.links.next) throw new Error(`${listCase.name} on ${dataset.label}: no links.next`);
  const next = await get(page.links.next.href, dataset.prepared.tenant.apiKey);
  if (next.status !== 200 || (JSON.parse(next.body) as { count: number }).count !== LIMIT) throw new Error(`${listCase.name}: links.next did not lead on`);
}

export async function benchList(
  backend: Backend,
  datasets: ListDataset[],
  iterations: number,
  progress: (line: string) => void,
): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  for (const listCase of LIST_CASES) {
    for (const dataset of datasets) await verify(dataset, listCase);
    const samples = new Map<string, number[]>(datasets.map((d) => [d.label, []]));
    const warmup = 20;
    for (let i = 0; i < iterations + warmup; i++) {
      const order = i % 2 === 0 ? datasets : [...datasets].reverse();
      for (const dataset of order) {
        const { status, ms } = await get(urlFor(dataset, listCase), dataset.prepared.tenant.apiKey);
        if (status !== 200) throw new Error(`${listCase.name} on ${dataset.label}: ${status}`);
        if (i >= warmup) samples.get(dataset.label)?.push(ms);
      }
    }
    const explain: Record<string, ExplainedQuery> = {};
    for (const dataset of datasets) {
      const after = listCase.afterRow?.(dataset);
      const filters = { ...listCase.filters };
      if (filters.customerId !== undefined) filters.customerId = listCase.query(dataset).customerId ?? '';
      explain[dataset.label] = await backend.explain(dataset.database, dataset.prepared.tenant.accountId, filters, {
        limit: LIMIT,
        after: after === undefined ? null : { createdAt: dataset.seeded.createdAtOf(after), id: dataset.seeded.idOf(after) },
      });
    }
    const p50: Record<string, number> = {};
    const p99: Record<string, number> = {};
    const dbP50: Record<string, number> = {};
    for (const dataset of datasets) {
      p50[dataset.label] = round(percentile(samples.get(dataset.label) ?? [], 50), 2);
      p99[dataset.label] = round(percentile(samples.get(dataset.label) ?? [], 99), 2);
      dbP50[dataset.label] = round(explain[dataset.label]?.dbP50Ms ?? NaN, 3);
    }
    const [small, large] = datasets.map((d) => d.label) as [string, string];
    const row: ListRow = {
      case: listCase.name,
      p50,
      p99,
      ratio: round(ratio(p50[large] ?? NaN, p50[small] ?? NaN), 2),
      dbP50,
      dbRatio: round(ratio(dbP50[large] ?? NaN, dbP50[small] ?? NaN), 2),
      explain,
    };
    progress(`  ${listCase.name}: p50 ${small} ${p50[small]} ms, ${large} ${p50[large]} ms (× ${row.ratio}); in the database ${dbP50[small]} / ${dbP50[large]} ms`);
    rows.push(row);
  }
  return rows;
}
