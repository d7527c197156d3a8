// /api/network: what a national network coordinator sees (issue 6) — the member cities' aggregates side by
// side and the practices they shared with the network. 403 unless the caller is a network coordinator
// (network_coordinators, granted with `admin grant-network`); the network comes from that grant.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { emptyQuerySchema, libraryQuerySchema } from '../../shared/api/library.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { coordinatedNetwork, networkOverview, searchNetworkPractices } from '../library/network.ts';
import { readParams } from '../library/read-params.ts';

type NetworkEnv = AppEnv & { Variables: AppEnv['Variables'] & { networkId: string } };

const networkCoordinatorOnly = createMiddleware<NetworkEnv>(async (c, next) => {
  const networkId = await coordinatedNetwork(c.get('deps').db, c.get('caller').member.id);
  if (!networkId) throw new ApiError(403, 'forbidden', 'this needs a network coordinator');
  c.set('networkId', networkId);
  await next();
});

export const networkRoutes = new Hono<NetworkEnv>()
  .use(networkCoordinatorOnly)
  .get('/overview', async (c) => {
    readParams(c, emptyQuerySchema);
    return c.json(await networkOverview(c.get('deps').db, c.get('networkId')));
  })
  .get('/practices', async (c) => {
    const query = readParams(c, libraryQuerySchema);
    return c.json(await searchNetworkPractices(c.get('deps').db, c.get('networkId'), query));
  });
