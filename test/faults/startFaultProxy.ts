import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** What the proxy does to one POST /api/v1/sync. */
export type SyncFault = 'pass' | 'answer-500-after-commit' | 'answer-429' | 'drop-after-commit' | 'drop-before';

/**
 * An HTTP proxy in front of the server that injects faults into sync requests (a server
 * answering 500 or 429, a connection dropped before or after the server committed) and
 * can cut the network altogether. Every other request passes through.
 */
export async function startFaultProxy(port: number, target: () => string, chooseFault: () => SyncFault) {
  let down = false;
  const counts = new Map<SyncFault | 'refused-while-down', number>();
  const count = (kind: SyncFault | 'refused-while-down') => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming, outgoing) => {
    if (down) {
      count('refused-while-down');
      incoming.socket.destroy();
      return;
    }
    const isSync = incoming.method === 'POST' && incoming.url === '/api/v1/sync';
    const fault: SyncFault = isSync ? chooseFault() : 'pass';
    if (isSync) count(fault);
    if (fault === 'drop-before') return void incoming.socket.destroy();
    if (fault === 'answer-429') return void outgoing.writeHead(429, { 'content-type': 'application/json' }).end('{"error":{"code":"too_many_requests","message":"injected"}}');
    const forward = request(new URL(incoming.url ?? '/', target()), { method: incoming.method, headers: incoming.headers }, (answer) => {
      if (fault === 'drop-after-commit') {
        answer.resume();
        return void outgoing.socket?.destroy();
      }
      if (fault === 'answer-500-after-commit') {
        answer.resume();
        return void outgoing.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"code":"server_error","message":"injected"}}');
      }
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => (outgoing.headersSent ? outgoing.destroy() : outgoing.writeHead(502).end()));
    incoming.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    /** Cuts the network: open connections drop, new ones are refused. */
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
