/**
 * PostgreSQL for the benchmark: each dataset (and each create target) gets its own schema in the server that
 * DATABASE_URL names, or the local one on 127.0.0.1:5432; klantportaal reaches it through `?options=-c
 * search_path=…` (as the tests do) and the schema is dropped afterwards. Seeding is one INSERT … SELECT over
 * generate_series in the server, then ANALYZE, as autovacuum would soon after a bulk load.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/schema.js';
import { listInvoices } from '../../src/invoices/invoice.repository.js';
import { writeSharedPdf } from './backend-sqlite.js';
import { BASE_TIME, createdAtOf, medianMs, SHARED_PDF, STEP_MS, type Backend, type BenchDatabase } from './backends.js';

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The server to run on: DATABASE_URL, else the local one if it answers; or why there is none. */
export async function findPostgres(env: NodeJS.ProcessEnv): Promise<{ url: string } | { reason: string }> {
  if (env.BENCH_POSTGRES === '0') return { reason: 'skipped (BENCH_POSTGRES=0)' };
  const url = env.DATABASE_URL?.trim() || LOCAL_POSTGRES_URL;
  try {
    await withClient(url, (client) => client.query('select 1'));
    return { url };
  } catch (error) {
    return { reason: `no PostgreSQL answers at ${url.replace(/\/\/[^@]*@/, '//')} (${(error as Error).message}); set DATABASE_URL` };
  }
}

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const pad = (i: number) => String(i).padStart(14, '0');

export function postgresBackend(serverUrl: string): Backend & { version(): Promise<string> } {
  const schemaUrl = new WeakMap<BenchDatabase, string>();
  const urlOf = (db: BenchDatabase) => schemaUrl.get(db) ?? serverUrl;
  return {
    name: 'PostgreSQL',
    explainKind: 'EXPLAIN (ANALYZE, BUFFERS)',

    version: () => withClient(serverUrl, async (client) => (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?'),

    async create(dataDir) {
      const schema = `kp_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
      await withClient(serverUrl, (client) => client.query(`create schema ${schema}`));
      const url = new URL(serverUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const db: BenchDatabase = {
        dataDir,
        env: { DATABASE_URL: url.toString() },
        drop: () => withClient(serverUrl, (client) => client.query(`drop schema if exists ${schema} cascade`)).then(() => undefined),
      };
      schemaUrl.set(db, url.toString());
      return db;
    },

    async seed(db, spec) {
      const started = process.hrtime.bigint();
      const sha256 = writeSharedPdf(db.dataDir);
      const customerIds = Array.from({ length: spec.customers }, (_, c) => `cst_${pad(c)}`);
      await withClient(urlOf(db), async (client) => {
        await client.query('begin');
        // Seeding only: one commit at the end, no need to wait for its WAL flush.
        await client.query('set local synchronous_commit = off');
        for (const [c, id] of customerIds.entries()) {
          await client.query(`insert into customers (id, account_id, name, email, locale, address, zip_code, city, country_code, integration_id, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'NL', $9, $10)`, [
            id, spec.accountId, `Klant ${c}`, `klant${c}@example.test`, 'nl', `Bakkerstraat ${c + 1}`, '1234AB', 'Amsterdam', `K${c}`, createdAtOf(0),
          ]);
        }
        // Row i exactly as the SQLite seed makes it (ids in decimal rather than base 36; both are [a-z0-9]{14}).
        await client.query(
          `insert into customer_invoices (id, account_id, customer_id, invoice_number, issued_at, currency, amount_cents,
             pdf_sha256, pdf_size, paid_at, created_at)
           select 'inv_' || lpad(i::text, 14, '0'), $1, ($2::text[])[1 + i % $3], 'S-' || i, to_char(t, 'YYYY-MM-DD'), 'EUR',
             1000 + i % 100000, $4, $5,
             case when (i * 7919) % 1000 < $6 then to_char(t + interval '1 day', ${ISO_MS}) end, to_char(t, ${ISO_MS})
           from generate_series(0::bigint, $7::bigint - 1) as i,
             lateral (select to_timestamp($8::double precision / 1000) at time zone 'UTC' + i * ($9 * interval '1 millisecond') as t) as at`,
          [spec.accountId, customerIds, spec.customers, sha256, SHARED_PDF.length, Math.round(spec.paidShare * 1000), spec.invoices, BASE_TIME, STEP_MS],
        );
        await client.query('commit');
        await client.query('analyze customers, customer_invoices');
      });
      return { customerIds, idOf: (i) => `inv_${pad(i)}`, createdAtOf, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    },

    async explain(db, accountId, filters, page) {
      const pool = new pg.Pool({ connectionString: urlOf(db), max: 1 });
      const captured: CompiledQuery[] = [];
      // The repository's own query builder, so the SQL explained is exactly the SQL the server runs.
      const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (event) => void captured.push(event.query) });
      try {
        await listInvoices(kysely, accountId, filters, page);
        const query = captured.at(-1);
        if (!query) throw new Error('no query captured');
        const parameters = query.parameters as unknown[];
        const explained = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${query.sql}`, parameters);
        const plan = explained.rows.map((row) => row['QUERY PLAN']);
        // Unnamed, as the server's queries are: planned for these parameters every time.
        return { sql: query.sql, parameters, plan, dbP50Ms: await medianMs(() => pool.query(query.sql, parameters)) };
      } finally {
        await kysely.destroy();
      }
    },
  };
}
