import type { Executor } from '../db/database.js';
import type { PortalSessionsTable } from '../db/schema.js';

/** SQL for portal sessions. */
export type SessionRow = PortalSessionsTable;

export function insertSession(db: Executor, row: SessionRow): Promise<unknown> {
  return db.insertInto('portal_sessions').values(row).execute();
}

export function findSession(db: Executor, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('portal_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, now: string): Promise<void> {
  await db.updateTable('portal_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('portal_sessions').where('id_hash', '=', idHash).execute();
}

/** Sessions past either timeout: idle since before `idleBefore`, or started before `startedBefore`. */
export async function deleteExpiredSessions(db: Executor, idleBefore: string, startedBefore: string): Promise<void> {
  await db
    .deleteFrom('portal_sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', startedBefore)]))
    .execute();
}
