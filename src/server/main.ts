import { serve } from '@hono/node-server';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import { createApp } from './createApp.ts';
import { createDatabase } from './db/createDatabase.ts';
import { migrateToLatest } from './db/migrate.ts';
import { rebuildReportCells } from './reports/rebuildReportCells.ts';
import { publishBuiltInSurveysToAll, seedDemoIfEmpty } from './seedDemo.ts';
import { startSpokenRetention } from './media/startSpokenRetention.ts';
import { stopAcceptingGracefully } from './http/stopAcceptingGracefully.ts';

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const staticRoot = resolve(process.env.SAYSO_STATIC ?? 'dist');

if (!existsSync(resolve(staticRoot, 'index.html'))) {
  console.error(`No built app in ${staticRoot}: run "npm run build" first (npm start does it for you).`);
  process.exit(1);
}

const database = createDatabase({ databaseUrl: process.env.DATABASE_URL, sqlitePath: process.env.SAYSO_DB ?? 'data/sayso.db' });
const applied = await migrateToLatest(database.db);
console.log(`Data: ${database.describe}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`);
// Report cells came with migration 0004: count the responses received before it (does nothing once filled).
await rebuildReportCells(database.db, { log: console.log });
const demo = await seedDemoIfEmpty(database.db);
// A release that ships a new built-in survey version publishes it to every organisation.
const builtIns = await publishBuiltInSurveysToAll(database.db);
if (builtIns) console.log(`Published ${builtIns} new built-in survey version(s).`);
// The sound of spoken comments past their organisation's retention goes now and every hour.
const spokenRetention = startSpokenRetention(database.db);
await spokenRetention.first;

const tls = process.env.TLS_CERT && process.env.TLS_KEY ? { cert: readFileSync(process.env.TLS_CERT), key: readFileSync(process.env.TLS_KEY) } : undefined;
const scheme = tls ? 'https' : 'http';
const app = createApp({ staticRoot, db: database.db });
const server = serve(
  { fetch: app.fetch, port, hostname, ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}) },
  (info) => {
    const base = `${scheme}://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}`;
    console.log(`Sayso is running at ${base}/`);
    console.log(`  kiosk:   ${base}/`);
    console.log(`  preview: ${base}/?preview=resident-satisfaction&lang=en`);
    if (demo) {
      console.log(`First start: created "Demo organisation" with the facility "Demo reception centre" and the built-in surveys.`);
      console.log(`  Enroll a tablet with code ${demo.code} (valid until ${demo.expiresAt}): POST ${base}/api/v1/devices/enroll {"code": "${demo.code}", "name": "Tablet 1"}`);
      console.log(`  Staff screens: ${base}/staff; sign in as (passwords shown this once):`);
      for (const account of demo.staff) console.log(`    ${account.role.padEnd(8)} ${account.email}  ${account.password}`);
      console.log('  More codes, facilities and staff: npm run admin -- --help (set-password if a password is lost)');
    }
    if (!tls && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      console.log('Warning: served over plain HTTP on a network address; tablets need HTTPS (set TLS_CERT and TLS_KEY, or put a TLS reverse proxy in front).');
    }
  },
);

const stopper = stopAcceptingGracefully(server as Server);

// SIGTERM: stop taking connections, let requests in flight (a sync batch) finish, then close the database.
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  spokenRetention.stop();
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  setTimeout(() => process.exit(1), 20_000).unref();
  await stopper.stop(10_000);
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
