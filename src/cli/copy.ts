import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Runtime } from '../runtime.js';
import { PDF_REFERENCES } from '../storage/pdf-references.repository.js';
import { CopyRefusedError } from './errors.js';

/**
 * `klantportaal copy`: moves an installation (say SQLite + files) onto another database and PDF store (say
 * PostgreSQL + S3) without changing a byte. PDFs go first and are verified by their SHA-256, then the rows in
 * foreign-key order, each table in batches inside one transaction per batch. The target must be empty, so a
 * copy never mixes two installations; an interrupted copy is redone into a fresh target.
 */

/** Every table with the columns that order it (its primary key), parents before children. */
export const COPIED_TABLES: ReadonlyArray<{ name: string; key: string[]; parentsFirst?: string; replaceTarget?: boolean }> = [
  // Test twins point at their live account: rows without `live_account_id` go first.
  { name: 'accounts', key: ['id'], parentsFirst: 'live_account_id' },
  { name: 'account_logos', key: ['account_id'] },
  { name: 'api_keys', key: ['id'] },
  { name: 'customers', key: ['id'] },
  { name: 'customer_groups', key: ['id'] },
  { name: 'customer_group_members', key: ['group_id', 'customer_id'] },
  // A credit note names the invoice it credits: the credited one (made earlier) comes first.
  { name: 'customer_invoices', key: ['id'], parentsFirst: 'credited_invoice_id' },
  { name: 'customer_invoice_lines', key: ['invoice_id', 'position'] },
  // After the invoices: an offer may name the invoice it became.
  { name: 'customer_offers', key: ['id'] },
  { name: 'customer_offer_lines', key: ['offer_id', 'position'] },
  { name: 'notification_outbox', key: ['id'] },
  { name: 'invoice_access_tokens', key: ['token_hash'] },
  { name: 'offer_access_tokens', key: ['token_hash'] },
  { name: 'idempotency_keys', key: ['account_id', 'idempotency_key'] },
  // The portal's CSRF secret and live sessions come along, so signed-in customers stay signed in.
  // Migrating the target generated its own secret: the source's replaces it (cookies already out stay valid).
  { name: 'portal_secrets', key: ['name'], replaceTarget: true },
  { name: 'portal_sessions', key: ['id_hash'] },
  { name: 'portal_sign_in_tokens', key: ['token_hash'] },
  { name: 'webhook_endpoints', key: ['id'] },
  { name: 'webhook_events', key: ['id'] },
  { name: 'webhook_deliveries', key: ['id'] },
];

/**
 * Tables whose rows are not carried over: per-minute rate-limit counters and the email caps' hourly counters
 * start afresh on the new database.
 */
export const NOT_COPIED_TABLES: readonly string[] = ['rate_limit_windows', 'mail_cap_windows'];

const BATCH = 500;

type Row = Record<string, unknown>;
type Loose = Kysely<Record<string, Row>>;

export interface CopyReport {
  pdfs: { copied: number; alreadyThere: number };
  rows: Record<string, number>;
}

/** Keyset paging over one or two key columns (row values, so an index answers it). */
function afterKey(key: string[], values: unknown[]) {
  return (eb: ExpressionBuilder<Record<string, Row>, string>) => {
    const [first, second] = key;
    if (first && second) return eb(eb.refTuple(first, second), '>', eb.tuple(values[0], values[1]));
    return eb(first ?? 'id', '>', values[0]);
  };
}

export async function copyInstallation(source: Runtime, target: Runtime, progress: (line: string) => void): Promise<CopyReport> {
  const from = source.ctx.db as unknown as Loose;
  const to = target.ctx.db as unknown as Loose;
  const present = await to.selectFrom('accounts').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (Number(present.n) > 0) throw new CopyRefusedError('the target database already holds accounts; copy into an empty database');

  const pdfs = { copied: 0, alreadyThere: 0 };
  // Every PDF some row references (PDF_REFERENCES: invoices, offers, …), each once.
  const hashes = new Set<string>();
  for (const { table, column } of PDF_REFERENCES) {
    for (const row of await from.selectFrom(table).select(sql.ref(column).as('hash')).distinct().execute()) hashes.add(String(row.hash));
  }
  for (const sha256 of [...hashes].sort()) {
    const stored = await source.ctx.store.open(sha256);
    if (!stored) throw new Error(`PDF ${sha256} is referenced by a row of ${PDF_REFERENCES.map((r) => r.table).join('/')} but missing from the source store`);
    const staged = await target.ctx.store.stage(stored.stream);
    try {
      if (staged.sha256 !== sha256) throw new Error(`PDF ${sha256} read back as ${staged.sha256}; the source store is damaged`);
      const { created } = await staged.publish();
      if (created) pdfs.copied += 1;
      else pdfs.alreadyThere += 1;
    } finally {
      await staged.discard();
    }
  }
  progress(`PDFs: ${pdfs.copied} copied, ${pdfs.alreadyThere} already in the target store`);

  const rows: Record<string, number> = {};
  for (const table of COPIED_TABLES) {
    let copied = 0;
    if (table.replaceTarget) await to.deleteFrom(table.name).execute();
    for (const pass of table.parentsFirst ? (['is', 'is not'] as const) : [null]) {
      copied += await copyRows(from, to, table, pass && table.parentsFirst ? { column: table.parentsFirst, op: pass } : null);
    }
    rows[table.name] = copied;
    progress(`${table.name}: ${copied} rows`);
  }
  return { pdfs, rows };
}

/** Copies one table (or the rows where `only.column` is or is not null) in keyset-ordered batches. */
async function copyRows(from: Loose, to: Loose, table: { name: string; key: string[] }, only: { column: string; op: 'is' | 'is not' } | null): Promise<number> {
  let copied = 0;
  let after: unknown[] | null = null;
  for (;;) {
    let query = from.selectFrom(table.name).selectAll();
    if (only) query = query.where(only.column, only.op, null);
    if (after) query = query.where(afterKey(table.key, after));
    const batch: Row[] = await query.orderBy(table.key).limit(BATCH).execute();
    if (batch.length === 0) return copied;
    await to.transaction().execute((trx) => trx.insertInto(table.name).values(batch).execute());
    copied += batch.length;
    const lastRow = batch[batch.length - 1] ?? {};
    after = table.key.map((column) => lastRow[column]);
  }
}
