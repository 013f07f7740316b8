import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSheetCode, type SheetCode } from '../../src/survey/paper/paperQr.ts';
import { formatSerial } from '../../src/survey/paper/paperSerial.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount } from './support/seedAssistedResponses.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const SURVEY = 'resident-satisfaction';

/** The PDF's pages as text, read with pdf.js in Node (its legacy build needs no DOM). */
async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  // pdf.js 5+ uses Promise.withResolvers (Node 22); the project supports Node 20.19.
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const created = new Promise((yes, no) => ((resolve = yes), (reject = no)));
    return { promise: created, resolve, reject };
  };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const document = await task.promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return texts;
}

/**
 * Whether a page's text holds a phrase. Chromium writes Arabic as shaped glyphs in visual
 * order (pdf.js gives them back so): compare the letters (NFKC) either way round, with
 * numbers read left to right as they print.
 */
function readsAs(pageText: string, phrase: string): boolean {
  const letters = (text: string) => text.normalize('NFKC').replace(/\s/g, '');
  const visual = (text: string) => text.split(/(\d+)/).reverse().map((part) => (/^\d+$/.test(part) ? part : [...part].reverse().join(''))).join('');
  const page = letters(pageText);
  return page.includes(letters(phrase)) || page.includes(visual(letters(phrase)));
}

/**
 * A tiny server for the QR reader page: pdf.js's browser build and jsQR, so the PDF's pages
 * are drawn on a canvas in Chromium and their QR codes decoded there, as a scanner would.
 */
function startReaderServer(): Promise<{ url: string; server: Server }> {
  const files: Record<string, { path: string; type: string }> = {
    '/pdf.mjs': { path: 'node_modules/pdfjs-dist/build/pdf.mjs', type: 'text/javascript' },
    '/pdf.worker.mjs': { path: 'node_modules/pdfjs-dist/build/pdf.worker.mjs', type: 'text/javascript' },
    '/jsQR.js': { path: 'node_modules/jsqr/dist/jsQR.js', type: 'text/javascript' },
  };
  const page = `<!doctype html><meta charset="utf-8"><title>QR reader</title><script src="/jsQR.js"></script>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
window.readQrCodes = async (base64, pages) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const pdf = await pdfjs.getDocument({ data: bytes }).promise;
  const found = [];
  for (const n of pages) {
    const pdfPage = await pdf.getPage(n);
    const viewport = pdfPage.getViewport({ scale: 3 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    await pdfPage.render({ canvasContext: context, canvas, viewport }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    found.push(window.jsQR(image.data, image.width, image.height)?.data ?? null);
  }
  return found;
};
window.readerReady = true;
</script>`;
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (file) {
      response.writeHead(200, { 'Content-Type': file.type });
      response.end(readFileSync(file.path));
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

interface PrintedBatch {
  serials: string[];
  pagesPerSheet: number;
  dir: string[];
  lang: string[];
}

describe('paper forms printed from the staff screens, checked in the PDF Chromium makes of them', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let inspector: { email: string; password: string };
  let reader: { url: string; server: Server };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const batchRows = () => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('select facility_id, survey_id, survey_version, language, first_serial, count from paper_batches order by first_serial').all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };

  async function qrCodes(pdf: Uint8Array, pages: number[]): Promise<Array<SheetCode | null>> {
    const readerPage = await context.newPage();
    try {
      await readerPage.goto(reader.url);
      await readerPage.waitForFunction(() => (window as unknown as { readerReady?: boolean }).readerReady === true);
      const texts = await readerPage.evaluate(
        ([base64, numbers]) => (window as unknown as { readQrCodes: (b: string, p: number[]) => Promise<Array<string | null>> }).readQrCodes(base64, numbers),
        [Buffer.from(pdf).toString('base64'), pages] as const,
      );
      return texts.map((text) => (text === null ? null : decodeSheetCode(text)));
    } finally {
      await readerPage.close();
    }
  }

  const version = () => seeded.surveys.find((s) => s.id === SURVEY)!.version;
  const printCount = () => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);

  /** What the page laid out for the last print: the sheets' serials, pages per sheet, direction and language. */
  async function printedBatch(): Promise<PrintedBatch> {
    return page.evaluate(() => {
      const sheets = [...document.querySelectorAll<HTMLElement>('.pp-batch > .pp-sheet')];
      const pages = new Set(sheets.map((s) => s.querySelectorAll('.pp-page').length));
      if (pages.size !== 1) throw new Error(`sheets of one batch with different page counts: ${[...pages].join(', ')}`);
      return { serials: sheets.map((s) => s.dataset.serial ?? ''), pagesPerSheet: [...pages][0]!, dir: sheets.map((s) => s.dir), lang: sheets.map((s) => s.lang) };
    });
  }

  async function printBatch(language: string, count: number): Promise<PrintedBatch> {
    const before = await printCount();
    await page.getByLabel(r('paperPrint.survey'), { exact: true }).selectOption(SURVEY);
    await page.getByLabel(r('paperPrint.language'), { exact: true }).selectOption(language);
    await page.getByLabel(r('paperPrint.count'), { exact: true }).fill(String(count));
    await page.getByRole('button', { name: r('paperPrint.print') }).click();
    await page.waitForFunction((n) => (window as unknown as { printCalls: number }).printCalls > n, before);
    return printedBatch();
  }

  /** Every page of the PDF carries its sheet's serial and "page x of y"; every first page a QR code naming the sheet. */
  async function checkPdf(batch: PrintedBatch, language: string) {
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const texts = await pdfPageTexts(pdf);
    expect(texts.length).toBe(batch.serials.length * batch.pagesPerSheet);
    const pageOf = loadLocale(language, 'kiosk');
    texts.forEach((text, i) => {
      const sheet = Math.floor(i / batch.pagesPerSheet);
      const compact = text.replace(/\s+/g, ' ');
      expect(compact, `page ${i + 1}`).toContain(batch.serials[sheet]!);
      // The other sheets' serials are not on this page.
      for (const [other, serial] of batch.serials.entries()) if (other !== sheet) expect(compact).not.toContain(serial);
      expect(readsAs(text, pageOf('paperForm.pageOf', { page: (i % batch.pagesPerSheet) + 1, pages: batch.pagesPerSheet })), `page ${i + 1}: ${compact.slice(0, 80)}`).toBe(true);
    });
    const firstPages = batch.serials.map((_, sheet) => sheet * batch.pagesPerSheet + 1);
    return { texts, codes: await qrCodes(pdf, firstPages) };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-paper-print-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    inspector = await addStaffAccount(dbPath, {
      organisationId: seeded.organisationId,
      email: 'inspector.arendonk@example.org',
      password: 'inspector password long enough',
      role: 'inspector',
      facilityIds: [seeded.facilityA.id],
    });
    server = await startServerProcess({ port: await freePort(), dbPath });
    reader = await startReaderServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The print dialog would block a headless page: count the calls instead.
    await context.addInitScript(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => void (w.printCalls += 1);
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    await new Promise((resolve) => reader?.server.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs an inspector in and shows the print screen with a preview of the first sheet, without serious axe findings', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel(r('signIn.email')).fill(inspector.email);
    await page.getByLabel(r('signIn.password')).fill(inspector.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('paperPrint.nav') }).click();
    await page.getByRole('heading', { level: 1, name: r('paperPrint.title') }).waitFor();
    const preview = page.getByRole('region', { name: r('paperPrint.previewRegion') });
    await preview.locator('.pp-sheet').first().waitFor();
    expect(await page.getByLabel(r('paperPrint.facility'), { exact: true }).locator('option').allTextContents()).toEqual([seeded.facilityA.name]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('prints 3 numbered sheets in French: serials reserved, every page with its serial, every QR code naming its sheet', async () => {
    const batch = await printBatch('fr', 3);
    expect(batch.serials).toEqual([1, 2, 3].map(formatSerial));
    expect(batch.dir).toEqual(['ltr', 'ltr', 'ltr']);
    expect(batch.lang).toEqual(['fr', 'fr', 'fr']);
    expect(batch.pagesPerSheet).toBeGreaterThan(1);
    expect(batchRows()).toEqual([{ facility_id: seeded.facilityA.id, survey_id: SURVEY, survey_version: version(), language: 'fr', first_serial: 1, count: 3 }]);
    await page.getByRole('status').filter({ hasText: r('paperPrint.printed', { first: formatSerial(1), last: formatSerial(3), sheets: '3', pages: String(batch.pagesPerSheet) }) }).waitFor();

    const { texts, codes } = await checkPdf(batch, 'fr');
    const fr = loadLocale('fr', 'kiosk');
    // The sheet speaks French: its instructions, the follow-up's condition, no personal data fields.
    expect(readsAs(texts[0]!, seeded.surveys.find((s) => s.id === SURVEY)!.title.fr!)).toBe(true);
    const all = texts.join(' ');
    // Only the sheets print: no staff navigation, no controls, no screen headings.
    for (const chrome of [r('signOut'), r('paperPrint.title'), r('paperPrint.print'), r('paperPrint.batchesTitle')]) expect(all).not.toContain(chrome);
    expect(readsAs(all, fr('paperForm.tickAll'))).toBe(true);
    expect(readsAs(texts.at(-1)!, fr('paperForm.spokenOnTablet'))).toBe(true);
    const onlyIfNo = fr('paperForm.relevance.onlyIf', { condition: fr('paperForm.relevance.equals', { answer: fr('answer.no'), question: fr('paperForm.relevance.questionNumber', { number: 1 }) }) });
    expect(readsAs(all, onlyIfNo), onlyIfNo).toBe(true);
    expect(codes).toEqual([1, 2, 3].map((serial) => ({ surveyId: SURVEY, surveyVersion: version(), language: 'fr', facilityId: seeded.facilityA.id, serial })));
  });

  it('prints 2 sheets in Arabic laid out right to left, with their own new serials', async () => {
    const batch = await printBatch('ar', 2);
    expect(batch.serials).toEqual([4, 5].map(formatSerial));
    expect(batch.dir).toEqual(['rtl', 'rtl']);
    expect(batch.lang).toEqual(['ar', 'ar']);
    // Tick boxes on the right of their words in a right-to-left sheet.
    const sides = await page.evaluate(() => {
      const option = document.querySelector('.pp-batch > .pp-sheet .pp-option')!;
      return { box: option.querySelector('.pp-box')!.getBoundingClientRect().left, label: option.querySelector('.pp-option__label')!.getBoundingClientRect().left };
    });
    expect(sides.box).toBeGreaterThan(sides.label);
    const { codes } = await checkPdf(batch, 'ar');
    expect(codes).toEqual([4, 5].map((serial) => ({ surveyId: SURVEY, surveyVersion: version(), language: 'ar', facilityId: seeded.facilityA.id, serial })));
    expect(batchRows()).toHaveLength(2);
  });

  it('prints the French batch again with its own serials and reserves none', async () => {
    const before = await printCount();
    const batches = page.getByRole('table', { name: r('paperPrint.batchesCaption', { facility: seeded.facilityA.name }) });
    await batches.getByRole('button', { name: r('paperPrint.reprint', { first: formatSerial(1), last: formatSerial(3) }) }).click();
    await page.waitForFunction((n) => (window as unknown as { printCalls: number }).printCalls > n, before);
    const batch = await printedBatch();
    expect(batch.serials).toEqual([1, 2, 3].map(formatSerial));
    expect(batch.lang).toEqual(['fr', 'fr', 'fr']);
    expect(batchRows()).toHaveLength(2);
  });

  it('previews a Tigrinya sheet in the Ethiopic font the app ships, reserving no serials', async () => {
    await page.getByLabel(r('paperPrint.language'), { exact: true }).selectOption('ti');
    await page.locator('.pp-batch > .pp-sheet[lang="ti"]').waitFor();
    const ti = loadLocale('ti', 'kiosk');
    expect(await page.locator('.pp-batch > .pp-sheet').first().getByText(ti('paperForm.dateFilled'), { exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Sayso Ethiopic') && face.status === 'loaded'))).toBe(true);
    expect(batchRows()).toHaveLength(2);
  });

  it('has no serious axe findings on the print screen in Arabic', async () => {
    await page.getByLabel(r('language.label'), { exact: true }).selectOption('ar');
    const ar = loadLocale('ar', 'results');
    await page.getByRole('heading', { level: 1, name: ar('paperPrint.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
