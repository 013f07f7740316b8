import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AppOptions {
  /** The built PWA (vite build output). */
  staticRoot: string;
}

/**
 * The HTTP app: the API under /api/v1 and the built PWA. Tested with app.request(),
 * no port needed (STYLE.md, Hono).
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();

  app.get('/api/v1/healthz', (c) => c.json({ ok: true }));
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `no API route ${c.req.method} ${c.req.path}` } }, 404));

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
