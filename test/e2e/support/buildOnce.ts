import { execFileSync } from 'node:child_process';

/** Builds the PWA once for the whole e2e run (SAYSO_SKIP_BUILD=1 reuses dist/). */
export default function buildOnce(): void {
  if (process.env.SAYSO_SKIP_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
