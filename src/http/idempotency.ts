import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import type { Caller } from '../accounts/account.service.js';
import type { Db, Executor } from '../db/database.js';
import { isUniqueViolation } from '../db/database.js';
import { nowUtc } from '../lib/time.js';
import { ProblemError } from './problems.js';
import { completeClaim, deleteExpired, deleteInFlight, findKey, insertClaim, releaseClaim, renewClaim, replaceStale, type ClaimRef, type IdempotencyRow } from './idempotency.repository.js';

/**
 * `Idempotency-Key` on POST, as API.md and the IETF draft say: the same key with the same request within 24 h
 * replays the first response and creates nothing; a different request under the key is 422; a key whose first
 * request is still running is 409. Only successful responses are remembered: a failed request changed nothing,
 * so running it again is safe, and validation failures must not pin a key.
 */

export const RETENTION_HOURS = 24;
// A claim this old was left by a process that died mid-request; the key becomes usable again.
// Claims are taken after the upload is read, so a live request holds one for milliseconds, not for the upload.
/**
 * How long a claim holds without renewal. A request renews its claim every third of this while it runs, so only a
 * request whose process died loses it: then a retry may take over once the lease has run out.
 */
export const IN_FLIGHT_LEASE_MS = 15_000;
const MAX_KEY_LENGTH = 255;

export interface StoredResponse {
  status: number;
  body: unknown;
  location: string | null;
}

export interface IdempotentResult extends StoredResponse {
  replayed: boolean;
}

/** The key from the header, or null when none was sent; a bad one is a 400. */
export function readIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? null : header;
  if (value === null || value.length < 1 || value.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(value)) {
    throw new ProblemError(
      'invalid-request',
      `Idempotency-Key must be one header of 1 to ${MAX_KEY_LENGTH} printable ASCII characters.`,
      [{ field: 'Idempotency-Key', message: `must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters` }],
    );
  }
  return value;
}

/** SHA-256 over what makes two requests "the same": method, path, account and the given parts, in order. */
export function fingerprint(parts: { method: string; path: string; accountId: string; payload: unknown }): string {
  return createHash('sha256').update(JSON.stringify([parts.method, parts.path, parts.accountId, canonical(parts.payload)])).digest('hex');
}

/** JSON with object keys sorted, so key order in a body does not make a different request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function plus(milliseconds: number): string {
  return Temporal.Now.instant().add({ milliseconds }).toString({ smallestUnit: 'millisecond' });
}

function expiredBefore(): string {
  return Temporal.Now.instant().subtract({ hours: RETENTION_HOURS }).toString({ smallestUnit: 'millisecond' });
}

const mismatch = () =>
  new ProblemError('validation-failed', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.', [
    { field: 'Idempotency-Key', message: 'was used with a different request' },
  ]);

const inFlight = () =>
  new ProblemError('conflict', 'A request with this Idempotency-Key is still being processed. Retry after it finishes.', [
    { field: 'Idempotency-Key', message: 'its first request is still in progress' },
  ], { 'retry-after': '1' });

function replay(row: IdempotencyRow): IdempotentResult {
  return { status: row.response_status ?? 200, body: JSON.parse(row.response_body ?? 'null') as unknown, location: row.response_location, replayed: true };
}

/** Claims the key for this request (its reference), or answers from what the key already holds. */
async function claim(db: Db, caller: Caller, key: string, print: string, leaseMs: number): Promise<ClaimRef | IdempotentResult> {
  const now = nowUtc();
  const row: IdempotencyRow = {
    account_id: caller.accountId,
    idempotency_key: key,
    fingerprint: print,
    state: 'in_flight',
    response_status: null,
    response_body: null,
    response_location: null,
    created_at: now,
    locked_until: plus(leaseMs),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await insertClaim(db, row);
      return { accountId: caller.accountId, key, claimedAt: now };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await findKey(db, caller.accountId, key);
    if (!existing) continue; // released meanwhile: try again
    const expired = existing.created_at < expiredBefore();
    const abandoned = existing.state === 'in_flight' && existing.locked_until < now;
    if (expired || abandoned) {
      if (await replaceStale(db, existing, row)) return { accountId: caller.accountId, key, claimedAt: now };
      continue;
    }
    if (existing.fingerprint !== print) throw mismatch();
    if (existing.state === 'in_flight') throw inFlight();
    return replay(existing);
  }
  throw inFlight();
}

/** Called by a service inside its own transaction, so the key is completed atomically with what it created. */
export type OnCommit<T> = (trx: Executor, result: T) => Promise<void>;

/**
 * Runs `execute` at most once per (account, key, request) within the retention window; without a key it simply
 * runs. `execute` should call `onCommit` inside the transaction that makes its change: then a crash can never
 * leave the change committed and the key unanswered.
 */
export async function idempotent<T>(
  db: Db,
  caller: Caller,
  key: string | null,
  print: string,
  respond: (result: T) => StoredResponse,
  execute: (onCommit: OnCommit<T>) => Promise<T>,
  leaseMs = IN_FLIGHT_LEASE_MS,
): Promise<IdempotentResult> {
  if (key === null) return { ...respond(await execute(async () => undefined)), replayed: false };
  const claimed = await claim(db, caller, key, print, leaseMs);
  if (!('claimedAt' in claimed)) return claimed;
  let completed = false;
  const complete = async (executor: Executor, result: T) => {
    const response = respond(result);
    // A claim lost meanwhile (this process stalled past its lease and a retry took the key over) must not
    // commit a second result for one key: throwing here rolls this request's change back.
    if (!(await completeClaim(executor, claimed, { status: response.status, body: JSON.stringify(response.body), location: response.location }))) throw inFlight();
    completed = true;
  };
  // A slow request (a large PDF going to S3, a busy database) keeps its claim for as long as it runs.
  const renewal = setInterval(() => void renewClaim(db, claimed, plus(leaseMs)).catch(() => undefined), Math.max(50, Math.floor(leaseMs / 3)));
  let result: T;
  try {
    result = await execute(complete);
    if (!completed) await complete(db, result);
  } catch (error) {
    await releaseClaim(db, claimed).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renewal);
  }
  return { ...respond(result), replayed: false };
}

/** Forgets keys past the retention window; `serve` runs it periodically. */
/**
 * At the start of `serve` on SQLite: one process owns the database file, so every claim still in flight was made
 * by a process that is gone (killed, crashed). Its request never committed (the claim completes in the same
 * transaction as the work), so a retry with the same key may run at once instead of waiting out the lease.
 * Not on PostgreSQL: other processes' claims there are alive, and the lease is what tells the dead ones apart.
 */
export function releaseAbandonedClaims(db: Db): Promise<number> {
  return deleteInFlight(db);
}

export function purgeExpiredKeys(db: Db): Promise<number> {
  return deleteExpired(db, expiredBefore());
}

/** Sends what `idempotent` produced; a replay says so in `Idempotent-Replayed`. */
export function sendIdempotent(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.location) reply.header('location', result.location);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.status).send(result.body);
}
