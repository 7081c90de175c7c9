import type { MailConfig } from '../config.js';
import type { Db, Executor, Trx } from '../db/database.js';
import type { CapSubjectRow } from './mail-cap.repository.js';
import type { OutgoingMail } from './mail-transport.js';
import type { OutboxRow } from './outbox.repository.js';

/**
 * The mail job knows no section: each section that sends email registers a kind of outbox row (`invoice-created`,
 * `portal-sign-in`, …) with its renderer and its place under the caps, and the composition root hands the list to
 * the worker (`runMailWorker`).
 */

/** What a renderer gets besides the claimed row. */
export interface MailKindContext {
  db: Db;
  mail: MailConfig;
  publicBaseUrl: string;
}

/** A rendered email; `testMode`: keep it on the row (`recorded_email`) instead of sending it. */
export type ComposedMail = OutgoingMail & { testMode: boolean };

export interface MailKind {
  /** The outbox rows' `kind`. */
  kind: string;
  /** Renders a claimed row, or says in `missing` why there is nothing to send any more (the row then fails). */
  compose(context: MailKindContext, row: OutboxRow): Promise<ComposedMail | { missing: string }>;
  /** Runs in the transaction that gives the row up (no attempts left, permanent failure, nothing to send). */
  onGivenUp?(trx: Trx, context: MailKindContext, row: OutboxRow): Promise<void>;
  /**
   * Who the email counts against under the email caps, or null when it is not counted (nothing will be sent, or it
   * leaves us for nobody, as in test mode). A kind without it is never counted.
   */
  capSubject?(db: Executor, row: OutboxRow): Promise<CapSubjectRow | null>;
  /**
   * Over a cap: `defer` waits for the window's end (and, when the account's cap is full, so does every other due
   * row of this kind of the account); `drop` fails the row, for emails that are no use late.
   */
  overCap: 'defer' | 'drop';
  /** Counted per address as well as per account. */
  cappedPerAddress: boolean;
}

/** The registered kinds by `kind`. */
export type MailKinds = ReadonlyMap<string, MailKind>;

export function mailKinds(kinds: readonly MailKind[]): MailKinds {
  const byKind = new Map<string, MailKind>();
  for (const kind of kinds) {
    if (byKind.has(kind.kind)) throw new Error(`mail kind ${kind.kind} registered twice`);
    byKind.set(kind.kind, kind);
  }
  return byKind;
}
