import type { Executor } from '../db/database.js';
import { keysetPage } from '../db/keyset-page.js';
import type { WebhookEndpointsTable, WebhookEventsTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';

/** SQL for webhook records (table webhook_endpoints) and events. */
export type WebhookRow = WebhookEndpointsTable;
export type EventRow = WebhookEventsTable;

export function insertWebhook(db: Executor, row: WebhookRow): Promise<unknown> {
  return db.insertInto('webhook_endpoints').values(row).execute();
}

export function findWebhook(db: Executor, accountId: string, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

/** Without an account: for the direct-database CLI (`webhooks delete <id>`). */
export function findWebhookById(db: Executor, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes the record; its deliveries (queued ones included) go with it (ON DELETE CASCADE). */
export async function deleteWebhook(db: Executor, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countWebhooks(db: Executor, accountId: string): Promise<number> {
  const row = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number | string>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every record of the account, oldest first (a capped handful): for the CLI's list. */
export function webhooksOfAccount(db: Executor, accountId: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

/** The records of the account that receive `type`: the fan-out of one event. */
export function webhooksForType(db: Executor, accountId: string, type: string): Promise<WebhookRow[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('type', '=', type)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One page, newest first; one extra row tells whether there is a next page. */
export function listWebhooks(db: Executor, accountId: string, page: PageRequest): Promise<WebhookRow[]> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId);
  return keysetPage(query, page, 'created_at', 'id').execute();
}

export function insertEvent(db: Executor, row: EventRow): Promise<unknown> {
  return db.insertInto('webhook_events').values(row).execute();
}
