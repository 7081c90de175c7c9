import { Temporal } from 'temporal-polyfill';
import type { WebhookConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { randomId } from '../lib/ids.js';
import { nowUtc } from '../lib/time.js';
import { errorText, later, retryDelayMs } from '../outbox/retry.js';
import { startJobRunner, type JobRunner, type WorkerLog } from '../outbox/runner.js';
import { claimDueDelivery, findDeliveryTarget, markAttemptFailed, markDelivered } from './webhook-delivery.repository.js';
import { sendWebhook } from './webhook-sender.js';

/** `stop` takes no new delivery, lets those in flight finish (bounded by the attempt timeout), then resolves. */
export type WebhookWorker = JobRunner;

/** What the delivery log says of a test-mode delivery. */
export const TEST_MODE_RECORDED = 'test mode: recorded, not sent';

/** Claims one due delivery and attempts it; false when none was due. */
async function deliverNext(db: Db, config: WebhookConfig, log: WorkerLog): Promise<boolean> {
  const leaseId = randomId();
  // The lease outlasts the attempt's timeout, so a live attempt is never taken over.
  const leaseMs = config.timeoutMs * 2 + 5000;
  const row = await claimDueDelivery(db, nowUtc(), later(leaseMs), leaseId);
  if (!row) return false;
  const context = { deliveryId: row.id, endpointId: row.endpoint_id, eventId: row.event_id, attempt: row.attempts };
  const target = await findDeliveryTarget(db, row);
  if (!target) return true; // the endpoint was deleted meanwhile; its deliveries went with it
  if (target.account_mode === 'test') {
    // Test mode never reaches the outside: the delivery is recorded in the log (with its event) instead.
    await markDelivered(db, row.id, nowUtc(), { statusCode: null, error: TEST_MODE_RECORDED });
    log.info(context, 'webhook recorded (test mode), not sent');
    return true;
  }
  const result = await sendWebhook({ url: target.url, secret: target.secret, eventId: row.event_id, body: target.payload }, config);
  const now = Temporal.Now.instant();
  if (result.delivered) {
    await markDelivered(db, row.id, now.toString({ smallestUnit: 'millisecond' }), { statusCode: result.statusCode, error: null });
    log.info({ ...context, statusCode: result.statusCode }, 'webhook delivered');
    return true;
  }
  const error = errorText(result.error);
  const delay = retryDelayMs(row.attempts, config.retryBaseMs, config.retryMaxMs);
  const giveUpAt = Temporal.Instant.from(row.queued_at).add({ milliseconds: config.retryWindowMs });
  // No retry is scheduled past the window: the delivery fails now rather than with one late, lonely attempt.
  const retryAt = Temporal.Instant.compare(now.add({ milliseconds: delay }), giveUpAt) <= 0 ? later(delay, now) : null;
  await markAttemptFailed(db, row.id, leaseId, retryAt, { statusCode: result.statusCode, error });
  if (retryAt) log.warn({ ...context, error, retryInMs: delay }, 'webhook not delivered; will retry');
  else log.error({ ...context, error }, 'webhook failed: no 2xx within the retry window');
  return true;
}

/**
 * The webhook worker: `concurrency` loops, each claiming due deliveries one at a time (a claim is a lease, so a
 * worker that dies mid-attempt frees its delivery when the lease runs out). Delivery is at least once; the
 * stable `Klantportaal-Event-Id` lets receivers drop a duplicate. Any number of workers may share a database.
 */
export function startWebhookWorker(db: Db, config: WebhookConfig, log: WorkerLog): WebhookWorker {
  return startJobRunner({ name: 'webhook worker', concurrency: config.concurrency, pollMs: config.pollMs, log, step: () => deliverNext(db, config, log) });
}
