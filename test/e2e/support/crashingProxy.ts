import { createServer, request, type Server } from 'node:http';
import { pipeline } from 'node:stream';

/**
 * An HTTP proxy in front of the server. When armed, the next POST /api/v1/sync is
 * forwarded, and once the server has answered (and so committed) the proxy calls
 * `onSyncAnswered` (which kills the server) and drops the answer: the tablet never
 * hears that its batch arrived, exactly as when a server dies mid-sync.
 */
export function startCrashingProxy(port: number, target: () => string): Promise<{ arm: (onSyncAnswered: () => Promise<void>) => void; syncRequests: () => number; close: () => Promise<void> }> {
  let armed: (() => Promise<void>) | undefined;
  let syncRequests = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const isSync = incoming.method === 'POST' && incoming.url === '/api/v1/sync';
    if (isSync) syncRequests += 1;
    const upstream = new URL(incoming.url ?? '/', target());
    const forward = request(upstream, { method: incoming.method, headers: incoming.headers }, async (answer) => {
      const trigger = isSync ? armed : undefined;
      if (trigger) {
        armed = undefined;
        answer.resume();
        await trigger();
        outgoing.destroy();
        return;
      }
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      // A server killed mid-answer must cut the browser's connection too, as it would without a
      // proxy: pipe() would leave it open, and six such (audio clips) block every later request.
      pipeline(answer, outgoing, () => undefined);
    });
    forward.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    incoming.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        arm: (onSyncAnswered) => (armed = onSyncAnswered),
        syncRequests: () => syncRequests,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      }),
    ),
  );
}
