import { createHash } from 'node:crypto';
import type { MailConfig, MailCapsConfig } from '../config.js';
import type { Db, Executor } from '../db/database.js';
import { giveBackSend, takeSend, type CapSubjectRow } from './mail-cap.repository.js';
import type { MailKind, MailKinds } from './mail-kind.js';
import { claimDueMessage, deferDueMessages, markDeferred, markFailed, type OutboxRow } from './outbox.repository.js';

/**
 * Email caps (RELIABILITY.md S4, OWASP API4): at most `perAccount` emails per business and `perAddress` per business
 * to one address in each fixed window. An email counts when a worker has claimed it and is about to send it, with
 * an upsert that adds one only below the cap, so any number of workers on one database together send no more.
 */

export const ACCOUNT_CAP_REACHED = 'account email cap reached';
export const ADDRESS_CAP_REACHED = 'email cap for this address reached';

export interface CapWindow {
  start: string;
  end: string;
}

/** Windows are counted from the Unix epoch, so every process agrees where one starts. */
export function capWindow(windowSeconds: number, nowMs = Date.now()): CapWindow {
  const length = windowSeconds * 1000;
  const start = Math.floor(nowMs / length) * length;
  return { start: new Date(start).toISOString(), end: new Date(start + length).toISOString() };
}

export type Claim =
  | { row: OutboxRow; outcome: 'send' }
  /** Over a cap: a `defer` row now waits until `until`; a `drop` row (a sign-in email) was failed, never sent. */
  | { row: OutboxRow; outcome: 'deferred' | 'dropped'; reason: string; until: string; alsoDeferred: number };

const capsOff = (caps: MailCapsConfig) => caps.perAccount === 0 && caps.perAddress === 0;

/** Who the email counts against, or null when it is not counted: nothing will be sent, or nothing leaves us. */
async function subjectOf(db: Executor, row: OutboxRow, kind: MailKind | undefined, mail: MailConfig): Promise<CapSubjectRow | null> {
  // A claim past the last attempt only records the failure.
  if (row.attempts > mail.maxAttempts) return null;
  return (await kind?.capSubject?.(db, row)) ?? null;
}

const hashOf = (address: string) => createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 32);

/**
 * Takes a send from each cap that applies; on a refusal gives back what it took and names the cap. Kinds not
 * `cappedPerAddress` (sign-in emails: their address already has the portal's own limit, and a customer who got many
 * invoices must still be able to sign in) count toward the account's cap only.
 */
async function takeSends(db: Executor, caps: MailCapsConfig, subject: CapSubjectRow, kind: MailKind, window: CapWindow): Promise<string | null> {
  const account = `account:${subject.cap_account_id}`;
  const address = !kind.cappedPerAddress || caps.perAddress === 0 ? null : `address:${subject.cap_account_id}:${hashOf(subject.address)}`;
  if (caps.perAccount > 0 && !(await takeSend(db, account, window.start, caps.perAccount))) return ACCOUNT_CAP_REACHED;
  if (address && !(await takeSend(db, address, window.start, caps.perAddress))) {
    if (caps.perAccount > 0) await giveBackSend(db, account, window.start);
    return ADDRESS_CAP_REACHED;
  }
  return null;
}

/**
 * Claims the oldest due message (a lease, see `claimDueMessage`), then counts it against the caps in one
 * transaction. Over a cap a row of a `defer` kind (notifications) is put back, due when the window ends (with
 * every other due row of its kind of the account when the account's cap is the one reached), and a row of a
 * `drop` kind (sign-in emails: a 15-minute link that arrives an hour late is no use) is failed. The count need
 * not share the claim's transaction: the conditional upsert is what makes it atomic, the lease keeps the row this worker's meanwhile, and a worker that dies in between leaves the
 * row to be claimed again when the lease runs out. So an idle poll stays the one UPDATE it was, and on SQLite the
 * write lock is not held across a claim that finds nothing.
 */
export async function claimWithinCaps(
  db: Db,
  mail: MailConfig,
  kinds: MailKinds,
  now: string,
  leaseUntil: string,
  leaseId: string,
): Promise<Claim | undefined> {
  const row = await claimDueMessage(db, now, leaseUntil, leaseId);
  if (!row) return undefined;
  if (capsOff(mail.caps)) return { row, outcome: 'send' };
  const kind = kinds.get(row.kind);
  const subject = await subjectOf(db, row, kind, mail);
  if (!subject || !kind) return { row, outcome: 'send' };
  // The transaction's first statement is a write, so on SQLite it takes the write lock at once (a read first could
  // find its snapshot outdated by another process's write when it then writes, and fail instead of waiting).
  return db.transaction().execute(async (trx): Promise<Claim> => {
    const window = capWindow(mail.caps.windowSeconds, Date.parse(now));
    const reason = await takeSends(trx, mail.caps, subject, kind, window);
    if (reason === null) return { row, outcome: 'send' };
    if (kind.overCap === 'drop') {
      await markFailed(trx, row.id, leaseId, reason);
      return { row, outcome: 'dropped', reason, until: window.end, alsoDeferred: 0 };
    }
    await markDeferred(trx, row.id, leaseId, window.end, reason);
    const alsoDeferred = reason === ACCOUNT_CAP_REACHED ? await deferDueMessages(trx, row.account_id, row.kind, now, window.end, reason) : 0;
    return { row, outcome: 'deferred', reason, until: window.end, alsoDeferred };
  });
}
