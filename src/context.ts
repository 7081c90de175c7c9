import type { Config } from './config.js';
import type { Db, Dialect } from './db/database.js';
import type { Clock } from './lib/clock.js';
import type { PdfStore } from './storage/pdf-store.js';

/** What services need from the outside world; built once by the composition root. */
export interface AppContext {
  config: Config;
  db: Db;
  /** Which database `db` talks to, for the few places where locking differs. */
  dialect: Dialect;
  store: PdfStore;
  /** "Now" for rules that expire things (download links); the system clock except in tests that move time. */
  clock: Clock;
}
