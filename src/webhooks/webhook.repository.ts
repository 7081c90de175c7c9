import type { Executor } from '../db/database.js';
import type { WebhookEndpointsTable, WebhookEventsTable } from '../db/schema.js';
import type { PageRequest } from '../http/pagination.js';

/** SQL for webhook endpoints and events. */
export type EndpointRow = WebhookEndpointsTable;
export type EventRow = WebhookEventsTable;

export function insertEndpoint(db: Executor, row: EndpointRow): Promise<unknown> {
  return db.insertInto('webhook_endpoints').values(row).execute();
}

export function findEndpoint(db: Executor, accountId: string, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

/** Without an account: for the direct-database CLI (`webhooks delete <id>`). */
export function findEndpointById(db: Executor, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteEndpoint(db: Executor, accountId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countEndpoints(db: Executor, accountId: string): Promise<number> {
  const row = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number | string>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every endpoint of the account (a handful at most): the fan-out of one event. */
export function endpointsOfAccount(db: Executor, accountId: string): Promise<EndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

/** One page, newest first; one extra row tells whether there is a next page. */
export function listEndpoints(db: Executor, accountId: string, page: PageRequest): Promise<EndpointRow[]> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId);
  if (page.after) {
    const { createdAt, id } = page.after;
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).offset(page.offset).execute();
}

export function insertEvent(db: Executor, row: EventRow): Promise<unknown> {
  return db.insertInto('webhook_events').values(row).execute();
}
