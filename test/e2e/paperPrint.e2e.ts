import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperQuestionNumbers } from '../../src/inspector/print/makePaperBlocks.ts';
import { decodeSheetCode, type SheetCode } from '../../src/survey/paper/paperQr.ts';
import { formatSerial } from '../../src/survey/paper/paperSerial.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { pdfPageTexts, startQrReader, type QrReader } from './support/pdfReader.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount } from './support/seedAssistedResponses.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const SURVEY = 'resident-satisfaction';
const VISIT = 'monitoring-visit';
/** Pages per sheet a survey may take (inspectors print hundreds of sheets), in every language checked. */
const MOST_PAGES: Record<string, number> = { 'resident-satisfaction': 4, 'centre-satisfaction': 2, 'monitoring-visit': 8 };
const MM = 96 / 25.4;

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
  let reader: QrReader;
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
    const { found } = await reader.read(context, pdf, pages.map((n) => ({ page: n })));
    return found.map((text) => (text === null ? null : decodeSheetCode(text)));
  }


  const version = (id = SURVEY) => seeded.surveys.find((s) => s.id === id)!.version;
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

  async function printBatch(language: string, count: number, survey = SURVEY): Promise<PrintedBatch> {
    const before = await printCount();
    await page.getByLabel(r('paperPrint.survey'), { exact: true }).selectOption(survey);
    await page.getByLabel(r('paperPrint.language'), { exact: true }).selectOption(language);
    await page.getByLabel(r('paperPrint.count'), { exact: true }).fill(String(count));
    await page.getByRole('button', { name: r('paperPrint.print') }).click();
    await page.waitForFunction((n) => (window as unknown as { printCalls: number }).printCalls > n, before);
    return printedBatch();
  }

  /**
   * What breaks the rules for a sheet filled by hand, on the first sheet of the batch: tick
   * boxes under 5 mm, closer than 3 mm to another on the page, or without their printed
   * code beside them; text under 10 pt or not black; a question without its 10-12 mm
   * pictogram, a choice pictogram outside 7-8 mm; a block cut by the bottom of its page.
   */
  async function sheetRuleBreaks(): Promise<{ problems: string[]; boxes: number }> {
    return page.evaluate((mm) => {
      const problems: string[] = [];
      let checked = 0;
      const sheet = document.querySelector('.pp-batch > .pp-sheet')!;
      const near = (value: number, low: number, high: number) => value >= low * mm - 0.5 && value <= high * mm + 0.5;
      sheet.querySelectorAll('.pp-page').forEach((pageBox, p) => {
        const boxes = [...pageBox.querySelectorAll<HTMLElement>('.pp-box:not(.pp-box--crossed)')];
        const rects = boxes.map((box) => box.getBoundingClientRect());
        checked += boxes.length;
        boxes.forEach((box, i) => {
          const rect = rects[i]!;
          if (rect.width < 5 * mm - 0.5 || rect.height < 5 * mm - 0.5) problems.push(`page ${p + 1}: a box of ${(rect.width / mm).toFixed(1)} mm`);
          const coded = box.nextElementSibling?.classList.contains('pp-code') || box.previousElementSibling?.classList.contains('pp-scale__number');
          if (!coded) problems.push(`page ${p + 1}: a box without its code`);
          for (let j = i + 1; j < rects.length; j++) {
            const other = rects[j]!;
            const apart = Math.max(other.left - rect.right, rect.left - other.right, other.top - rect.bottom, rect.top - other.bottom);
            if (apart < 3 * mm - 0.5) problems.push(`page ${p + 1}: boxes ${(apart / mm).toFixed(1)} mm apart`);
          }
        });
        const body = pageBox.querySelector('.pp-page__body')!.getBoundingClientRect();
        pageBox.querySelectorAll('.pp-page__body > *').forEach((block) => {
          if (block.getBoundingClientRect().bottom > body.bottom + 0.5) problems.push(`page ${p + 1}: a block cut by the page's end`);
        });
      });
      for (const element of sheet.querySelectorAll<HTMLElement>('*')) {
        if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())) continue;
        const style = getComputedStyle(element);
        if (parseFloat(style.fontSize) < (10 * 96) / 72 - 0.01) problems.push(`text under 10 pt: ${element.textContent!.slice(0, 30)}`);
        if (style.color !== 'rgb(0, 0, 0)') problems.push(`text in ${style.color}: ${element.textContent!.slice(0, 30)}`);
      }
      for (const question of sheet.querySelectorAll('.pp-question, .pp-item')) {
        const pictogram = question.querySelector('.pp-question__pictogram, .pp-item__pictogram')?.getBoundingClientRect();
        if (!pictogram || !near(pictogram.height, 10, 12)) problems.push(`a question's pictogram of ${pictogram ? (pictogram.height / mm).toFixed(1) : 'no'} mm`);
      }
      for (const pictogram of sheet.querySelectorAll('.pp-option__pictogram')) {
        const height = pictogram.getBoundingClientRect().height;
        if (!near(height, 7, 8)) problems.push(`a choice's pictogram of ${(height / mm).toFixed(1)} mm`);
      }
      return { problems: [...new Set(problems)], boxes: checked };
    }, MM);
  }

  /** Every page of the PDF carries its sheet's serial and "page x of y"; every first page a QR code naming the sheet. */
  async function checkPdf(batch: PrintedBatch, language: string) {
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const texts = await pdfPageTexts(pdf);
    expect(texts.length).toBe(batch.serials.length * batch.pagesPerSheet);
    const pageOf = loadLocale(language, 'paper');
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
    reader = await startQrReader();
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
    await reader?.close();
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
    expect(batch.pagesPerSheet).toBeLessThanOrEqual(MOST_PAGES[SURVEY]!);
    expect(batchRows()).toEqual([{ facility_id: seeded.facilityA.id, survey_id: SURVEY, survey_version: version(), language: 'fr', first_serial: 1, count: 3 }]);
    await page.getByRole('status').filter({ hasText: r('paperPrint.printed', { first: formatSerial(1), last: formatSerial(3), sheets: '3', pages: String(batch.pagesPerSheet) }) }).waitFor();

    const { texts, codes } = await checkPdf(batch, 'fr');
    const fr = loadLocale('fr', 'kiosk');
    const frPaper = loadLocale('fr', 'paper');
    // The sheet speaks French: its instructions, the follow-up's condition, no personal data fields.
    expect(readsAs(texts[0]!, seeded.surveys.find((s) => s.id === SURVEY)!.title.fr!)).toBe(true);
    const all = texts.join(' ');
    // Only the sheets print: no staff navigation, no controls, no screen headings.
    for (const chrome of [r('signOut'), r('paperPrint.title'), r('paperPrint.print'), r('paperPrint.batchesTitle')]) expect(all).not.toContain(chrome);
    expect(readsAs(all, frPaper('paperForm.tickAll'))).toBe(true);
    expect(readsAs(texts.at(-1)!, frPaper('paperForm.spokenOnTablet'))).toBe(true);
    const onlyIfNo = frPaper('paperForm.relevance.onlyIf', { condition: frPaper('paperForm.relevance.equals', { answer: fr('answer.no'), question: frPaper('paperForm.relevance.questionNumber', { number: 1 }) }) });
    expect(readsAs(all, onlyIfNo), onlyIfNo).toBe(true);
    expect(codes).toEqual([1, 2, 3].map((serial) => ({ surveyId: SURVEY, surveyVersion: version(), language: 'fr', facilityId: seeded.facilityA.id, serial })));
  });

  it('lays the French sheet out to be filled by hand: boxes of 5 mm, 3 mm apart, each with its code; nothing under 10 pt; a pictogram per question and per choice', async () => {
    const rules = await sheetRuleBreaks();
    expect(rules.problems).toEqual([]);
    expect(rules.boxes).toBeGreaterThan(200);
    // Short scales on one line: yes, no and "prefer not" side by side.
    const yesNo = await page.evaluate(() => [...document.querySelectorAll('.pp-batch > .pp-sheet')[0]!.querySelectorAll('.pp-block--question')[0]!.querySelectorAll('.pp-box')].map((box) => Math.round(box.getBoundingClientRect().top)));
    expect(new Set(yesNo).size).toBe(1);
  });

  it('prints 2 sheets in Arabic laid out right to left, with their own new serials', async () => {
    const batch = await printBatch('ar', 2);
    expect(batch.serials).toEqual([4, 5].map(formatSerial));
    expect(batch.dir).toEqual(['rtl', 'rtl']);
    expect(batch.lang).toEqual(['ar', 'ar']);
    expect(batch.pagesPerSheet).toBeLessThanOrEqual(MOST_PAGES[SURVEY]!);
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
    const ti = loadLocale('ti', 'paper');
    expect(await page.locator('.pp-batch > .pp-sheet').first().getByText(ti('paperForm.dateFilled'), { exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Sayso Ethiopic') && face.status === 'loaded'))).toBe(true);
    expect(batchRows()).toHaveLength(2);
  });

  it('prints the monitoring visit in Italian as a table: one row per item, three coded boxes per evidence source, a notes line', async () => {
    const batch = await printBatch('it', 2, VISIT);
    expect(batch.serials).toEqual([6, 7].map(formatSerial));
    expect(batch.pagesPerSheet).toBeLessThanOrEqual(MOST_PAGES[VISIT]!);
    const survey = seeded.surveys.find((s) => s.id === VISIT)!;
    const items = survey.items.flatMap((area) => (area.kind === 'group' ? area.items.flatMap((item) => (item.kind === 'group' ? [item] : [])) : []));
    const sources = ['observation', 'resident-interview', 'managing-body-interview'] as const;
    const laidOut = await page.evaluate(() => {
      const sheet = document.querySelector('.pp-batch > .pp-sheet')!;
      return {
        rows: [...sheet.querySelectorAll('.pp-item')].map((row) => ({
          text: row.querySelector('.pp-item__text')!.textContent,
          cells: [...row.querySelectorAll('.pp-table-cell--source')].map((cell) => ({
            number: cell.querySelector('.pp-number')?.textContent ?? null,
            codes: [...cell.querySelectorAll('.pp-box')].map((box) => box.nextElementSibling?.textContent),
          })),
          notes: row.querySelector('.pp-table-cell--notes .pp-number')?.textContent ?? null,
        })),
        // Each page with rows has the column header once, above its first row.
        heads: [...sheet.querySelectorAll('.pp-page')].map((p) => {
          const body = p.querySelector('.pp-page__body')!;
          const head = body.querySelector(':scope > .pp-table-head');
          const firstRow = body.querySelector(':scope > .pp-block--item, :scope > .pp-block--section');
          return { heads: body.querySelectorAll(':scope > .pp-table-head').length, rows: body.querySelectorAll('.pp-item').length, headFirst: !firstRow || Boolean(head && head.compareDocumentPosition(firstRow) & Node.DOCUMENT_POSITION_FOLLOWING) };
        }),
        columns: [...sheet.querySelector('.pp-table-head')!.querySelectorAll('.pp-table-cell--source')].map((cell) => cell.textContent),
      };
    });
    expect(laidOut.columns).toEqual(sources.map((source) => listQuestions(survey.items).find((q) => 'evidence' in q.question && q.question.evidence === source)!.question.text.it));
    expect(laidOut.rows.map((row) => row.text)).toEqual(items.map((item) => item.title.it));
    const numbers = paperQuestionNumbers(survey);
    laidOut.rows.forEach((row, i) => {
      const item = items[i]!;
      expect(row.cells.map((cell) => cell.number), item.id).toEqual(
        sources.map((source) => {
          const asked = item.items.find((q) => q.kind === 'compliance' && q.evidence === source);
          return asked ? String(numbers.get(asked.id)) : null;
        }),
      );
      for (const cell of row.cells) expect(cell.codes).toEqual(cell.number ? ['1', '2', '3'] : []);
      expect(row.notes).toBe(String(numbers.get(`${item.id}.notes`)));
    });
    for (const onPage of laidOut.heads) expect(onPage.rows ? [onPage.heads, onPage.headFirst] : [onPage.heads]).toEqual(onPage.rows ? [1, true] : [0]);
    const rules = await sheetRuleBreaks();
    expect(rules.problems).toEqual([]);
    expect(rules.boxes).toBeGreaterThan(200);

    const { texts, codes } = await checkPdf(batch, 'it');
    expect(codes).toEqual([6, 7].map((serial) => ({ surveyId: VISIT, surveyVersion: version(VISIT), language: 'it', facilityId: seeded.facilityA.id, serial })));
    // The column header is on every page holding rows (the sources' names in the PDF's text).
    texts.forEach((text, i) => {
      if (laidOut.heads[i % batch.pagesPerSheet]!.rows) for (const name of laidOut.columns) expect(readsAs(text, name!), `page ${i + 1}`).toBe(true);
    });
  });

  it('previews every survey within its page budget in French, Arabic, Italian and Tigrinya', async () => {
    const counts: Record<string, Record<string, number>> = {};
    for (const survey of Object.keys(MOST_PAGES)) {
      await page.getByLabel(r('paperPrint.survey'), { exact: true }).selectOption(survey);
      for (const language of ['fr', 'ar', 'it', 'ti']) {
        await page.getByLabel(r('paperPrint.language'), { exact: true }).selectOption(language);
        const sheet = page.locator(`.pp-batch > .pp-sheet[data-survey="${survey}"][lang="${language}"]`);
        await sheet.waitFor();
        (counts[survey] ??= {})[language] = Number(await sheet.getAttribute('data-pages'));
      }
    }
    console.log(`pages per sheet: ${JSON.stringify(counts)}`);
    for (const [survey, pages] of Object.entries(counts)) for (const [language, n] of Object.entries(pages)) expect(n, `${survey} ${language}`).toBeLessThanOrEqual(MOST_PAGES[survey]!);
  });

  it('has no serious axe findings on the print screen in Arabic', async () => {
    await page.getByLabel(r('language.label'), { exact: true }).selectOption('ar');
    const ar = loadLocale('ar', 'results');
    await page.getByRole('heading', { level: 1, name: ar('paperPrint.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
