/**
 * Starts a throwaway PostgreSQL cluster for tests: a fresh `initdb` in a temp directory,
 * listening on a random free port on 127.0.0.1 only (plus a unix socket in the same temp
 * directory), `trust` auth, durability switched off for speed. Nothing else on the machine
 * is touched and no running database service is needed.
 *
 * Binaries: `PG_BIN` (a directory holding initdb/pg_ctl) when set, else the highest version
 * under /usr/lib/postgresql/<version>/bin (Debian's layout), else initdb on PATH.
 *
 * As root (CI containers), initdb and pg_ctl refuse to run, so they run as the `postgres`
 * system user through `runuser`, on a temp directory chowned to that user.
 *
 * Cleanup: `stop()` does it; if the test process dies first, an 'exit'/SIGINT/SIGTERM handler
 * does it, and a small detached watchdog shell does it even after SIGKILL of the process.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';

export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/sayso_test` */
  url: string;
  /** Stops the server (immediate shutdown) and removes its temp directory. Safe to call twice. */
  stop: () => Promise<void>;
}

const DATABASE = 'sayso_test';
const READY_TIMEOUT_MS = 30_000;

/** The directory holding initdb/pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBinDir(): string | null {
  const override = process.env.PG_BIN;
  if (override) return existsSync(join(override, 'initdb')) ? override : null;

  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = join(debianRoot, version, 'bin');
      if (existsSync(join(bin, 'initdb'))) return bin;
    }
  }

  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

/** True when an initdb binary is found (see findPostgresBinDir). */
export function postgresAvailable(): boolean {
  return findPostgresBinDir() !== null;
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = findPostgresBinDir();
  if (!bin) throw new Error('PostgreSQL not found: install Debian\'s "postgresql" package or set PG_BIN to the directory holding initdb');

  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : null;

  const dir = mkdtempSync(join(tmpdir(), 'sayso-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');

  // Runs a PostgreSQL binary, as the postgres user when we are root.
  const command = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  const run = (program: string, args: string[]): SpawnSyncReturns<string> => {
    const [file, argv] = command(program, args);
    // cwd: the postgres user may not be allowed into the caller's working directory.
    return spawnSync(file, argv, { cwd: dir, encoding: 'utf8', env: cleanEnv() });
  };

  let stopped = false;
  let watchdog: number | undefined;

  // Synchronous so it also works from process 'exit'.
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (existsSync(join(dataDir, 'postmaster.pid'))) run('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10']);
    if (watchdog) {
      try {
        process.kill(-watchdog, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = () => stopSync();
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    // Our listener suppressed Node's default "die on signal"; restore it when nobody else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const fail = (what: string, result?: SpawnSyncReturns<string>): never => {
    const details = [result?.error?.message, result?.stdout, result?.stderr, existsSync(logFile) ? readFileSync(logFile, 'utf8') : '']
      .filter(Boolean)
      .join('\n')
      .trim();
    stopSync();
    throw new Error(`startPostgres: ${what}${details ? `\n${details.slice(-4000)}` : ''}`);
  };

  try {
    const init = run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    if (init.status !== 0) {
      const hint = asRoot && /permission denied/i.test(init.stderr ?? '') ? ` (running as the postgres user: it must be able to reach ${tmpdir()})` : '';
      fail(`initdb failed (exit ${init.status})${hint}`, init);
    }

    watchdog = startWatchdog(command('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10']), dir);

    // A free port can be taken between probing and binding: retry a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      appendFileSync(
        join(dataDir, 'postgresql.conf'),
        [
          '',
          '# startPostgres (test cluster)',
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          '',
        ].join('\n'),
      );
      rmSync(logFile, { force: true });
      const start = run('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '30', '-s']);
      if (start.status === 0) {
        await waitForConnections(port);
        const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${DATABASE}`);
        } finally {
          await admin.end();
        }
        const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
        return { url, stop: async () => stopSync() };
      }
      const portTaken = existsSync(logFile) && /could not bind|address already in use/i.test(readFileSync(logFile, 'utf8'));
      if (!portTaken || attempt >= 3) fail(`pg_ctl start failed (exit ${start.status})`, start);
    }
  } catch (error) {
    stopSync();
    throw error;
  }
}

/** uid/gid of the `postgres` system user (created by Debian's postgresql package). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    const value = Number(result.stdout.trim());
    if (result.status !== 0 || !Number.isInteger(value)) {
      throw new Error('startPostgres: running as root but there is no "postgres" system user to run initdb/pg_ctl as');
    }
    return value;
  };
  return { uid: id('-u'), gid: id('-g') };
}

/** The environment without PG* variables, so a developer's PGHOST/PGDATA/... cannot leak in. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

async function waitForConnections(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`startPostgres: server on 127.0.0.1:${port} did not accept connections: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * A detached shell that outlives a SIGKILLed test process: once this process is gone it
 * stops the cluster and removes its directory. stop() kills it on a normal shutdown.
 */
function startWatchdog([file, argv]: [string, string[]], dir: string): number | undefined {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `${[file, ...argv].map(quote).join(' ')} >/dev/null 2>&1`,
    `rm -rf ${quote(dir)}`,
  ].join('\n');
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore', cwd: dir, env: cleanEnv() });
  child.on('error', () => {});
  child.unref();
  return child.pid;
}
