import type { MailConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { randomId } from '../lib/ids.js';
import { nowUtc } from '../lib/time.js';
import { errorText, later, retryDelayMs } from '../outbox/retry.js';
import { startJobRunner, type JobRunner, type WorkerLog } from '../outbox/runner.js';
import { capWindow, claimWithinCaps } from './mail-cap.js';
import { deleteCapWindowsBefore } from './mail-cap.repository.js';
import type { ComposedMail, MailKindContext, MailKinds } from './mail-kind.js';
import { classifyFailure, type MailTransport } from './mail-transport.js';
import { markFailed, markRecorded, markRetry, markSent, type OutboxRow } from './outbox.repository.js';

export type { WorkerLog } from '../outbox/runner.js';

export interface MailWorkerDeps {
  db: Db;
  mail: MailConfig;
  publicBaseUrl: string;
  transport: MailTransport;
  /** The sections' kinds of email (renderer, caps, give-up hook), from the composition root. */
  kinds: MailKinds;
  log: WorkerLog;
}

/** `stop` takes no new message, lets the one being sent finish (bounded by the send timeout), then resolves. */
export type MailWorker = JobRunner;

const contextOf = (deps: MailWorkerDeps): MailKindContext => ({ db: deps.db, mail: deps.mail, publicBaseUrl: deps.publicBaseUrl });

/** Renders one claimed row with its kind's renderer, or says in `missing` why there is nothing to send any more. */
async function compose(deps: MailWorkerDeps, row: OutboxRow): Promise<ComposedMail | { missing: string }> {
  const kind = deps.kinds.get(row.kind);
  if (!kind) return { missing: `no renderer for emails of kind ${row.kind}` };
  return kind.compose(contextOf(deps), row);
}

/** Gives the message up and, in the same transaction, runs its kind's `onGivenUp` (invoices: `notification.failed`). */
async function fail(deps: MailWorkerDeps, row: OutboxRow, leaseId: string, error: string): Promise<void> {
  const onGivenUp = deps.kinds.get(row.kind)?.onGivenUp;
  await deps.db.transaction().execute(async (trx) => {
    if ((await markFailed(trx, row.id, leaseId, error)) && onGivenUp) await onGivenUp(trx, contextOf(deps), row);
  });
}

/** Claims one due message and sends it; false when none was due. */
async function deliverNext(deps: MailWorkerDeps, sendTimeoutMs: number): Promise<boolean> {
  const { db, mail, log } = deps;
  const leaseId = randomId();
  const claim = await claimWithinCaps(db, mail, deps.kinds, nowUtc(), later(mail.leaseMs), leaseId);
  if (!claim) return false;
  const { row } = claim;
  const context = { notificationId: row.id, invoiceId: row.invoice_id, attempt: row.attempts };
  if (claim.outcome === 'deferred') {
    log.warn({ ...context, accountId: row.account_id, reason: claim.reason, until: claim.until, alsoDeferred: claim.alsoDeferred }, 'notification deferred: email cap reached');
    return true;
  }
  if (claim.outcome === 'dropped') {
    log.warn({ ...context, accountId: row.account_id, reason: claim.reason }, 'sign-in email not sent: email cap reached');
    return true;
  }
  if (row.attempts > mail.maxAttempts) {
    // The last allowed attempt was cut off (its worker died): stop here rather than try without end.
    await fail(deps, row, leaseId, row.last_error ?? 'the last attempt did not finish');
    log.warn(context, 'notification failed: no attempts left');
    return true;
  }
  const message = await compose(deps, row);
  if ('missing' in message) {
    await fail(deps, row, leaseId, message.missing);
    log.warn({ ...context, reason: message.missing }, 'notification failed');
    return true;
  }
  if (message.testMode) {
    // Test mode never reaches a mail server: the email is kept for the API to show (`notification.recordedEmail`).
    await markRecorded(db, row.id, nowUtc(), JSON.stringify({ to: message.to.address, subject: message.subject, text: message.text }));
    log.info({ ...context, messageId: row.message_id }, 'notification recorded (test mode)');
    return true;
  }
  try {
    await deps.transport.send(message, AbortSignal.timeout(sendTimeoutMs));
  } catch (error) {
    const { temporary, reason } = classifyFailure(error);
    const text = errorText(reason);
    if (temporary && row.attempts < mail.maxAttempts) {
      const delay = retryDelayMs(row.attempts, mail.retryBaseMs, mail.retryMaxMs);
      await markRetry(db, row.id, leaseId, later(delay), text);
      log.warn({ ...context, error: text, retryInMs: delay }, 'notification not sent; will retry');
    } else {
      await fail(deps, row, leaseId, text);
      log.error({ ...context, error: text, temporary }, 'notification failed');
    }
    return true;
  }
  await markSent(db, row.id, nowUtc());
  log.info({ ...context, messageId: row.message_id }, 'notification sent');
  return true;
}

/**
 * The outbox worker: claims due messages one at a time (a claim is a lease, so a worker that dies mid-send
 * frees its message when the lease runs out), sends, records the outcome. Delivery is at least once; the
 * stable Message-ID lets receivers drop a duplicate. Any number of workers may run on one database.
 */
export function startMailWorker(deps: MailWorkerDeps): MailWorker {
  const sendTimeoutMs = Math.max(250, Math.floor(deps.mail.leaseMs / 2));
  let purgedBefore = '';
  const step = async () => {
    // Counters of ended cap windows are no use to anyone; any worker may drop them, once per window.
    const { start } = capWindow(deps.mail.caps.windowSeconds);
    if (start !== purgedBefore) {
      await deleteCapWindowsBefore(deps.db, start);
      purgedBefore = start;
    }
    return deliverNext(deps, sendTimeoutMs);
  };
  // One loop per process, as it always was; more sending means more `worker` processes.
  return startJobRunner({ name: 'outbox worker', concurrency: 1, pollMs: deps.mail.pollMs, log: deps.log, step });
}
