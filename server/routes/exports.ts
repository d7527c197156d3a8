// /api/exports: downloads for the dashboard (issue 6). The library or a filtered view as CSV, JSON or
// Markdown (any member of the city); the contacts as vCard or CSV (403 for a viewer while the city hides
// contact details from viewers). Files are attachments and never cached.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { contactExportQuerySchema, practiceExportQuerySchema } from '../../shared/api/library.ts';
import type { AppEnv } from '../app-env.ts';
import { type ExportFile, exportContacts, exportPractices } from '../library/exports.ts';
import { readParams } from '../library/read-params.ts';

export function sendFile(c: Context, file: ExportFile) {
  return c.body(file.body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    'Cache-Control': 'no-store',
  });
}

export const exportRoutes = new Hono<AppEnv>()
  .get('/practices', async (c) => {
    const { format, locale, ...query } = readParams(c, practiceExportQuerySchema);
    const { db, clock } = c.get('deps');
    const { city } = c.get('caller');
    const file = await exportPractices(db, city.id, query, format, locale ?? 'en', {
      cityName: city.name,
      now: clock(),
    });
    return sendFile(c, file);
  })
  .get('/contacts', async (c) => {
    const { format, locale } = readParams(c, contactExportQuerySchema);
    const { db, clock } = c.get('deps');
    const { city, member } = c.get('caller');
    const file = await exportContacts(
      db,
      { cityId: city.id, role: member.role, viewersSeeContacts: city.viewersSeeContacts },
      format,
      { locale, now: clock() },
    );
    return sendFile(c, file);
  });
