/** SQLite for the list benchmark: the database file in DATA_DIR, seeded row by row in large transactions. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { listInvoices } from '../../src/invoices/invoice.repository.js';
import { createdAtOf, isPaid, medianMs, SHARED_PDF, type Backend } from './backends.js';

const pad = (n: number) => n.toString(36).padStart(14, '0');
const file = (dataDir: string) => path.join(dataDir, 'klantportaal.sqlite');

/** The one PDF every seeded invoice shares, in the data directory's file store; returns its hash. */
export function writeSharedPdf(dataDir: string): string {
  const sha256 = createHash('sha256').update(SHARED_PDF).digest('hex');
  fs.mkdirSync(path.join(dataDir, 'pdfs'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'pdfs', `${sha256}.pdf`), SHARED_PDF);
  return sha256;
}

export const sqlite: Backend = {
  name: 'SQLite',
  explainKind: 'EXPLAIN QUERY PLAN',

  async create(dataDir) {
    return { dataDir, env: {}, drop: async () => undefined };
  },

  async seed({ dataDir }, spec) {
    const started = process.hrtime.bigint();
    const sha256 = writeSharedPdf(dataDir);
    const db = new SQLite(file(dataDir));
    // Seeding only: durability does not matter until the final checkpoint.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const idOf = (i: number) => `inv_${pad(i)}`;
    const customerIds = Array.from({ length: spec.customers }, (_, c) => `cst_${pad(c)}`);
    const insertCustomer = db.prepare(
      `insert into customers (id, account_id, name, email, locale, address, zip_code, city, country_code, integration_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 'NL', ?, ?)`,
    );
    db.transaction(() => {
      customerIds.forEach((id, c) => insertCustomer.run(id, spec.accountId, `Klant ${c}`, `klant${c}@example.test`, 'nl', `Bakkerstraat ${c + 1}`, '1234AB', 'Amsterdam', `K${c}`, createdAtOf(0)));
    })();
    const insert = db.prepare(
      `insert into customer_invoices (id, account_id, customer_id, invoice_number, issued_at, currency, amount_cents,
         pdf_sha256, pdf_size, paid_at, created_at) values (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?)`,
    );
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const createdAt = createdAtOf(i);
        const paidAt = isPaid(i, spec.paidShare) ? createdAtOf(i + 8640) : null;
        insert.run(idOf(i), spec.accountId, customerIds[i % spec.customers], `S-${i}`, createdAt.slice(0, 10), 1000 + (i % 100_000), sha256, SHARED_PDF.length, paidAt, createdAt);
      }
    });
    const BATCH = 50_000;
    for (let from = 0; from < spec.invoices; from += BATCH) batch(from, Math.min(spec.invoices, from + BATCH));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { customerIds, idOf, createdAtOf, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  },

  async explain({ dataDir }, accountId, filters, page) {
    const database = new SQLite(file(dataDir), { readonly: true });
    const captured: CompiledQuery[] = [];
    // The repository's own query builder, so the SQL explained is exactly the SQL the server runs.
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log: (event) => void captured.push(event.query) });
    try {
      await listInvoices(db, accountId, filters, page);
      const query = captured.at(-1);
      if (!query) throw new Error('no query captured');
      const parameters = query.parameters as unknown[];
      const plan = (database.prepare(`explain query plan ${query.sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
      const statement = database.prepare(query.sql);
      return { sql: query.sql, parameters, plan, dbP50Ms: await medianMs(() => statement.all(...parameters)) };
    } finally {
      await db.destroy();
    }
  },
};
