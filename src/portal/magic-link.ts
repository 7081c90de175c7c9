import { Temporal } from 'temporal-polyfill';
import type { MailConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { nowUtc } from '../lib/time.js';
import { insertOutboxRow, type OutboxRow } from '../mail/outbox.repository.js';
import { createSession, endSession, newSecret, purgeSessions, sha256 } from './session.js';
import type { Scope } from './portal.repository.js';
import {
  PORTAL_SIGN_IN,
  consumeSignInToken,
  countSignInRequests,
  deleteExpiredSignInTokens,
  insertSignInToken,
} from './sign-in.repository.js';

/** RELIABILITY.md §4: a sign-in link works once, for 15 minutes; at most 5 are emailed to one address per hour. */
export const LINK_VALID_MINUTES = 15;
export const LINKS_PER_ADDRESS_PER_HOUR = 5;

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

/** Lower case and trimmed, or null when it cannot be an address. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

export const signInLinkUrl = (baseUrl: string, token: string): string => `${baseUrl}/portal/link/${token}`;

const plus = (now: string, duration: Temporal.DurationLike) => Temporal.Instant.from(now).add(duration).toString({ smallestUnit: 'millisecond' });

/**
 * Asks for a sign-in email. Whether the address belongs to a customer is decided by the worker when it sends,
 * not here: a known and an unknown address do exactly the same work (one outbox row) and get the same page, so
 * neither the answer nor its timing tells them apart. Requests past the hourly limit are dropped silently, for
 * unknown addresses too.
 */
export async function requestSignInLink(db: Db, mail: MailConfig, accountId: string, email: string): Promise<void> {
  const now = nowUtc();
  await db.transaction().execute(async (trx) => {
    const recent = await countSignInRequests(trx, email, plus(now, { hours: -1 }));
    if (recent >= LINKS_PER_ADDRESS_PER_HOUR) return;
    const id = newId('ntf');
    const row: OutboxRow = {
      id,
      kind: PORTAL_SIGN_IN,
      account_id: accountId,
      invoice_id: null,
      offer_id: null,
      recipient: email,
      recorded_email: null,
      message_id: `<${id}@${mail.from.address.split('@').pop() ?? 'localhost'}>`,
      status: 'queued',
      attempts: 0,
      available_at: now,
      lease_id: null,
      access_token: null,
      last_error: null,
      sent_at: null,
      created_at: now,
    };
    await insertOutboxRow(trx, row);
  });
}

/**
 * A new link token for one customer, made when the email is sent (so its 15 minutes start then, and no raw
 * token is ever stored: a retry makes a fresh one). Returns the raw token.
 */
export async function issueSignInToken(db: Db, scope: Scope): Promise<string> {
  const token = newSecret();
  const now = nowUtc();
  await insertSignInToken(db, {
    token_hash: sha256(token),
    account_id: scope.accountId,
    customer_id: scope.customerId,
    created_at: now,
    expires_at: plus(now, { minutes: LINK_VALID_MINUTES }),
  });
  return token;
}

/**
 * Uses the link up and opens a session in one transaction; null when the token is unknown, used or expired.
 * The session that came with the request (if any) is replaced, never reused: the id rotates at sign-in.
 */
export async function signInWithToken(db: Db, token: string, previousSessionHash: string | null): Promise<{ sessionId: string; scope: Scope } | null> {
  const now = nowUtc();
  return db.transaction().execute(async (trx) => {
    const row = await consumeSignInToken(trx, sha256(token), now);
    if (!row) return null;
    const scope = { accountId: row.account_id, customerId: row.customer_id };
    if (previousSessionHash) await endSession(trx, previousSessionHash);
    const sessionId = await createSession(trx, scope, now);
    await deleteExpiredSignInTokens(trx, now);
    await purgeSessions(trx, now);
    return { sessionId, scope };
  });
}
