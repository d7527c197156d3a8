// What every handler can read from the context: the app's dependencies, and after the auth middleware the
// caller (member, city, token). Declared once so route files stay typed without repeating it.
import type { AppCaches } from './auth/caller-cache.ts';
import type { Db } from './db/client.ts';
import type { cities, members, tokens } from './db/schema/index.ts';
import type { AuthAttempts } from './limits/auth-failures.ts';
import type { Logger } from './on-error.ts';
import type { TranslationDeps } from './translate/setup.ts';

export interface Limits {
  maxBodyBytes: number;
}

export interface AppDeps {
  db: Db;
  /** Epoch milliseconds; injectable so tests control time (rate limits, timestamps). */
  clock: () => number;
  log: Logger;
  limits: Limits;
  /** The server's public origin when it sits behind a proxy; otherwise taken from the request. */
  publicUrl?: string;
  /** The authenticated callers and library versions this process keeps in memory (auth/caller-cache.ts). */
  caches: AppCaches;
  /** The server-side translation engines and limits (server/translate/setup.ts). */
  translation: TranslationDeps;
  /** The budget of failed authentication attempts per address (limits/auth-failures.ts). */
  authAttempts: AuthAttempts;
}

export interface Caller {
  member: typeof members.$inferSelect;
  city: typeof cities.$inferSelect;
  token: typeof tokens.$inferSelect;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    caller: Caller;
  };
}
