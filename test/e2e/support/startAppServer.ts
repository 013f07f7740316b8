import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from '../../../src/server/createApp.ts';

export interface RunningServer {
  url: string;
  port: number;
  /** Paths requested so far, in order. */
  requests: string[];
  stop: () => Promise<void>;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, requests: string[]): Promise<RunningServer> {
  return new Promise((done, fail) => {
    const server: ServerType = serve(
      {
        fetch: (request: Request) => {
          requests.push(new URL(request.url).pathname);
          return fetch(request);
        },
        port,
        hostname: '127.0.0.1',
      },
      (info: AddressInfo) =>
        done({
          url: `http://127.0.0.1:${info.port}`,
          port: info.port,
          requests,
          stop: () =>
            new Promise<void>((stopped) => {
              (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
              server.close(() => stopped());
            }),
        }),
    );
    server.once('error', fail);
  });
}

/** The real app (built dist/) on a free loopback port. */
export function startAppServer(options: { port?: number; staticRoot?: string } = {}): Promise<RunningServer> {
  const app = createApp({ staticRoot: options.staticRoot ?? resolve(process.env.SAYSO_DIST ?? 'dist') });
  const port = options.port ?? 0;
  return listen(app.fetch, port, []);
}

/**
 * Stands where the server was once it is "gone": answers 503 to anything and records it,
 * so a test proves the offline app asked the network for nothing.
 */
export function startTripwire(port: number): Promise<RunningServer> {
  return listen(() => new Response('offline', { status: 503 }), port, []);
}
