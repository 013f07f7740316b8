import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './createApp.ts';

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const staticRoot = resolve(process.env.SAYSO_STATIC ?? 'dist');

if (!existsSync(resolve(staticRoot, 'index.html'))) {
  console.error(`No built app in ${staticRoot}: run "npm run build" first (npm start does it for you).`);
  process.exit(1);
}

const server = serve({ fetch: createApp({ staticRoot }).fetch, port, hostname }, (info) => {
  console.log(`Sayso is running at http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`);
  console.log(`  kiosk:   http://${hostname}:${info.port}/`);
  console.log(`  preview: http://${hostname}:${info.port}/?preview=resident-satisfaction&lang=en`);
});

const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
