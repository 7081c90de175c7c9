import { Temporal } from 'temporal-polyfill';

/**
 * Wait before the next attempt after `attempts` failed ones: exponential (base × 2^(attempts−1)), capped at
 * `max`, with "equal jitter" (half fixed, half random) so jobs that failed together (a relay outage) do not
 * all come back at the same moment, while no retry comes sooner than half its step.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Error text for resources and logs: one line, bounded. */
export function errorText(reason: string): string {
  const line = reason.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

/** The instant `ms` after `from` (default now), as the timestamps the queues store (UTC ISO, milliseconds). */
export function later(ms: number, from: Temporal.Instant = Temporal.Now.instant()): string {
  return from.add({ milliseconds: ms }).toString({ smallestUnit: 'millisecond' });
}
