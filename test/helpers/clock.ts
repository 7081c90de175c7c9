import type { Clock } from '../../src/lib/clock.js';

/** A clock a test moves by hand: expiry is proven by setting the time, never by sleeping. */
export interface ManualClock extends Clock {
  set(at: Date | number): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | number = Date.now()): ManualClock {
  let now = Number(start);
  return {
    now: () => now,
    set: (at) => void (now = Number(at)),
    advance: (ms) => void (now += ms),
  };
}
