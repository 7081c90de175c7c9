/**
 * Where "now" comes from for rules that depend on it (download links expire after 5 minutes). Injected through
 * AppContext so a test can move time instead of sleeping; everything else keeps reading the system clock.
 */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
