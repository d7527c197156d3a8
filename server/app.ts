// Builds the HTTP app from its dependencies. No environment, no Node-only API: server/main.ts reads the
// environment and hands everything in, tests hand in a fresh database and a fake clock.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-env.ts';
import { AppCaches, type CacheOptions } from './auth/caller-cache.ts';
import { requireAuth } from './auth/require-auth.ts';
import { corsForExtensions, type ExtensionOrigins } from './cors.ts';
import type { Db } from './db/client.ts';
import { ApiError } from './errors.ts';
import { AuthAttempts, type AuthFailureOptions, defaultAuthFailureBudget } from './limits/auth-failures.ts';
import { type RateLimitOptions, rateLimit } from './limits/rate-limit.ts';
import { errorHandler, type Logger } from './on-error.ts';
import { cityRoutes } from './routes/city.ts';
import { conflictRoutes } from './routes/conflicts.ts';
import { connectRoutes } from './routes/connect.ts';
import { docsRoutes } from './routes/docs.ts';
import { exportRoutes } from './routes/exports.ts';
import { glossaryRoutes } from './routes/glossary.ts';
import { healthRoutes } from './routes/health.ts';
import { libraryRoutes } from './routes/library.ts';
import { meRoutes } from './routes/me.ts';
import { memberRoutes } from './routes/members.ts';
import { networkRoutes } from './routes/network.ts';
import { reportRoutes } from './routes/reports.ts';
import { stakeholderRoutes } from './routes/stakeholders.ts';
import { syncRoutes } from './routes/sync.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { translateRoutes } from './routes/translate.ts';
import { webApiRoutes, webRoutes } from './routes/web.ts';
import { type HistoryOptions, historyJob } from './sync/history-job.ts';
import { type TranslationOptions, translationDeps } from './translate/setup.ts';

export interface AppOptions {
  db: Db;
  clock?: () => number;
  log?: Logger;
  /** Request bodies above this answer 413. A practice may hold up to 2 MB of Markdown. Default 10 MB. */
  maxBodyBytes?: number;
  /** Per-token token bucket; `false` turns it off (benchmarks). Default: bursts of 300, 10 per second. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Failed authentication attempts (bad token, session cookie, sign-in link or sign-in form) allowed per
   * address: `burst` at once, then `perSecond`; past that 429. `false` only logs them. Default: 20, then 1/s.
   */
  authFailures?: AuthFailureOptions | false;
  /**
   * How many reverse proxies stand in front of the server: the client's address is then read from
   * X-Forwarded-For (that many entries from the right) instead of the socket. Default 0.
   */
  trustProxy?: number;
  /**
   * Extension origins whose pages may read API answers through CORS (server/cors.ts), besides the server's
   * own pages; `'any'` for every extension origin. Default none: the extension reads its server's answers
   * with its host permission, without CORS.
   */
  extensionOrigins?: ExtensionOrigins;
  /** The server's public origin (behind a proxy), used in connect links. Default: the request's origin. */
  publicUrl?: string;
  /**
   * How long a caller (token → member, city) and a city's library version are trusted from memory. Changes
   * made through this app apply at once; another process's within these TTLs. Defaults: 5 s and 1 s.
   */
  cache?: CacheOptions;
  /** Server-side translation engines (LibreTranslate, DeepL) and limits; none configured = no engines. */
  translation?: TranslationOptions;
  /**
   * Pruning of the sync history past a horizon (server/sync/history-job.ts): after pushes, at most once an
   * interval. Default: a 30-day horizon, at most hourly. `false` turns it off (the admin `prune` still works).
   */
  history?: HistoryOptions | false;
}

export function createApp(options: AppOptions) {
  const clock = options.clock ?? Date.now;
  const log: Logger =
    options.log ??
    ((message, error) => (error === undefined ? console.error(message) : console.error(message, error)));
  const deps: AppDeps = {
    db: options.db,
    clock,
    log,
    limits: { maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024 },
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    caches: new AppCaches(options.db, clock, options.cache),
    translation: translationDeps(options.translation, clock),
    authAttempts: new AuthAttempts(
      options.authFailures ?? defaultAuthFailureBudget,
      options.trustProxy ?? 0,
      clock,
      log,
    ),
  };
  const limit = options.rateLimit ?? { burst: 300, perSecond: 10 };

  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', corsForExtensions(options.extensionOrigins));
  const limitBody = bodyLimit({
    maxSize: deps.limits.maxBodyBytes,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        `the request body is over ${deps.limits.maxBodyBytes} bytes`,
      );
    },
  });
  // GET and HEAD carry no body; skipping them also spares @hono/node-server building a full Request (the
  // body check reads `c.req.raw.body`), which was a large share of an up-to-date pull's cost.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  // Public: nothing here reveals anything about a city.
  app.route('/api/health', healthRoutes);
  app.route('/api', docsRoutes);
  app.route('/connect', connectRoutes);
  // The web dashboard: its own session cookie, HTML pages (server/routes/web.ts).
  app.route('/web', webRoutes);

  // Everything else needs a token; the rate limit counts per token.
  const authed = [
    '/api/me',
    '/api/city',
    '/api/members',
    '/api/tokens',
    '/api/sync',
    '/api/conflicts',
    '/api/stakeholders',
    '/api/web',
    '/api/library',
    '/api/network',
    '/api/exports',
    '/api/reports',
    '/api/translate',
    '/api/glossary',
  ];
  const limiter = limit ? rateLimit(limit) : null;
  // `/api/me/*` also matches `/api/me` itself.
  for (const path of authed.map((p) => `${p}/*`)) {
    app.use(path, requireAuth);
    if (limiter) app.use(path, limiter);
  }
  // After a push, the sync history past its horizon may be pruned, in the background (history-job.ts).
  if (options.history !== false) {
    const history = historyJob(options.db, clock, deps.log, options.history);
    app.use('/api/sync/push', async (c, next) => {
      await next();
      if (c.res.ok) history.nudge();
    });
  }
  app.route('/api/me', meRoutes);
  app.route('/api/members', memberRoutes);
  app.route('/api/tokens', tokenRoutes);
  app.route('/api/sync', syncRoutes);
  app.route('/api/conflicts', conflictRoutes);
  app.route('/api/city', cityRoutes);
  app.route('/api/stakeholders', stakeholderRoutes);
  app.route('/api/web', webApiRoutes);
  app.route('/api/library', libraryRoutes);
  app.route('/api/network', networkRoutes);
  app.route('/api/exports', exportRoutes);
  app.route('/api/reports', reportRoutes);
  app.route('/api/translate', translateRoutes);
  app.route('/api/glossary', glossaryRoutes);

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError(errorHandler(deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
