/** One rendered email, ready for a transport. */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`; the same on every attempt, so a receiver can drop a duplicate. */
  messageId: string;
}

/** What a section's message renderer makes: the words of one email, in the recipient's language. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** Sends mail somewhere: an SMTP relay, or `.eml` files. Implementations are chosen by `createMailTransport`. */
export interface MailTransport {
  /** Where messages go, for logs and the start-up line (never with a password). */
  readonly description: string;
  /** Resolves once the message was accepted; rejects with a `MailSendError` or another error. */
  send(mail: OutgoingMail, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** A failed send, said as the outbox needs it: may the same message go through on a later attempt? */
export class MailSendError extends Error {
  override name = 'MailSendError';
  constructor(
    message: string,
    readonly temporary: boolean,
  ) {
    super(message);
  }
}

/** What a failure means for the message: try again later, or give up now. */
export function classifyFailure(error: unknown): { temporary: boolean; reason: string } {
  if (error instanceof MailSendError) return { temporary: error.temporary, reason: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { temporary: true, reason };
}
