// What every handler can read from the context: the app's dependencies, and after the auth middleware the
// caller (member, city, token). Declared once so route files stay typed without repeating it.
import type { Db } from './db/client.ts';
import type { Logger } from './on-error.ts';

export interface AppDeps {
  db: Db;
  /** Epoch milliseconds; injectable so tests control time (rate limits, timestamps). */
  clock: () => number;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
  };
}
