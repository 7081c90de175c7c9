import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { nowUtc } from '../../lib/time.js';

const OUTBOX_COLUMNS = sql.raw(
  'id, kind, account_id, invoice_id, message_id, status, attempts, available_at, lease_id, access_token, last_error, sent_at, created_at',
);

/**
 * The customer portal: sign-in links, sessions, the secret that signs the sign-in form's CSRF cookie, the first
 * view of an invoice, and sign-in emails in the outbox. Dialect-neutral like the others.
 */
export const portal: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('customer_invoices').addColumn('viewed_at', 'text').execute();

    // Sign-in emails are about an address, not an invoice: invoice_id becomes nullable and `recipient` holds the
    // address. SQLite cannot drop NOT NULL in place, so the table is rebuilt the same way on both databases.
    await db.schema
      .createTable('notification_outbox_v4')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('invoice_id', 'text', (c) => c.references('customer_invoices.id').onDelete('cascade'))
      .addColumn('recipient', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('available_at', 'text', (c) => c.notNull())
      .addColumn('lease_id', 'text')
      .addColumn('access_token', 'text')
      .addColumn('last_error', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into notification_outbox_v4 (${OUTBOX_COLUMNS}) select ${OUTBOX_COLUMNS} from notification_outbox`.execute(db);
    await db.schema.dropTable('notification_outbox').execute();
    await db.schema.alterTable('notification_outbox_v4').renameTo('notification_outbox').execute();
    await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'available_at']).execute();
    await db.schema.createIndex('notification_outbox_invoice').on('notification_outbox').columns(['invoice_id', 'kind']).unique().execute();
    // The per-address limit on sign-in emails counts the last hour's requests through this.
    await db.schema.createIndex('notification_outbox_recipient').on('notification_outbox').columns(['recipient', 'created_at']).execute();

    await db.schema
      .createTable('portal_sign_in_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('portal_sign_in_tokens_expires').on('portal_sign_in_tokens').column('expires_at').execute();

    await db.schema
      .createTable('portal_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('portal_sessions_last_seen').on('portal_sessions').column('last_seen_at').execute();

    // One secret shared by every process on this database (no PORTAL_SECRET to configure and keep equal).
    await db.schema
      .createTable('portal_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    const secret = randomBytes(32).toString('base64url');
    await sql`insert into portal_secrets (name, value, created_at) values ('csrf-cookie', ${secret}, ${nowUtc()})`.execute(db);
  },
};
