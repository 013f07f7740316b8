import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** GET /api/v1/healthz, over HTTPS with the test's self-signed certificate accepted. */
function healthy(url: string): Promise<boolean> {
  const get = url.startsWith('https') ? httpsGet : httpGet;
  return new Promise((resolve) => {
    const request = get(`${url}/api/v1/healthz`, { rejectUnauthorized: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

export interface ServerProcess {
  url: string;
  output: () => string;
  /** The enrollment code the first start printed, if it printed one. */
  enrollmentCode: () => string | undefined;
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
}

/** The real server (`src/server/main.ts`, as `npm start` runs it after building) as a child process. */
export async function startServerProcess(options: { port: number; dbPath: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', SAYSO_DB: options.dbPath, SAYSO_STATIC: process.env.SAYSO_DIST ?? 'dist', DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `${options.env?.TLS_CERT ? 'https' : 'http'}://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${output}`);
    try {
      if (await healthy(url)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    enrollmentCode: () => /Enroll a tablet with code (\S+) /.exec(output)?.[1],
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
