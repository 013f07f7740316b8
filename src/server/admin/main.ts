import { createDatabase } from '../db/createDatabase.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AdminUsageError, runAdmin } from './runAdmin.ts';

/** npm run admin -- <command>: same database settings as the server. */
const database = createDatabase({ databaseUrl: process.env.DATABASE_URL, sqlitePath: process.env.SAYSO_DB ?? 'data/sayso.db' });
try {
  await migrateToLatest(database.db);
  await runAdmin(process.argv.slice(2), database, { log: (line) => console.log(line) });
  process.exitCode = 0;
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exitCode = error instanceof AdminUsageError ? 2 : 1;
} finally {
  await database.close();
}
