import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { languageInfo } from '../../survey/languages.ts';
import { localize } from '../../survey/localize.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import { encodeSheetCode } from '../../survey/paper/paperQr.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import { inTable, keepsWithNext, makePaperBlocks, paperQuestionNumbers } from './makePaperBlocks.ts';
import { paginateBlocks, type Pagination } from './paginateBlocks.ts';
import { PaperBlockView, type SheetContext } from './PaperBlockView.tsx';
import { ItemTableHead } from './PaperItemRow.tsx';
import { sheetRelevanceContext, sheetTranslate } from './sheetWords.ts';
import './paperForm.css';

export interface PaperJob {
  survey: SurveyDefinition;
  language: string;
  facility: { id: string; name: string };
  /** The serials to print, one sheet each; null for a preview before any is reserved. */
  serials: number[] | null;
}

export interface BatchLayout {
  pagesPerSheet: number;
  /** Question ids taller than a page (cut when printed). */
  oversized: string[];
}

const SHEETS_PER_FRAME = 20;

/** A serial's place on a preview: the same width as a real one, so the layout is the same. */
const BLANK_SERIAL = '______-_';

/** A painted frame (progress shows), or a moment in a background tab, where frames wait. */
const nextFrame = () => new Promise<void>((resolve) => {
  requestAnimationFrame(() => resolve());
  setTimeout(resolve, 100);
});

/** Fonts and pictograms in place: measuring or printing before they are would lay out another sheet. */
async function settle(root: HTMLElement, language: string): Promise<void> {
  // The Ethiopic face loads only when Ethiopic text is drawn (unicode-range in src/ui/fonts.css).
  if (language === 'ti') await document.fonts.load('12pt "Sayso Ethiopic"', 'ትግርኛ').catch(() => undefined);
  await nextFrame();
  await document.fonts.ready;
  // One decode per pictogram file; the other copies come from the memory cache.
  const images = [...root.querySelectorAll('img')];
  const distinct = new Map(images.map((img) => [img.src, img]));
  await Promise.all([...distinct.values()].map((img) => img.decode().catch(() => undefined)));
  for (const deadline = Date.now() + 5000; images.some((img) => !img.complete) && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The sheets of a batch laid out for A4: the blocks of one sheet are measured once in
 * page-sized containers, split into pages (paginateBlocks), and every sheet then prints
 * those pages, each with the sheet's serial and "page x of y" so a loose page finds its sheet.
 * The screen shows the first sheet; print shows them all.
 */
export function PaperBatchView(props: { job: PaperJob; onReady?: (layout: BatchLayout) => void; onProgress?: (done: number, total: number) => void }) {
  const job = props.job;
  const blocks = makePaperBlocks(job.survey);
  const numbers = paperQuestionNumbers(job.survey);
  const questions = new Map<string, Question>(listQuestions(job.survey.items).map((placed) => [placed.question.id, placed.question]));
  const word = sheetTranslate(job.language);
  const relevance = sheetRelevanceContext(job.survey, job.language, numbers, questions);
  const dir = languageInfo(job.language).dir;
  const sheetOf = (serial: number | null): SheetContext => ({
    survey: job.survey,
    language: job.language,
    word,
    relevance,
    facilityName: job.facility.name,
    serialText: serial === null ? BLANK_SERIAL : formatSerial(serial),
    qrText: serial === null ? null : encodeSheetCode({ surveyId: job.survey.id, surveyVersion: job.survey.version, language: job.language, facilityId: job.facility.id, serial }),
  });
  const [layout, setLayout] = createSignal<Pagination>();
  const serials = job.serials ?? [null];
  // Sheets join the page a few at a time: 500 sheets at once would freeze the screen for many seconds with no word of progress.
  const [built, setBuilt] = createSignal(0);
  const shownSerials = createMemo(() => serials.slice(0, built()));
  let measure!: HTMLDivElement;
  let measureBody!: HTMLDivElement;
  let measureHead: HTMLDivElement | undefined;
  const hasTable = blocks.some(inTable);
  let root!: HTMLDivElement;

  // Another choice may replace this batch while it is still being laid out: then it reports nothing.
  let alive = true;
  onCleanup(() => (alive = false));
  onMount(async () => {
    await settle(measure, job.language);
    if (!alive) return;
    // The probe page's body is the room one page has; each block is measured in the same width.
    const room = measureBody.clientHeight;
    const heights = [...measureBody.querySelector('.pp-measure__flow')!.children].map((el) => el.getBoundingClientRect().height);
    const tableHead = measureHead?.getBoundingClientRect().height ?? 0;
    const pagination = paginateBlocks(
      blocks.map((block, i) => ({ height: heights[i] ?? 0, keepWithNext: keepsWithNext(block), tableHead: inTable(block) ? tableHead : undefined })),
      room - 1,
    );
    setLayout(pagination);
    for (let done = 0; done < serials.length; ) {
      done = Math.min(serials.length, done + SHEETS_PER_FRAME);
      setBuilt(done);
      props.onProgress?.(done, serials.length);
      await nextFrame();
      if (!alive) return;
    }
    await settle(root, job.language);
    if (!alive) return;
    props.onReady?.({
      pagesPerSheet: pagination.pages.length,
      oversized: pagination.oversized.flatMap((i) => {
        const block = blocks[i]!;
        if (block.kind === 'item') return [block.row.group.id];
        return block.kind === 'question' || block.kind === 'info' ? [block.question.id] : [];
      }),
    });
  });

  const title = localize(job.survey.title, job.language, job.survey.defaultLanguage);
  const runningHead = (sheet: SheetContext, page: number, pages: number) => (
    <div class="pp-page__run">
      <span class="pp-page__run-title">
        {title} · {sheet.facilityName}
      </span>
      <span class="pp-page__run-id">
        <bdi dir="ltr" class="pp-page__serial">
          {sheet.serialText}
        </bdi>
        {' · '}
        {word('paperForm.pageOf', { page, pages })}
      </span>
    </div>
  );

  return (
    <div class="pp-batch" ref={root}>
      <Show when={!layout()}>
        {/* Off screen, the size of one page: what pagination measures. */}
        <div class="pp-measure" aria-hidden="true" ref={measure}>
          <div class="pp-sheet" dir={dir} lang={job.language}>
            <div class="pp-page">
              {runningHead(sheetOf(null), 1, 1)}
              <div class="pp-page__body" ref={measureBody}>
                <div class="pp-measure__flow">
                  <For each={blocks}>{(block) => <PaperBlockView block={block} sheet={sheetOf(job.serials?.[0] ?? null)} />}</For>
                </div>
                <Show when={hasTable}>
                  <div class="pp-measure__head" ref={measureHead}>
                    <ItemTableHead sheet={sheetOf(null)} />
                  </div>
                </Show>
              </div>
            </div>
          </div>
        </div>
      </Show>
      <Show when={layout()}>
        {(pagination) => (
          <For each={shownSerials()}>
            {(serial) => {
              const sheet = sheetOf(serial);
              const pages = pagination().pages;
              return (
                <article class="pp-sheet" dir={dir} lang={job.language} data-survey={job.survey.id} data-serial={sheet.serialText} data-pages={pages.length}>
                  <For each={pages}>
                    {(indexes, page) => (
                      <section class="pp-page" aria-label={word('paperForm.pageOf', { page: page() + 1, pages: pages.length })}>
                        {runningHead(sheet, page() + 1, pages.length)}
                        <div class="pp-page__body">
                          <For each={indexes}>
                            {(i, at) => (
                              <>
                                {/* The monitoring table's column header above its first row on each page. */}
                                <Show when={inTable(blocks[i]!) && indexes.findIndex((j) => inTable(blocks[j]!)) === at()}>
                                  <ItemTableHead sheet={sheet} />
                                </Show>
                                <PaperBlockView block={blocks[i]!} sheet={sheet} />
                              </>
                            )}
                          </For>
                        </div>
                      </section>
                    )}
                  </For>
                </article>
              );
            }}
          </For>
        )}
      </Show>
    </div>
  );
}
