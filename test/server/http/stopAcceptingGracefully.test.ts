import { createServer, Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { stopAcceptingGracefully } from '../../../src/server/http/stopAcceptingGracefully.ts';

const agents: Agent[] = [];
const stoppers = new Map<Server, ReturnType<typeof stopAcceptingGracefully>>();
afterEach(() => agents.splice(0).forEach((agent) => agent.destroy()));

function get(server: Server, agent: Agent, path: string): Promise<{ status: number; body: string; connection: string | undefined }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    request({ port, path, agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
    }).on('error', reject).end();
  });
}

async function listening(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  stoppers.set(server, stopAcceptingGracefully(server));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('stopAcceptingGracefully', () => {
  it('lets a request in flight finish, then closes', async () => {
    const server = await listening((_request, response) => setTimeout(() => response.end('done'), 300));
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);
    const inFlight = get(server, agent, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = stoppers.get(server)!.stop(10_000);
    expect(await inFlight).toMatchObject({ status: 200, body: 'done', connection: 'close' });
    await stopped;
    expect(server.listening).toBe(false);
  });

  it('closes long before its grace time when a keep-alive client keeps asking', async () => {
    const server = await listening((_request, response) => setTimeout(() => response.end('clip'), 20));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    let asking = true;
    const answers: number[] = [];
    const client = (async () => {
      while (asking) {
        try {
          answers.push((await get(server, agent, '/audio/clip')).status);
        } catch {
          break; // refused once the server is closed
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await stoppers.get(server)!.stop(10_000);
    const took = Date.now() - started;
    asking = false;
    await client;
    expect(took).toBeLessThan(5_000);
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.every((status) => status === 200)).toBe(true);
  });

  it('cuts a connection still busy when the grace time is over', async () => {
    const server = await listening(() => undefined); // never answers
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);
    const hanging = get(server, agent, '/hang').catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stoppers.get(server)!.stop(300);
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
  });
});
