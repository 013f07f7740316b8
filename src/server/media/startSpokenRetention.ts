import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { purgeSpokenAudio, type SpokenPurgeReport } from './purgeSpokenAudio.ts';

export const SPOKEN_PURGE_INTERVAL_MS = 60 * 60_000;

/**
 * Runs the spoken-comment retention now and then every hour. The timer is unref'd (it never
 * keeps the process alive) and `stop` ends it; a failed run is logged and tried again next hour.
 */
export function startSpokenRetention(
  db: Kysely<Database>,
  options: { intervalMs?: number; now?: () => Date; log?: (line: string) => void; onRun?: (report: SpokenPurgeReport) => void } = {},
): { first: Promise<void>; stop: () => void } {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console.log;
  let running: Promise<void> | undefined;
  const run = () => {
    // An hour is long, but a slow database must not stack runs.
    running ??= purgeSpokenAudio(db, now())
      .then((report) => {
        const sounds = report.organisations.reduce((sum, o) => sum + o.sounds, 0);
        if (sounds || report.orphans || report.replacedClips) log(`Audio retention: deleted the sound of ${sounds} spoken comments, ${report.orphans} of deleted responses, ${report.replacedClips} replaced prompt clips`);
        options.onRun?.(report);
      }, (error: unknown) => log(`Audio retention failed, retried in an hour: ${(error as Error).message}`))
      .finally(() => { running = undefined; });
    return running;
  };
  const first = run();
  const timer = setInterval(run, options.intervalMs ?? SPOKEN_PURGE_INTERVAL_MS);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
