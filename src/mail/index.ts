import type { Config, MailConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { createEmlTransport } from './eml-transport.js';
import type { MailTransport } from './mail-transport.js';
import type { MailKinds } from './mail-kind.js';
import { startMailWorker, type MailWorker, type WorkerLog } from './outbox-worker.js';
import { createSmtpTransport } from './smtp-transport.js';

/** The transport named by the config: SMTP_URL → SMTP, otherwise `.eml` files under DATA_DIR. */
export function createMailTransport(config: MailConfig): MailTransport {
  // Half the lease: a send that hangs is given up while the claim is still ours.
  const timeoutMs = Math.max(250, Math.floor(config.leaseMs / 2));
  return config.transport.kind === 'smtp' ? createSmtpTransport(config.transport.url, timeoutMs) : createEmlTransport(config.transport.dir);
}

/**
 * Starts the outbox worker with the configured transport and the sections' kinds of email (the composition root,
 * `workers.ts`, registers them); `stop` also closes the transport.
 */
export function runMailWorker(db: Db, config: Config, kinds: MailKinds, log: WorkerLog): { worker: MailWorker; transport: string } {
  const transport = createMailTransport(config.mail);
  const worker = startMailWorker({ db, mail: config.mail, publicBaseUrl: config.publicBaseUrl, transport, kinds, log });
  return {
    transport: transport.description,
    worker: {
      async stop() {
        await worker.stop();
        await transport.close();
      },
    },
  };
}
