// /api/library: the city library for the web dashboard (issue 6) — search and browse with filters, a
// practice's page, aggregates and Index coverage. Every member of the city may read; the city comes from the
// token; another city's practice is a 404 like a made-up id.
import { Hono } from 'hono';
import { emptyQuerySchema, libraryQuerySchema, periodQuerySchema } from '../../shared/api/library.ts';
import type { AppEnv } from '../app-env.ts';
import { notFound } from '../errors.ts';
import { cityAggregates, indexCoverage } from '../library/aggregates.ts';
import { getPracticeDetail } from '../library/practice-detail.ts';
import { readParams } from '../library/read-params.ts';
import { searchPractices } from '../library/search.ts';

export const libraryRoutes = new Hono<AppEnv>()
  .get('/search', async (c) => {
    const query = readParams(c, libraryQuerySchema);
    return c.json(await searchPractices(c.get('deps').db, c.get('caller').city.id, query));
  })
  .get('/practices/:id', async (c) => {
    const { member, city } = c.get('caller');
    const detail = await getPracticeDetail(
      c.get('deps').db,
      {
        cityId: city.id,
        memberId: member.id,
        role: member.role,
        viewersSeeContacts: city.viewersSeeContacts,
      },
      c.req.param('id'),
    );
    if (!detail) throw notFound('practice');
    return c.json(detail);
  })
  .get('/aggregates', async (c) => {
    const period = readParams(c, periodQuerySchema);
    return c.json(await cityAggregates(c.get('deps').db, c.get('caller').city.id, period));
  })
  .get('/coverage', async (c) => {
    readParams(c, emptyQuerySchema);
    return c.json(await indexCoverage(c.get('deps').db, c.get('caller').city.id));
  });
