import nodemailer from 'nodemailer';
import { MailSendError, type MailTransport, type OutgoingMail } from './mail-transport.js';

/** The fields nodemailer puts on the errors it rejects with. */
interface SmtpFailure {
  message?: string;
  code?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
}

/**
 * An SMTP reply decides: 5xx (but 503, "bad sequence") is the message refused for good, 4xx is "try later".
 * No reply at all (refused, reset, timed out, DNS) is temporary too. Authentication failures are treated as
 * temporary even when answered 535: they are our configuration, not the message, and once the operator fixes
 * SMTP_URL the queued messages should still go.
 */
export function smtpFailure(error: unknown): MailSendError {
  const failure = (error ?? {}) as SmtpFailure;
  const reason = failure.response ?? failure.message ?? String(error);
  const code = failure.code ? `${failure.code}: ` : '';
  const permanent = failure.permanent === true && failure.code !== 'EAUTH';
  return new MailSendError(failure.response ? reason : `${code}${reason}`, !permanent);
}

/** `smtp://` (STARTTLS when offered) or `smtps://` (TLS from the start), user and password in the URL. */
export function createSmtpTransport(url: URL, timeoutMs: number): MailTransport {
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const transporter = nodemailer.createTransport({
    host,
    port,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Every wait ends well inside the worker's lease, so a hung relay cannot outlive the claim on a message.
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    description: `${url.protocol}//${url.host}`,
    async send(mail: OutgoingMail, signal: AbortSignal) {
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          signal,
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}
