import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Db, Executor } from '../db/database.js';
import { deleteExpiredSessions, deleteSession, findSession, insertSession, touchSession, type SessionRow } from './session.repository.js';
import type { Scope } from './portal.repository.js';

/** RELIABILITY.md M7: sessions end after 30 minutes without a request, and 12 hours after sign-in regardless. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
// Writing last_seen_at on every page view would make every read a write; a minute of slack is harmless.
const TOUCH_AFTER_MS = 60_000;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** 256 random bits, base64url: session ids, CSRF tokens, sign-in tokens. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const minus = (now: string, duration: Temporal.DurationLike): string =>
  Temporal.Instant.from(now).subtract(duration).toString({ smallestUnit: 'millisecond' });

export interface Session extends Scope {
  idHash: string;
  csrf: string;
}

/** A new session for the customer; returns the raw id for the cookie (the row keeps its SHA-256). */
export async function createSession(db: Executor, scope: Scope, now: string): Promise<string> {
  const id = newSecret();
  const row: SessionRow = {
    id_hash: sha256(id),
    account_id: scope.accountId,
    customer_id: scope.customerId,
    csrf_token: newSecret(),
    created_at: now,
    last_seen_at: now,
  };
  await insertSession(db, row);
  return id;
}

export type SessionLookup = { state: 'valid'; session: Session } | { state: 'expired'; accountId: string } | { state: 'none' };

/** The cookie's session if it is still within both timeouts; an expired one is deleted and says whose it was. */
export async function resolveSession(db: Db, rawId: string | undefined, now: string): Promise<SessionLookup> {
  if (!rawId || rawId.length > 100) return { state: 'none' };
  const idHash = sha256(rawId);
  const row = await findSession(db, idHash);
  if (!row) return { state: 'none' };
  const idle = row.last_seen_at <= minus(now, { minutes: SESSION_IDLE_MINUTES });
  const tooOld = row.created_at <= minus(now, { hours: SESSION_ABSOLUTE_HOURS });
  if (idle || tooOld) {
    await deleteSession(db, idHash);
    return { state: 'expired', accountId: row.account_id };
  }
  if (Temporal.Instant.from(now).epochMilliseconds - Temporal.Instant.from(row.last_seen_at).epochMilliseconds > TOUCH_AFTER_MS) {
    await touchSession(db, idHash, now);
  }
  return { state: 'valid', session: { idHash, csrf: row.csrf_token, accountId: row.account_id, customerId: row.customer_id } };
}

export async function endSession(db: Executor, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}

/** Drops every session past either timeout (run at each sign-in, so the table does not grow). */
export async function purgeSessions(db: Executor, now: string): Promise<void> {
  await deleteExpiredSessions(db, minus(now, { minutes: SESSION_IDLE_MINUTES }), minus(now, { hours: SESSION_ABSOLUTE_HOURS }));
}
