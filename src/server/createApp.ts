import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './db/schema.ts';
import { apiError } from './http/apiError.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { commentRoutes } from './routes/commentRoutes.ts';
import { deviceRoutes, type DeviceRouteOptions } from './routes/deviceRoutes.ts';
import { exportRoutes } from './routes/exportRoutes.ts';
import { mediaRoutes } from './routes/mediaRoutes.ts';
import { reportRoutes } from './routes/reportRoutes.ts';
import { spokenRoutes } from './routes/spokenRoutes.ts';
import { staffRoutes } from './routes/staffRoutes.ts';
import { tabletPinRoutes } from './routes/tabletPinRoutes.ts';
import { mediationReportRoutes } from './routes/mediationReportRoutes.ts';
import { paperRoutes } from './paper/paperRoutes.ts';
import { paperImportRoutes } from './paper/import/paperImportRoutes.ts';
import { visitReportRoutes } from './reports/visits/visitReportRoutes.ts';
import { authoringRoutes } from './authoring/authoringRoutes.ts';
import { xlsformRoutes } from './xlsform/xlsformRoutes.ts';
import { waveRoutes } from './waves/waveRoutes.ts';
import { invitationRoutes } from './invitations/invitationRoutes.ts';

export interface AppOptions {
  /** The built PWA (vite build output). */
  staticRoot: string;
  /** The database; without it only the PWA and the health check are served. */
  db?: Kysely<Database>;
  /** Overrides for the device API (limits, clock), mainly for tests. */
  device?: Omit<DeviceRouteOptions, 'db'>;
  /** Overrides for the staff API: its clock (sessions, lockout) and the sign-in rate per address. */
  staff?: { now?: () => Date; loginPerMinute?: number; tabletPinIterations?: number };
}

/**
 * The HTTP app: the API under /api/v1 and the built PWA. Tested with app.request(),
 * no port needed (STYLE.md, Hono).
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();

  app.get('/api/v1/healthz', (c) => c.json({ ok: true }));
  if (options.db) {
    const db = options.db;
    const staff = { db, ...options.staff };
    app.route('/api/v1', deviceRoutes({ db, ...options.device }));
    // Staff routes check the session per route (requireStaff), so these apps can sit side by side.
    app.route('/api/v1', authRoutes(staff));
    app.route('/api/v1', staffRoutes(staff));
    app.route('/api/v1', tabletPinRoutes(staff));
    app.route('/api/v1', reportRoutes(staff));
    app.route('/api/v1', commentRoutes(staff));
    app.route('/api/v1', mediationReportRoutes(staff));
    app.route('/api/v1', exportRoutes(staff));
    app.route('/api/v1', paperRoutes(staff));
    app.route('/api/v1', paperImportRoutes(staff));
    app.route('/api/v1', visitReportRoutes(staff));
    app.route('/api/v1', authoringRoutes(staff));
    app.route('/api/v1', xlsformRoutes(staff));
    app.route('/api/v1', waveRoutes(staff));
    // Invitations: a resident's own phone, with neither an account nor an enrolled tablet.
    app.route('/api/v1', invitationRoutes({ db, now: options.device?.now }));
    // Audio (docs/media-api.md): a device token or a staff session, each route says which.
    const audio = { db, now: options.staff?.now, deviceNow: options.device?.now, device: options.device };
    app.route('/api/v1', mediaRoutes(audio));
    app.route('/api/v1', spokenRoutes(audio));
  }
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `no API route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // An invitation's path holds its code: never written to a log.
    console.error(`${c.req.method} ${c.req.path.replace(/^(\/api\/v1\/invitations\/)[^/]+/, '$1…')} failed:`, error);
    return apiError(c, 500, 'server_error', 'the server could not complete this request; it was not saved, so send it again');
  });

  // The service worker and the shell must be revalidated on every visit, or a tablet
  // could keep an old version forever; hashed assets can be cached for a year.
  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    if (path === '/sw.js' || path === '/' || path.endsWith('.html') || path.endsWith('.webmanifest')) {
      c.header('Cache-Control', 'no-cache');
    } else if (path.startsWith('/assets/')) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });
  app.use('*', serveStatic({ root: options.staticRoot }));

  // Deep links (a preview link, a reload) get the app shell.
  app.get('*', async (c) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404);
    const html = await readFile(join(options.staticRoot, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  return app;
}
