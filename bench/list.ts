/**
 * 3. List scaling: one account with a small and one with a large number of invoices (seeded in bulk straight
 * into the database, every invoice sharing one PDF), each behind its own `klantportaal serve`. The p50 per page of
 * GET /v1/customer-invoices?per_page=15 for: the first page; walking next_page_url (its keyset cursor) from 90 %
 * deep, each request the next page; the same with a customerId filter; and, for contrast, a bare `?page=N` at 90 %
 * (an offset, which costs more the deeper it goes). Requests alternate between the two servers. Also the plan of
 * each query (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).
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
  /** Filters of the request; page, per_page and the cursor are added per dataset. */
  query: (dataset: ListDataset) => Record<string, string>;
  /** The first request is the page after this row (index, 0 = oldest), reached by cursor as next_page_url gives it. */
  afterRow?: (dataset: ListDataset) => { row: number; page: number };
  /** A bare `?page=N` (an offset). */
  page?: (dataset: ListDataset) => number;
  /** Each request follows the previous one's next_page_url (back to the first request at the end of the list). */
  walk?: boolean;
  /** For contrast only: no target applies (the offset grows with the page number). */
  contrast?: boolean;
  /** Requests per dataset (default: the bench's). */
  iterations?: number;
}

export interface ListRow {
  case: string;
  p50: Record<string, number>;
  p99: Record<string, number>;
  ratio: number;
  contrast: boolean;
  dbP50: Record<string, number>;
  dbRatio: number;
  explain: Record<string, ExplainedQuery>;
}

const PER_PAGE = 15;
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

/** Row `row`'s cursor page: the first page after it, and its number when `newer` rows come before it. */
function deepAfter(row: number, newer: number): { row: number; page: number } {
  return { row, page: Math.floor(newer / PER_PAGE) + 1 };
}

/** The row 90 % down the unfiltered list whose cursor page starts on a page boundary. */
function deepRow(d: ListDataset): { row: number; page: number } {
  const pages = Math.floor((d.invoices * 0.9) / PER_PAGE);
  // Newest first: row n-1 is on top; the page after row r starts at position n - r (0-based).
  return deepAfter(d.invoices - pages * PER_PAGE, pages * PER_PAGE);
}

export const LIST_CASES: ListCase[] = [
  { name: 'first page', filters: {}, query: () => ({}) },
  { name: 'walk next_page_url from 90 % deep', filters: {}, query: () => ({}), afterRow: deepRow, walk: true },
  {
    name: 'bare ?page=N at 90 % (offset, contrast)',
    filters: {},
    query: () => ({}),
    page: (d) => Math.floor((d.invoices * 0.9) / PER_PAGE) + 1,
    contrast: true,
    iterations: 40,
  },
  { name: 'customerId, first page', filters: { customerId: '' }, query: (d) => ({ customerId: d.seeded.customerIds[3] ?? '' }) },
  {
    name: 'customerId, walk next_page_url from 90 % deep',
    filters: { customerId: '' },
    query: (d) => ({ customerId: d.seeded.customerIds[3] ?? '' }),
    // 90 % into the customer's invoices, but with at least two pages left (so next_page_url can be checked).
    afterRow: (d) => {
      const perCustomer = Math.floor(d.invoices / d.customers);
      const newer = Math.min(Math.floor(perCustomer * 0.9), perCustomer - 2 * PER_PAGE - 2);
      return deepAfter(newestOfCustomer(d, 3) - newer * d.customers, newer + 1);
    },
    walk: true,
  },
  { name: 'paid=false, first page', filters: { paid: false }, query: () => ({ paid: 'false' }) },
];

function urlFor(dataset: ListDataset, listCase: ListCase): string {
  const filters = listCase.query(dataset);
  const after = listCase.afterRow?.(dataset);
  const page = after?.page ?? listCase.page?.(dataset) ?? 1;
  const params = new URLSearchParams({ page: String(page), per_page: String(PER_PAGE), ...filters });
  if (after) {
    const key = { createdAt: dataset.seeded.createdAtOf(after.row), id: dataset.seeded.idOf(after.row) };
    params.set('after', encodeCursor(key, page, PER_PAGE, filters));
  }
  return `${dataset.prepared.server.url}/v1/customer-invoices?${params.toString()}`;
}

interface Page {
  current_page: number;
  data: { id: string; customerId: string }[];
  next_page_url: string | null;
}

/** Checks that a case returns a full page of the rows it should, and that next_page_url leads on from it. */
async function verify(dataset: ListDataset, listCase: ListCase): Promise<void> {
  const first = await get(urlFor(dataset, listCase), dataset.prepared.tenant.apiKey);
  if (first.status !== 200) throw new Error(`${listCase.name} on ${dataset.label}: ${first.status} ${first.body.slice(0, 300)}`);
  const page = JSON.parse(first.body) as Page;
  if (page.data.length !== PER_PAGE) throw new Error(`${listCase.name} on ${dataset.label}: ${page.data.length} items, expected ${PER_PAGE}`);
  const after = listCase.afterRow?.(dataset);
  if (after !== undefined && listCase.filters.customerId === undefined && page.data[0]?.id !== dataset.seeded.idOf(after.row - 1)) {
    throw new Error(`${listCase.name} on ${dataset.label}: page starts at ${page.data[0]?.id}, expected ${dataset.seeded.idOf(after.row - 1)}`);
  }
  const number = listCase.page?.(dataset);
  if (number !== undefined && listCase.filters.customerId === undefined && page.data[0]?.id !== dataset.seeded.idOf(dataset.invoices - 1 - (number - 1) * PER_PAGE)) {
    throw new Error(`${listCase.name} on ${dataset.label}: page ${number} starts at ${page.data[0]?.id}`);
  }
  if (!page.next_page_url) throw new Error(`${listCase.name} on ${dataset.label}: no next_page_url`);
  const next = await get(page.next_page_url, dataset.prepared.tenant.apiKey);
  const nextPage = JSON.parse(next.body) as Page;
  if (next.status !== 200 || nextPage.data.length !== PER_PAGE || nextPage.current_page !== page.current_page + 1) throw new Error(`${listCase.name}: next_page_url did not lead on`);
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
    const warmup = listCase.contrast ? 3 : 20;
    const start = new Map(datasets.map((d) => [d.label, urlFor(d, listCase)]));
    const current = new Map(start);
    for (let i = 0; i < (listCase.iterations ?? iterations) + warmup; i++) {
      const order = i % 2 === 0 ? datasets : [...datasets].reverse();
      for (const dataset of order) {
        const { status, body, ms } = await get(current.get(dataset.label) ?? '', dataset.prepared.tenant.apiKey);
        if (status !== 200) throw new Error(`${listCase.name} on ${dataset.label}: ${status} ${body.slice(0, 300)}`);
        if (i >= warmup) samples.get(dataset.label)?.push(ms);
        if (listCase.walk) current.set(dataset.label, (JSON.parse(body) as Page).next_page_url ?? start.get(dataset.label) ?? '');
      }
    }
    const explain: Record<string, ExplainedQuery> = {};
    for (const dataset of datasets) {
      const after = listCase.afterRow?.(dataset);
      const filters = { ...listCase.filters };
      if (filters.customerId !== undefined) filters.customerId = listCase.query(dataset).customerId ?? '';
      const number = after?.page ?? listCase.page?.(dataset) ?? 1;
      explain[dataset.label] = await backend.explain(dataset.database, dataset.prepared.tenant.accountId, filters, {
        number,
        limit: PER_PAGE,
        offset: after ? 0 : (number - 1) * PER_PAGE,
        after: after === undefined ? null : { createdAt: dataset.seeded.createdAtOf(after.row), id: dataset.seeded.idOf(after.row) },
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
      contrast: listCase.contrast ?? false,
      dbP50,
      dbRatio: round(ratio(dbP50[large] ?? NaN, dbP50[small] ?? NaN), 2),
      explain,
    };
    progress(`  ${listCase.name}: p50 ${small} ${p50[small]} ms, ${large} ${p50[large]} ms (× ${row.ratio}); in the database ${dbP50[small]} / ${dbP50[large]} ms`);
    rows.push(row);
  }
  return rows;
}
