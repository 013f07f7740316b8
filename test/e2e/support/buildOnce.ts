import { execFileSync } from 'node:child_process';

/** Builds the PWA once for the whole e2e run (SAYSO_SKIP_BUILD=1 reuses dist/; SAYSO_DIST builds elsewhere). */
export default function buildOnce(): void {
  if (process.env.SAYSO_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle Solid's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
