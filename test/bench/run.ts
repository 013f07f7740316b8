/**
 * `npm run bench [-- --runs N] [-- --no-build] [-- --audio-only]`: measures Sayso on the peers' 50-question
 * reception survey (see README.md). Prints figures against the budgets; never fails on a
 * figure, only when the bench itself cannot run.
 */
import { serve, type ServerType } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page, Response } from 'playwright-core';
import { createApp } from '../../src/server/createApp.ts';
import { describeProblems, parseSurvey } from '../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { visibleQuestions } from '../../src/survey/visibleQuestions.ts';
import type { PlacedQuestion } from '../../src/survey/walkItems.ts';
import { launchChromium } from '../e2e/support/launchChromium.ts';
import { convertReception50, RECEPTION_50_ID, type Reception50Source } from './convertReception50.ts';
import { measurePromptStart, printAudioBytes } from './audio/measureAudio.ts';
import { measureScreenKeying, printKeystrokes } from './paper/measurePaperKeying.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// SAYSO_DIST builds and measures elsewhere (parallel work), as vite.config.ts does.
const DIST = resolve(process.env.SAYSO_DIST ?? join(ROOT, 'dist'));
const SOURCE = join(ROOT, 'test/bench/reception-50.source.json');

const CPU_THROTTLE = 4;
const VIEWPORT = { width: 1024, height: 768 };
const BUDGET_FIRST_SCREEN_GZIP = 80 * 1024;
const BUDGET_WARM_MEDIAN_MS = 1000;
const KB = 1024;
/** Peers measured on the same survey (/work/shared/bench), for context only. */
const PEERS = [
  { name: 'plain HTML', ms: 400, gzip: '3.5 KB' },
  { name: 'Enketo', ms: 1100, gzip: '281 KB' },
  { name: 'SurveyJS', ms: 1300, gzip: '409 KB' },
  { name: 'ODK Web Forms', ms: 3000, gzip: '1.3 MB' },
];

// ---------------------------------------------------------------- options

function parseOptions(argv: string[]): { runs: number; build: boolean; audioOnly: boolean } {
  let runs = 7;
  let build = true;
  let audioOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-build') build = false;
    else if (arg === '--audio-only') audioOnly = true;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const raw = arg.includes('=') ? arg.slice('--runs='.length) : argv[++i];
      runs = Number(raw);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number of at least 1, got "${raw ?? ''}"`);
    } else throw new Error(`unknown option "${arg}" (options: --runs N, --no-build, --audio-only)`);
  }
  return { runs, build, audioOnly };
}

// ---------------------------------------------------------------- formatting

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

function heading(title: string) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(3, 76 - title.length))}`);
}

function stats(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

// ---------------------------------------------------------------- files

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** The dist file a URL path is served from (the server answers "/" and deep links with index.html). */
function distFileFor(pathname: string): string | undefined {
  const relative = pathname === '/' || pathname === '' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = join(DIST, relative);
  if (file.startsWith(DIST) && existsSync(file) && statSync(file).isFile()) return file;
  return undefined;
}

// ---------------------------------------------------------------- the page side

/**
 * Records performance.now() (navigation start = 0) when the first [data-answer-control]
 * is visible and enabled. A string, not a function: tsx adds helpers to functions that
 * do not exist in the page.
 */
const FIRST_ANSWER_CONTROL_PROBE = `(() => {
  if (window.top !== window) return;
  window.__saysoFirstAnswerControl = undefined;
  let scheduled = false;
  const usable = (el) => {
    if (el.disabled || el.getAttribute('aria-disabled') === 'true') return false;
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true;
  };
  const observer = new MutationObserver(() => schedule());
  const check = () => {
    scheduled = false;
    if (window.__saysoFirstAnswerControl !== undefined) return;
    const controls = document.querySelectorAll('[data-answer-control]');
    for (const el of controls) {
      if (usable(el)) {
        window.__saysoFirstAnswerControl = performance.now();
        observer.disconnect();
        return;
      }
    }
    // Present but not yet usable (styles, layout): look again next frame.
    if (controls.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  };
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled', 'class', 'style', 'hidden'] });
})();`;

async function firstAnswerControlAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction('window.__saysoFirstAnswerControl', undefined, { timeout: 60_000, polling: 250 });
  const value = (await handle.jsonValue()) as unknown;
  if (typeof value !== 'number') throw new Error(`probe returned ${String(value)}`);
  return value;
}

async function throttledPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.addInitScript(FIRST_ANSWER_CONTROL_PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  return { page, cdp };
}

// ---------------------------------------------------------------- a. size

async function measureFirstScreenSize(browser: Browser, origin: string) {
  heading('a. Respondent path size: everything the first screen (/) loads');
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);

    interface Row { kind: 'document' | 'script' | 'stylesheet'; path: string; file: string | undefined; raw: number; gzip: number; status: number }
    const rows: Row[] = [];
    const others: Array<{ path: string; type: string; status: number; raw: number; gzip: number }> = [];
    const seen = new Set<string>();
    for (const response of responses) {
      const request = response.request();
      const url = new URL(response.url());
      if (url.origin !== origin) continue;
      const type = request.resourceType();
      const kind = type === 'document' ? 'document'
        : type === 'script' || url.pathname.endsWith('.js') ? 'script'
        : type === 'stylesheet' || url.pathname.endsWith('.css') ? 'stylesheet'
        : undefined;
      const key = `${kind ?? type} ${url.pathname}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!kind) {
        const file = response.ok() ? distFileFor(url.pathname) : undefined;
        const bytes = file ? readFileSync(file) : Buffer.alloc(0);
        others.push({ path: url.pathname + url.search, type, status: response.status(), raw: bytes.length, gzip: file ? gzipSize(bytes) : 0 });
        continue;
      }
      const file = response.ok() ? distFileFor(url.pathname) : undefined;
      let bytes: Buffer;
      if (file) bytes = readFileSync(file);
      else {
        try {
          bytes = await response.body();
        } catch {
          bytes = Buffer.alloc(0);
        }
      }
      rows.push({ kind, path: url.pathname + url.search, file, raw: bytes.length, gzip: gzipSize(bytes), status: response.status() });
    }

    console.log(`Loaded by ${origin}/ (fresh context, until network idle); gzip = gzip -9 of the dist file:`);
    console.log(`  ${pad('type', 11)}${padLeft('raw', 11)}${padLeft('gzip', 11)}  path`);
    const order = { document: 0, stylesheet: 1, script: 2 } as const;
    for (const row of [...rows].sort((a, b) => order[a.kind] - order[b.kind] || a.path.localeCompare(b.path))) {
      const note = row.status >= 400 ? `  (HTTP ${row.status})` : row.file ? '' : '  (not in dist; body of the response)';
      console.log(`  ${pad(row.kind, 11)}${padLeft(kb(row.raw), 11)}${padLeft(kb(row.gzip), 11)}  ${row.path}${note}`);
    }
    const sum = (kind: Row['kind'], field: 'raw' | 'gzip') => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r[field], 0);
    const js = { raw: sum('script', 'raw'), gzip: sum('script', 'gzip') };
    const css = { raw: sum('stylesheet', 'raw'), gzip: sum('stylesheet', 'gzip') };
    const html = { raw: sum('document', 'raw'), gzip: sum('document', 'gzip') };
    const all = js.gzip + css.gzip + html.gzip;
    const total = (label: string, raw: number, gzip: number, note = '') => console.log(`  ${pad(label, 11)}${padLeft(kb(raw), 11)}${padLeft(kb(gzip), 11)}${note}`);
    total('JS total', js.raw, js.gzip, `  (${rows.filter((r) => r.kind === 'script').length} files)`);
    total('CSS total', css.raw, css.gzip);
    total('JS+CSS', js.raw + css.raw, js.gzip + css.gzip);
    total('+HTML', js.raw + css.raw + html.raw, all);
    const verdict = all <= BUDGET_FIRST_SCREEN_GZIP
      ? `WITHIN budget: ${kb(all)} is ${Math.round((all / BUDGET_FIRST_SCREEN_GZIP) * 100)}% of it, ${kb(BUDGET_FIRST_SCREEN_GZIP - all)} to spare`
      : `OVER budget by ${kb(all - BUDGET_FIRST_SCREEN_GZIP)} (${kb(all)})`;
    console.log(`Budget "80 KB gzip for everything a respondent's first screen loads" (JS+CSS+HTML, 1 KB = 1024 B): ${verdict}`);

    if (others.length) {
      console.log('Also requested by the first screen (data, icons, images; not in the totals above):');
      for (const other of others) {
        const size = other.status < 400 ? `${padLeft(kb(other.raw), 11)}${padLeft(kb(other.gzip), 11)}` : `${padLeft(`HTTP ${other.status}`, 22)}`;
        console.log(`  ${pad(other.type, 11)}${size}  ${other.path}`);
      }
      const extra = others.reduce((n, o) => n + o.gzip, 0);
      console.log(`  with these, the first screen moves ${kb(all + extra)} gzip in all`);
    }

    const loaded = new Set(rows.map((r) => r.path.split('?')[0]!));
    const assetsDir = join(DIST, 'assets');
    const assets = existsSync(assetsDir) ? readdirSync(assetsDir).filter((name) => statSync(join(assetsDir, name)).isFile()).sort() : [];
    const lazy = assets.filter((name) => !loaded.has(`/assets/${name}`));
    console.log(`Lazy chunks: files in dist/assets the first screen did NOT load (${lazy.length}):`);
    if (!lazy.length) console.log('  (none)');
    for (const name of lazy) {
      const bytes = readFileSync(join(assetsDir, name));
      console.log(`  ${padLeft(kb(bytes.length), 11)}${padLeft(kb(gzipSize(bytes)), 11)}  /assets/${name}`);
    }
    const staff = [...loaded].filter((path) => /staff/i.test(path.split('/').pop() ?? ''));
    console.log(staff.length
      ? `FLAG: the first screen loaded staff code: ${staff.join(', ')}`
      : 'Staff chunks loaded by the first screen: none (good)');
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- b. time to first answer control

/** Responses that make up the first question (images are counted apart: pictograms may be missing). */
const isShellResponse = (response: Response) => ['document', 'script', 'stylesheet', 'fetch', 'xhr'].includes(response.request().resourceType());

async function measureTimeToFirstAnswerControl(browser: Browser, origin: string, runs: number) {
  heading(`b. Time to first answer control (CPU ${CPU_THROTTLE}x slower, ${VIEWPORT.width}x${VIEWPORT.height})`);
  const url = `${origin}/?preview=${RECEPTION_50_ID}&lang=en`;
  console.log(`URL ${url}; time = performance.now() when the first visible, enabled [data-answer-control] is found (navigation start = 0).`);

  const cold: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const { page } = await throttledPage(context);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      cold.push(await firstAnswerControlAt(page));
    } finally {
      await context.close();
    }
  }

  const warm: number[] = [];
  let shellTotal = 0;
  let shellFromWorker = 0;
  const notFromWorker = new Set<string>();
  let images = 0;
  let imagesFromWorker = 0;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page } = await throttledPage(context);
    await page.goto(url, { waitUntil: 'load' });
    await firstAnswerControlAt(page);
    const controlled = 'navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"';
    try {
      await page.waitForFunction(controlled, undefined, { timeout: 30_000, polling: 250 });
    } catch {
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(controlled, undefined, { timeout: 30_000, polling: 250 });
    }
    // One more visit under the worker, so the survey (not precached: written after the
    // build) is in its stale-while-revalidate cache, as on a tablet that saw it before.
    await page.goto(url, { waitUntil: 'load' });
    await firstAnswerControlAt(page);

    let measuring = false;
    page.on('response', (response) => {
      if (!measuring || new URL(response.url()).origin !== origin) return;
      const fromWorker = response.fromServiceWorker();
      if (response.request().resourceType() === 'image') {
        images++;
        if (fromWorker) imagesFromWorker++;
      } else if (isShellResponse(response)) {
        shellTotal++;
        if (fromWorker) shellFromWorker++;
        else notFromWorker.add(`${response.request().resourceType()} ${new URL(response.url()).pathname}`);
      }
    });
    for (let run = 0; run < runs; run++) {
      measuring = true;
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      warm.push(await firstAnswerControlAt(page));
      await page.waitForLoadState('load');
      measuring = false;
    }
  } finally {
    await context.close();
  }

  const line = (label: string, values: number[]) => {
    const s = stats(values);
    console.log(`  ${pad(label, 34)} median ${padLeft(ms(s.median), 8)}   min ${padLeft(ms(s.min), 8)}   max ${padLeft(ms(s.max), 8)}   (${values.map((v) => Math.round(v)).join(', ')})`);
  };
  line(`cold, fresh context x${runs}:`, cold);
  line(`warm, from the service worker x${runs}:`, warm);
  console.log(`  responses from the service worker during the warm runs: ${shellFromWorker} of ${shellTotal} (document, scripts, styles, fetches)`);
  if (notFromWorker.size) console.log(`    not from the worker: ${[...notFromWorker].join(', ')}`);
  console.log(`    images: ${imagesFromWorker} of ${images} from the worker (pictograms not in the build go to the network)`);
  const warmMedian = stats(warm).median;
  console.log(`Budget "1 s median from the service worker": ${warmMedian <= BUDGET_WARM_MEDIAN_MS ? 'WITHIN' : 'OVER'} (${ms(warmMedian)})`);
  console.log('Peers on the same survey, for context: ' + PEERS.map((p) => `${p.name} ~${(p.ms / 1000).toFixed(1)} s (${p.gzip} gzip)`).join(', '));
}

// ---------------------------------------------------------------- c. answering all 50

type Locale = Record<string, unknown>;

function localeText(locale: Locale, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), locale);
  if (typeof value !== 'string') throw new Error(`dist/locales/en/kiosk.json has no text for "${key}"`);
  return value;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function taskDurationMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = metrics.find((m) => m.name === 'TaskDuration');
  if (!metric) throw new Error('Performance.getMetrics has no TaskDuration');
  return metric.value * 1000;
}

async function measureAnsweringAll(browser: Browser, origin: string, survey: SurveyDefinition, source: Reception50Source) {
  heading(`c. Main-thread time to answer all 50 (CPU ${CPU_THROTTLE}x slower, preview link)`);
  const locale = JSON.parse(readFileSync(join(DIST, 'locales/en/kiosk.json'), 'utf8')) as Locale;
  const scripted = source.scriptedAnswers;
  const satisfiedAnswer = scripted.satisfied === 'yes';
  if (!['yes', 'no'].includes(scripted.satisfied)) throw new Error(`scripted "satisfied" answer "${scripted.satisfied}" is not yes or no`);
  const answersSoFar = Object.fromEntries(source.topics.map((topic) => [`${topic.id}.satisfied`, satisfiedAnswer]));
  const sequence: PlacedQuestion[] = visibleQuestions(survey, answersSoFar);
  const forward = new RegExp(`^(${['nav.next', 'nav.skip', 'nav.finish'].map((k) => escapeRegExp(localeText(locale, k))).join('|')})$`);

  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page, cdp } = await throttledPage(context);
    await cdp.send('Performance.enable');
    const beforeLoad = await taskDurationMs(cdp);
    const loadStart = performance.now();
    await page.goto(`${origin}/?preview=${RECEPTION_50_ID}&lang=en`, { waitUntil: 'domcontentloaded' });
    await firstAnswerControlAt(page);
    const loadWall = performance.now() - loadStart;
    const beforeAnswering = await taskDurationMs(cdp);
    const start = performance.now();

    let shown = 0;
    let answered = 0;
    let lastProgress = '';
    for (const { question } of sequence) {
      const text = question.text.en;
      if (!text) throw new Error(`question ${question.id} has no English text`);
      await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 30_000 });
      shown++;
      const radio = (name: string) => page.getByRole('radio', { name, exact: true }).click();
      switch (question.kind) {
        case 'yesno':
          await radio(localeText(locale, satisfiedAnswer ? 'answer.yes' : 'answer.no'));
          answered++;
          break;
        case 'rating': {
          const value = Number(scripted.rating);
          const [min, max] = question.scale.split('-').map(Number) as [number, number];
          const edge = value === min ? question.minLabel?.en : value === max ? question.maxLabel?.en : undefined;
          await radio(edge ? `${value}: ${edge}` : String(value));
          answered++;
          break;
        }
        case 'multi':
          for (const index of scripted.reasons) {
            const label = question.choices[index]?.label.en;
            if (!label) throw new Error(`${question.id} has no choice ${index}`);
            await page.getByRole('checkbox', { name: label, exact: true }).click();
          }
          answered++;
          break;
        case 'faces':
          await radio(localeText(locale, `faces.${question.faces}.${scripted.smiley}`));
          answered++;
          break;
        case 'text':
          break; // comments are left empty, as the peers' script does
        default:
          throw new Error(`no scripted answer for ${question.id} (${question.kind})`);
      }
      if (shown === sequence.length) lastProgress = (await page.locator('.question-progress').textContent()) ?? '';
      await page.getByRole('button', { name: forward }).click();
    }
    // Figures up to the last click, in case the thank-you screen never comes.
    let wall = performance.now() - start;
    let afterAnswering = await taskDurationMs(cdp);
    const thanksTitle = localeText(locale, 'thanks.title');
    let stuck: string | undefined;
    try {
      await page.getByRole('heading', { level: 1, name: thanksTitle, exact: true }).waitFor({ timeout: 15_000 });
      wall = performance.now() - start;
      afterAnswering = await taskDurationMs(cdp);
    } catch (error) {
      // A forward button still there and disabled is the app's failure, not the bench's.
      const button = page.getByRole('button', { name: forward });
      if ((await button.count()) !== 1 || !(await button.isDisabled())) throw error;
      stuck = `after "${(await button.textContent())?.trim()}" on question ${shown} the app stayed on "${await page.locator('h1').first().textContent()}" with that button disabled`;
    }

    console.log(`  questions shown: ${shown} of ${sequence.length} expected (${answered} answered, ${shown - answered} comments left empty); last question said "${lastProgress}"`);
    console.log(`  main-thread busy (CDP TaskDuration delta, throttled ms), answering:   ${padLeft(ms(afterAnswering - beforeAnswering), 8)}   (${ms((afterAnswering - beforeAnswering) / Math.max(1, shown))} per question)`);
    console.log(`  main-thread busy, loading to the first answer control:               ${padLeft(ms(beforeAnswering - beforeLoad), 8)}`);
    console.log(`  wall time, first click to ${stuck ? 'the last click' : `"${thanksTitle}"`}: ${ms(wall)} (load before it: ${ms(loadWall)}; includes the driver's waits)`);
    if (stuck) {
      const shot = join(tmpdir(), 'sayso-bench-answering-stuck.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`  INCOMPLETE: the "${thanksTitle}" screen never came: ${stuck}.`);
      console.log(`    The figures above stop at the last click. Screenshot: ${shot}`);
    }
  } catch (error) {
    const shot = join(tmpdir(), 'sayso-bench-answering-failure.png');
    await context.pages()[0]?.screenshot({ path: shot }).then(() => console.error(`(screen at the failure: ${shot})`), () => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- main

async function listen(staticRoot: string): Promise<{ server: ServerType; origin: string }> {
  return await new Promise((resolveListen, reject) => {
    const server = serve({ fetch: createApp({ staticRoot }).fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolveListen({ server, origin: `http://127.0.0.1:${info.port}` });
    });
    server.once('error', reject);
  });
}

async function closeServer(server: ServerType): Promise<void> {
  await new Promise<void>((done) => {
    server.close(() => done());
    const http = server as { closeAllConnections?: () => void };
    http.closeAllConnections?.();
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));

  if (options.build) {
    console.log('Building: npx vite build');
    // NODE_ENV=production: under NODE_ENV=test or development, Vite resolves Solid's dev build.
    const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (built.status !== 0) throw new Error(`vite build failed (${built.error?.message ?? `exit ${built.status}`})`);
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run without --no-build');

  const source = JSON.parse(readFileSync(SOURCE, 'utf8')) as Reception50Source;
  const parsed = parseSurvey(convertReception50(source));
  if (!parsed.ok) throw new Error(`the converted reception-50 survey is refused:\n${describeProblems(parsed.problems)}`);
  const builtAt = statSync(join(DIST, 'index.html')).mtimeMs;
  mkdirSync(join(DIST, 'surveys'), { recursive: true });
  writeFileSync(join(DIST, 'surveys', `${RECEPTION_50_ID}.json`), `${JSON.stringify(convertReception50(source), null, 2)}\n`);

  let server: ServerType | undefined;
  let browser: Browser | undefined;
  try {
    const listening = await listen(DIST);
    server = listening.server;
    browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
    heading('Sayso bench: reception-50');
    console.log(`Chromium ${browser.version()}, server ${listening.origin}, runs ${options.runs}, ${options.build ? 'fresh build' : 'existing dist (--no-build)'}`);

    if (!options.audioOnly) {
      await measureFirstScreenSize(browser, listening.origin);
      await measureTimeToFirstAnswerControl(browser, listening.origin, options.runs);
      await measureAnsweringAll(browser, listening.origin, parsed.survey, source);
      heading('f. Paper forms: keystrokes per 50-item form, and the time to key one');
      printKeystrokes(parsed.survey, source.scriptedAnswers);
      await measureScreenKeying(browser, DIST, parsed.survey);
    }
    printAudioBytes(ROOT);
    await measurePromptStart(browser, DIST, parsed.survey, ROOT, CPU_THROTTLE);
    if (statSync(join(DIST, 'index.html')).mtimeMs !== builtAt) {
      console.log('\nWARNING: dist/ was rebuilt by something else while the bench ran; the figures may mix two builds.');
    }
    console.log('');
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await closeServer(server);
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nThe bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
