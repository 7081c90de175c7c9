import { Temporal } from 'temporal-polyfill';
import type { MailConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { randomId } from '../lib/ids.js';
import { nowUtc } from '../lib/time.js';
import { invoicePortalUrl, issueAccessToken } from '../invoices/invoice-access.js';
import { composeSignInMail } from '../portal/sign-in-mail.js';
import { PORTAL_SIGN_IN } from '../portal/sign-in.repository.js';
import { recordInvoiceEvent } from '../invoices/invoice-events.js';
import { renderInvoiceMessage } from './invoice-message.js';
import type { MailTransport, OutgoingMail } from './mail-transport.js';
import { capWindow, claimWithinCaps } from './mail-cap.js';
import { deleteCapWindowsBefore } from './mail-cap.repository.js';
import { findMessageContext, markFailed, markRecorded, markRetry, markSent, type OutboxRow } from './outbox.repository.js';
import { classifyFailure, errorText, retryDelayMs } from './retry.js';

/** The part of pino (Fastify's logger, or the worker command's own) the worker writes to. */
export interface WorkerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface MailWorkerDeps {
  db: Db;
  mail: MailConfig;
  publicBaseUrl: string;
  transport: MailTransport;
  log: WorkerLog;
}

export interface MailWorker {
  /** Takes no new message, lets the one being sent finish (bounded by the send timeout), then resolves. */
  stop(): Promise<void>;
}

function later(ms: number): string {
  return Temporal.Now.instant().add({ milliseconds: ms }).toString({ smallestUnit: 'millisecond' });
}

/** Renders one claimed row, or says in `missing` why there is nothing to send any more. */
async function compose(deps: MailWorkerDeps, row: OutboxRow): Promise<(OutgoingMail & { testMode: boolean }) | { missing: string }> {
  if (row.kind === PORTAL_SIGN_IN) {
    // Sign-in links are asked for by a business's customers on its portal page, never through a test key.
    const signIn = await composeSignInMail(deps.db, deps.mail, deps.publicBaseUrl, row);
    return 'missing' in signIn ? signIn : { ...signIn, testMode: false };
  }
  const invoiceId = row.invoice_id;
  const context = invoiceId === null ? undefined : await findMessageContext(deps.db, invoiceId);
  if (!context || invoiceId === null) return { missing: 'the invoice no longer exists' };
  // A fresh link token per rendering, stored as its hash only. Rows queued by an older version still carry one.
  const token = row.access_token ?? (await issueAccessToken(deps.db, { id: invoiceId, account_id: row.account_id }, nowUtc()));
  const rendered = renderInvoiceMessage({
    locale: context.customer_locale,
    businessName: context.account_name,
    customerName: context.customer_name,
    invoiceNumber: context.invoice_number,
    amountCents: context.amount_cents,
    issuedAt: context.issued_at,
    paid: context.paid_at !== null,
    link: invoicePortalUrl(deps.publicBaseUrl, token),
  });
  return {
    // Without a name in MAIL_FROM the business speaks: the customer knows it, not us.
    from: { name: deps.mail.from.name ?? context.account_name, address: deps.mail.from.address },
    to: { name: context.customer_name, address: context.customer_email },
    messageId: row.message_id,
    ...rendered,
    testMode: context.account_mode === 'test',
  };
}

/** Gives the message up and, in the same transaction, tells the business's webhooks (`notification-failed`). */
async function fail(deps: MailWorkerDeps, row: OutboxRow, leaseId: string, error: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // Sign-in emails (no invoice) are the customer's business, not the integration's.
    if ((await markFailed(trx, row.id, leaseId, error)) && row.invoice_id !== null) {
      await recordInvoiceEvent(trx, deps.publicBaseUrl, row.account_id, row.invoice_id, 'notification-failed');
    }
  });
}

/** Claims one due message and sends it; false when none was due. */
async function deliverNext(deps: MailWorkerDeps, sendTimeoutMs: number): Promise<boolean> {
  const { db, mail, log } = deps;
  const leaseId = randomId();
  const claim = await claimWithinCaps(db, mail, nowUtc(), later(mail.leaseMs), leaseId);
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
  let stopping = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  let purgedBefore = '';
  const loop = (async () => {
    while (!stopping) {
      let delivered = false;
      try {
        // Counters of ended cap windows are no use to anyone; any worker may drop them, once per window.
        const { start } = capWindow(deps.mail.caps.windowSeconds);
        if (start !== purgedBefore) {
          await deleteCapWindowsBefore(deps.db, start);
          purgedBefore = start;
        }
        delivered = await deliverNext(deps, sendTimeoutMs);
      } catch (error) {
        // The database refused (busy, disk full): the claim runs out and the message is tried again.
        deps.log.error({ error: errorText(error instanceof Error ? error.message : String(error)) }, 'outbox worker step failed');
      }
      if (!delivered && !stopping) await pause(deps.mail.pollMs);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
