// GET /api/openapi.json and GET /api/docs: the API reference, generated (server/openapi).
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { docsPage } from '../openapi/docs-page.ts';
import { openApiDocument } from '../openapi/document.ts';

export const docsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .get('/docs', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(docsPage());
  });
