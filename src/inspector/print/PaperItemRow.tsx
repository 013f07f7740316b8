import { For, Show } from 'solid-js';
import { answerOptions } from '../../kiosk/answerOptions.ts';
import { localize } from '../../survey/localize.ts';
import { paperOptions } from '../../survey/paper/paperAnswers.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { evidenceColumns, type ItemRow } from './makePaperBlocks.ts';
import { Code, TickBox } from './PaperAnswerArea.tsx';
import type { SheetContext } from './PaperBlockView.tsx';

/** The monitoring table's column widths, shared by its header and every row so they line up across blocks. */
function tableColumns(survey: SurveyDefinition): Record<string, string> {
  return { '--pp-sources': String(evidenceColumns(survey).length) };
}

/** The compliance codes in print order (1 effective, 2 partial, 3 critical), with their words and pictograms. */
function complianceScale(sheet: SheetContext) {
  const first = evidenceColumns(sheet.survey)[0]?.question;
  if (!first) return [];
  const shown = answerOptions(first, sheet.language, sheet.survey.defaultLanguage, (key, options) => sheet.word(key, options as Record<string, string | number>));
  return paperOptions(first).map((option) => ({ ...option, shown: shown.find((s) => s.value === option.value) }));
}

/**
 * The column header of the monitoring table, above its first row on every page: what the
 * codes mean, then one column per evidence source (named as the survey names it) and the notes.
 */
export function ItemTableHead(props: { sheet: SheetContext }) {
  const s = props.sheet;
  const columns = evidenceColumns(s.survey);
  const text = (value: Parameters<typeof localize>[0]) => localize(value, s.language, s.survey.defaultLanguage);
  return (
    <div class="pp-table-head" style={tableColumns(s.survey)}>
      <p class="pp-legend">
        <For each={complianceScale(s)}>
          {(option) => (
            <span class="pp-legend__entry">
              <span class="pp-code">{option.code}</span>
              <Show when={option.shown?.pictogram}>{(name) => <Pictogram name={name()} class="pp-option__pictogram" />}</Show>
              <span>{option.shown?.label}</span>
            </span>
          )}
        </For>
      </p>
      <div class="pp-table-row pp-table-row--head">
        <span class="pp-table-cell pp-table-cell--item" />
        <For each={columns}>
          {(column) => (
            <span class="pp-table-cell pp-table-cell--source">
              <Pictogram name={column.question.pictogram} class="pp-option__pictogram" />
              <span>{text(column.question.text)}</span>
            </span>
          )}
        </For>
        <span class="pp-table-cell pp-table-cell--notes" />
      </div>
    </div>
  );
}

/** One monitoring item as one table row: its words | three coded boxes per evidence source | a notes line. */
export function ItemRowView(props: { row: ItemRow; only: string; sheet: SheetContext }) {
  const s = props.sheet;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, s.language, s.survey.defaultLanguage);
  const codes = () => complianceScale(s).map((option) => option.code);
  return (
    <div class="pp-table-row pp-item" style={tableColumns(s.survey)}>
      <div class="pp-table-cell pp-table-cell--item">
        <Pictogram name={props.row.group.pictogram} class="pp-item__pictogram" />
        <p class="pp-item__words">
          <span class="pp-item__text">{text(props.row.group.title)}</span>
          <Show when={props.only}>{(line) => <span class="pp-item__only"> {line()}</span>}</Show>
        </p>
      </div>
      <For each={props.row.cells}>
        {(cell) => (
          <div class="pp-table-cell pp-table-cell--source">
            <Show when={cell} fallback={<span class="pp-item__none">—</span>}>
              {(present) => (
                <>
                  <span class="pp-number pp-number--small">{present().number}</span>
                  <span class="pp-item__boxes">
                    <For each={codes()}>
                      {(code) => (
                        <span class="pp-item__box">
                          <TickBox />
                          <Code code={code} />
                        </span>
                      )}
                    </For>
                  </span>
                </>
              )}
            </Show>
          </div>
        )}
      </For>
      <div class="pp-table-cell pp-table-cell--notes">
        <Show when={props.row.notes}>
          {(notes) => (
            <>
              <span class="pp-item__notes-head">
                <span class="pp-number pp-number--small">{notes().number}</span>
                <span>{text(notes().question.text)}</span>
              </span>
              <span class="pp-line pp-line--notes" />
              <span class="pp-line pp-line--notes" />
            </>
          )}
        </Show>
      </div>
    </div>
  );
}
