/**
 * Database backends the benchmark knows. Each one seeds invoices in bulk and explains the list queries; the
 * HTTP measurements themselves do not care which database is behind the server. SQLite is what klantportaal
 * supports today; PostgreSQL is listed so that a run can be added here once `DATABASE_URL` is accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { listInvoices, type InvoiceFilters } from '../../src/invoices/invoice.repository.js';
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

export interface Backend {
  name: string;
  /** null when klantportaal can run on it; otherwise the reason it cannot (yet). */
  unsupported: string | null;
  seed(dataDir: string, spec: SeedSpec): Promise<Seeded>;
  explain(dataDir: string, accountId: string, filters: InvoiceFilters, page: PageRequest): Promise<ExplainedQuery>;
}

const BASE_TIME = Date.UTC(2020, 0, 1);
const STEP_MS = 10_000;
const SHARED_PDF = Buffer.from('%PDF-1.4\n% one PDF shared by every seeded invoice\n%%EOF\n');

const pad = (n: number) => n.toString(36).padStart(14, '0');

export const sqlite: Backend = {
  name: 'SQLite',
  unsupported: null,

  async seed(dataDir, spec) {
    const started = process.hrtime.bigint();
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(SHARED_PDF).digest('hex');
    fs.mkdirSync(path.join(dataDir, 'pdfs'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'pdfs', `${sha256}.pdf`), SHARED_PDF);

    const db = new SQLite(path.join(dataDir, 'klantportaal.sqlite'));
    // Seeding only: durability does not matter until the final checkpoint.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const createdAtOf = (i: number) => new Date(BASE_TIME + i * STEP_MS).toISOString();
    const idOf = (i: number) => `inv_${pad(i)}`;
    const customerIds = Array.from({ length: spec.customers }, (_, c) => `cst_${pad(c)}`);
    const insertCustomer = db.prepare(
      'insert into customers (id, account_id, name, email, locale, reference, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      customerIds.forEach((id, c) => insertCustomer.run(id, spec.accountId, `Klant ${c}`, `klant${c}@example.test`, 'nl', `K${c}`, createdAtOf(0)));
    })();
    const insert = db.prepare(
      `insert into customer_invoices (id, account_id, customer_id, invoice_number, issued_at, currency, amount_cents,
         pdf_sha256, pdf_size, paid_at, created_at) values (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?)`,
    );
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const createdAt = createdAtOf(i);
        const paid = (i * 7919) % 1000 < spec.paidShare * 1000;
        const paidAt = paid ? new Date(BASE_TIME + i * STEP_MS + 86_400_000).toISOString() : null;
        insert.run(idOf(i), spec.accountId, customerIds[i % spec.customers], `S-${i}`, createdAt.slice(0, 10), 1000 + (i % 100_000), sha256, SHARED_PDF.length, paidAt, createdAt);
      }
    });
    const BATCH = 50_000;
    for (let from = 0; from < spec.invoices; from += BATCH) batch(from, Math.min(spec.invoices, from + BATCH));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { customerIds, idOf, createdAtOf, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  },

  async explain(dataDir, accountId, filters, page) {
    const database = new SQLite(path.join(dataDir, 'klantportaal.sqlite'), { readonly: true });
    const captured: CompiledQuery[] = [];
    // The repository's own query builder, so the SQL explained is exactly the SQL the server runs.
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database }),
      log: (event) => void captured.push(event.query),
    });
    try {
      await listInvoices(db, accountId, filters, page);
      const query = captured.at(-1);
      if (!query) throw new Error('no query captured');
      const parameters = query.parameters as unknown[];
      const plan = (database.prepare(`explain query plan ${query.sql}`).all(...parameters) as { id: number; parent: number; detail: string }[]).map(
        (row) => row.detail,
      );
      const statement = database.prepare(query.sql);
      const times: number[] = [];
      for (let i = 0; i < 220; i++) {
        const t = process.hrtime.bigint();
        statement.all(...parameters);
        if (i >= 20) times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      times.sort((a, b) => a - b);
      return { sql: query.sql, parameters, plan, dbP50Ms: times[Math.floor(times.length / 2)] ?? NaN };
    } finally {
      await db.destroy();
    }
  },
};

export const postgresql: Backend = {
  name: 'PostgreSQL',
  unsupported: 'not supported yet: klantportaal refuses DATABASE_URL (src/config.ts); add a seed/explain here when it lands',
  seed() {
    throw new Error(this.unsupported ?? '');
  },
  explain() {
    throw new Error(this.unsupported ?? '');
  },
};

export const BACKENDS: Backend[] = [sqlite, postgresql];
