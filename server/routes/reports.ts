// /api/reports/period: the period report (issue 6) for the caller's city, as JSON (ReportData) or as
// Markdown in English or French, ready to send to the programme or to political leaders.
import { Hono } from 'hono';
import { reportQuerySchema } from '../../shared/api/library.ts';
import { renderReportMarkdown } from '../../shared/report/period-report.ts';
import type { AppEnv } from '../app-env.ts';
import { readParams } from '../library/read-params.ts';
import { periodReport } from '../library/report.ts';

export const reportRoutes = new Hono<AppEnv>().get('/period', async (c) => {
  const { from, to, lang, format } = readParams(c, reportQuerySchema);
  const { db, clock } = c.get('deps');
  const data = await periodReport(db, c.get('caller').city.id, { from, to }, { now: clock() });
  if (format === 'markdown') {
    return c.body(renderReportMarkdown(data, lang ?? 'en'), 200, {
      'Content-Type': 'text/markdown;charset=utf-8',
      'Content-Disposition': `attachment; filename="icc-report-${from}-${to}.md"`,
      'Cache-Control': 'no-store',
    });
  }
  return c.json(data);
});
