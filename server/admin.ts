// Entry point of the admin CLI: `npm run admin -- <command>` (server/admin/commands.ts has the commands).
// Uses the same environment as the server to find the database.
import { AdminError, runAdmin } from './admin/commands.ts';
import { openDatabaseFromEnv } from './node-database.ts';

const env = process.env;
const server =
  env.PUBLIC_URL ??
  `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${env.PORT ?? 8787}`;
const { db } = await openDatabaseFromEnv(env);
try {
  await runAdmin(process.argv.slice(2), {
    db,
    out: (line) => console.log(line),
    now: Date.now(),
    server,
    horizonDays: env.SYNC_HORIZON_DAYS,
  });
} catch (error) {
  if (!(error instanceof AdminError || (error instanceof TypeError && 'code' in error))) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
