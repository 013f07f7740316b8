import type { Server, ServerResponse } from 'node:http';

/**
 * Makes a server stoppable so a sync batch in flight still finishes: no new connections,
 * idle keep-alive connections closed at once, busy ones closed after their response (a
 * tablet filling its audio cache keeps one busy for minutes), whatever is still open after
 * `graceMs` cut. Call it when the server is made; `stop` resolves once it is closed.
 */
export function stopAcceptingGracefully(server: Server): { stop: (graceMs: number) => Promise<void> } {
  const unanswered = new Set<ServerResponse>();
  let stopping = false;
  const closeAfter = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  };
  server.prependListener('request', (_request, response) => {
    if (stopping) return closeAfter(response);
    unanswered.add(response);
    response.once('finish', () => unanswered.delete(response));
    response.once('close', () => unanswered.delete(response));
  });
  return {
    stop: (graceMs) =>
      new Promise((resolve) => {
        stopping = true;
        unanswered.forEach(closeAfter);
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), graceMs).unref();
      }),
  };
}
