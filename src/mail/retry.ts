import { MailSendError } from './mail-transport.js';

/**
 * Wait before the next attempt after `attempts` failed ones: exponential (base × 2^(attempts−1)), capped at
 * `max`, with "equal jitter" (half fixed, half random) so messages that failed together (a relay outage) do not
 * all come back at the same moment, while no retry comes sooner than half its step.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** What a failure means for the message: try again later, or give up now. */
export function classifyFailure(error: unknown): { temporary: boolean; reason: string } {
  if (error instanceof MailSendError) return { temporary: error.temporary, reason: error.message };
  const reason = error instanceof Error ? error.message : String(error);
  return { temporary: true, reason };
}

/** Error text for the invoice resource and logs: one line, bounded. */
export function errorText(reason: string): string {
  const line = reason.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}
