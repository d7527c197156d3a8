// Builds the HTTP app from its dependencies. No environment, no Node-only API: server/main.ts reads the
// environment and hands everything in, tests hand in a fresh database and a fake clock.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env.ts';
import type { Db } from './db/client.ts';
import { errorHandler, type Logger } from './on-error.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppOptions {
  db: Db;
  clock?: () => number;
  log?: Logger;
}

export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? Date.now,
    log: options.log ?? ((message, error) => console.error(message, error)),
  };
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.route('/api/health', healthRoutes);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError(errorHandler(deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
