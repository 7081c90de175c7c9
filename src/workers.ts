import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { invoiceMailKind } from './invoices/invoice-mail.js';
import { runMailWorker } from './mail/index.js';
import { offerDecisionMailKind } from './offers/offer-decision-mail.js';
import { offerMailKind } from './offers/offer-mail.js';
import { mailKinds, type MailKinds } from './mail/mail-kind.js';
import type { WorkerLog } from './outbox/runner.js';
import { signInMailKind } from './portal/sign-in-mail.js';
import { startWebhookWorker } from './webhooks/webhook-worker.js';

/**
 * Composition root of the background jobs: the one place that knows which sections send email. The plumbing
 * (`outbox/`, `mail/`, `webhooks/`) imports no section; each section hands in its part here.
 */
export function registeredMailKinds(): MailKinds {
  return mailKinds([invoiceMailKind, offerMailKind, offerDecisionMailKind, signInMailKind]);
}

export interface Workers {
  /** Where emails go, for the start-up line. */
  mailTransport: string;
  /** Takes no new job, lets those in flight finish, closes the mail transport. */
  stop(): Promise<void>;
}

/** The email worker only (the tests that must hold webhook deliveries still use it). */
export function startMailWorker(db: Db, config: Config, log: WorkerLog): Workers {
  const mail = runMailWorker(db, config, registeredMailKinds(), log);
  return { mailTransport: mail.transport, stop: () => mail.worker.stop() };
}

/** Every background worker of one process: `serve` runs them beside the API, `klantportaal worker` alone. */
export function startWorkers(db: Db, config: Config, log: WorkerLog): Workers {
  const mail = runMailWorker(db, config, registeredMailKinds(), log);
  const webhooks = startWebhookWorker(db, config.webhooks, log);
  return {
    mailTransport: mail.transport,
    async stop() {
      await Promise.all([mail.worker.stop(), webhooks.stop()]);
    },
  };
}
