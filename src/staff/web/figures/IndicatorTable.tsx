import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { QuestionReport } from '../../../survey/reportTypes.ts';
import { formatCount, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { PictogramImage } from '../ui/PictogramImage.tsx';
import { TargetVerdict } from '../ui/TargetVerdict.tsx';

export function indicatorQuestions(questions: QuestionReport[]): QuestionReport[] {
  return questions.filter((q) => q.figures.satisfiedShare !== undefined || q.target !== undefined);
}

/** Every indicator of the report in one table: share satisfied, target, met or not, in words. */
export function IndicatorTable(props: { questions: QuestionReport[]; survey: { defaultLanguage: string }; minCellSize: number; caption: string }) {
  const staff = useStaff();
  return (
    <table class="sw-table sw-indicators">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results:indicators.topic')}</th>
          <th scope="col">{t('results:indicators.question')}</th>
          <th scope="col">{t('results:indicators.satisfied')}</th>
          <th scope="col">{t('results:indicators.target')}</th>
          <th scope="col">{t('results:indicators.result')}</th>
          <th scope="col">{t('results:indicators.answers')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={indicatorQuestions(props.questions)}>
          {(question) => {
            const figures = () => question.figures;
            const answered = () => Math.max(0, figures().n - figures().declined);
            return (
              <tr>
                <th scope="row">
                  <span class="sw-with-pictogram">
                    <PictogramImage name={question.topic?.pictogram} />
                    {staff.surveyText(question.topic?.title, props.survey) || staff.surveyText(question.text, props.survey)}
                  </span>
                </th>
                {/* Without a topic, the row header is the question already. */}
                <td>{question.topic ? staff.surveyText(question.text, props.survey) : ''}</td>
                <td class="sw-number">
                  <Show when={!figures().hidden} fallback={<HiddenFigure minCellSize={props.minCellSize} />}>
                    {figures().satisfiedShare == null ? t('results:question.none') : formatShare(figures().satisfiedShare!, staff.language())}
                  </Show>
                </td>
                <td class="sw-number">{question.target ? formatShare(question.target.percent / 100, staff.language()) : t('results:question.none')}</td>
                <td>
                  <TargetVerdict met={figures().hidden ? null : question.target?.met} />
                </td>
                <td class="sw-number">
                  <Show when={!figures().hidden} fallback={<HiddenFigure minCellSize={props.minCellSize} />}>
                    {formatCount(answered(), staff.language())}
                  </Show>
                </td>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}
