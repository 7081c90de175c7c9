import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './process.js';

/** One DATA transfer the server received, whatever it answered. */
export interface ReceivedMail {
  /** RCPT TO addresses. */
  recipients: string[];
  parsed: ParsedMail;
  messageId: string;
  /** True when the server answered 250 (the message was taken). */
  accepted: boolean;
}

/**
 * What the server answers to a message: accept (after `afterMs`, a slow relay), refuse with an SMTP reply, or
 * hold (never answer). A delayed accept counts even when the client is gone by then: a relay that has the
 * whole message may deliver it although its "250" never arrived (RFC 5321 §4.1.1.4), the source of duplicates.
 */
export type Decision = { accept: true; afterMs?: number } | { code: number; message: string } | { hold: true };

export interface TestSmtp {
  port: number;
  /** `smtp://user:secret@127.0.0.1:<port>`: the credentials are checked. */
  url: string;
  /** Every transfer so far, in arrival order. */
  received: ReceivedMail[];
  /** Messages the server took (accepted), in arrival order. */
  delivered(): ReceivedMail[];
  /** Transfers received in full whose answer is still to come (a delayed accept): the client is mid-send. */
  answering(): number;
  /** SMTP connections open now (a client that sends one message per connection is in the middle of it). */
  sessions(): number;
  /** Decides each message; accepts everything unless a test says otherwise. */
  decide: (mail: ReceivedMail, transfersOfThisMessage: number) => Decision;
  /** Resolves with the delivered messages once `predicate` holds for them. */
  waitForDelivered(predicate: (delivered: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Closes the port (an SMTP server that is down); `start` opens it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export const SMTP_USER = 'klantportaal';
export const SMTP_PASSWORD = 'p@ss:w/rd';

/** A real SMTP server (the smtp-server package) on a loopback port, with a password, keeping what it gets. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  let server: SMTPServer | null = null;
  let answering = 0;
  // By session id: under worker kills smtp-server called onClose more often than onConnect, and a plain counter
  // drifted below zero (-2), so "a send is in progress" was never seen.
  const sessions = new Set<string>();
  const smtp: TestSmtp = {
    port,
    url: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`,
    received: [],
    delivered: () => smtp.received.filter((m) => m.accepted),
    answering: () => answering,
    sessions: () => sessions.size,
    decide: () => ({ accept: true }),
    async waitForDelivered(predicate, timeoutMs = 20_000) {
      return until(() => (predicate(smtp.delivered()) ? smtp.delivered() : null), timeoutMs, () => `SMTP deliveries: ${smtp.delivered().length}`);
    },
    async stop() {
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async start() {
      const instance = new SMTPServer({
        disabledCommands: ['STARTTLS'],
        allowInsecureAuth: true,
        authMethods: ['PLAIN', 'LOGIN'],
        logger: false,
        closeTimeout: 200,
        onConnect(session, callback) {
          sessions.add(session.id);
          callback();
        },
        onClose(session) {
          sessions.delete(session.id);
        },
        onAuth(auth, _session, callback) {
          if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
          return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        },
        onData(stream, session, callback) {
          simpleParser(stream).then((parsed) => {
            const mail: ReceivedMail = {
              recipients: session.envelope.rcptTo.map((r) => r.address),
              parsed,
              messageId: parsed.messageId ?? '',
              accepted: false,
            };
            const transfers = smtp.received.filter((m) => m.messageId === mail.messageId).length + 1;
            smtp.received.push(mail);
            const decision = smtp.decide(mail, transfers);
            if ('hold' in decision) return; // the client waits for an answer that never comes
            if ('accept' in decision) {
              if (!decision.afterMs) {
                mail.accepted = true;
                return callback(null);
              }
              answering += 1;
              setTimeout(() => {
                answering -= 1;
                mail.accepted = true;
                callback(null);
              }, decision.afterMs);
              return;
            }
            return callback(Object.assign(new Error(decision.message), { responseCode: decision.code }));
          }, callback);
        },
      });
      await new Promise<void>((resolve, reject) => {
        instance.once('error', reject);
        instance.listen(port, '127.0.0.1', () => resolve());
      });
      instance.on('error', () => undefined);
      server = instance;
    },
  };
  await smtp.start();
  return smtp;
}

/** Polls `probe` until it returns a value; fails after `timeoutMs` with `describe()` in the message. */
export async function until<T>(probe: () => T | null | undefined | Promise<T | null | undefined>, timeoutMs = 20_000, describe = () => ''): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting after ${timeoutMs} ms. ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
