// Where the integration scenarios get their database: a fresh embedded file per test (the default lane), or
// a real libSQL server (tests/server/sqld.test.ts) wiped between tests.
import type { Db } from '../../../server/db/client.ts';
import { freshFileDb } from './fresh-db.ts';

export interface Backend {
  name: string;
  freshDb(): Promise<Db>;
}

export const fileBackend: Backend = { name: 'embedded file', freshDb: async () => (await freshFileDb()).db };
