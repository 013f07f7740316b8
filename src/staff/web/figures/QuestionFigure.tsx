import { Match, Show, Switch } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { QuestionReport } from '../../../survey/reportTypes.ts';
import { formatCount, formatScore, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { TargetVerdict } from '../ui/TargetVerdict.tsx';
import { DistributionTable } from './DistributionTable.tsx';

const FREE_TEXT_KINDS = ['text', 'spoken'];

/** One question of a facility report: its figures as words and tables (screen and print alike). */
export function QuestionFigure(props: {
  question: QuestionReport;
  survey: { defaultLanguage: string };
  minCellSize: number;
  /** Where the comments of a free-text question are read; absent in print. */
  commentsHref?: (questionId: string) => string;
}) {
  const staff = useStaff();
  const text = () => staff.surveyText(props.question.text, props.survey);
  const figures = () => props.question.figures;
  const answered = () => Math.max(0, figures().n - figures().declined);

  return (
    <section class="sw-question">
      <h4 class="sw-question__title">{text()}</h4>
      <Switch
        fallback={
          <DistributionTable figures={figures()} kind={props.question.kind} survey={props.survey} caption={t('results:question.distributionCaption', { question: text() })} />
        }
      >
        <Match when={figures().hidden}>
          <p>
            <HiddenFigure minCellSize={props.minCellSize} />
          </p>
        </Match>
        <Match when={FREE_TEXT_KINDS.includes(props.question.kind)}>
          <p>
            {t('results:question.freeTextAnswered', { count: figures().n, formatted: formatCount(figures().n, staff.language()) })}{' '}
            <Show when={props.commentsHref && figures().n > 0}>
              <a href={props.commentsHref!(props.question.questionId)}>{t('results:question.readComments')}</a>
            </Show>
          </p>
        </Match>
        <Match when={props.question.kind === 'multi'}>
          <DistributionTable figures={figures()} kind="multi" ranked survey={props.survey} caption={t('results:question.rankedCaption', { question: text() })} />
          <p class="sw-note">{t('results:question.rankedNote', { count: answered(), formatted: formatCount(answered(), staff.language()) })}</p>
        </Match>
        <Match when={figures().satisfiedShare !== undefined}>
          <p class="sw-indicator-line">
            <Show when={figures().satisfiedShare !== null} fallback={t('results:question.noAnswers')}>
              <strong>{t('results:question.satisfiedShare', { share: formatShare(figures().satisfiedShare!, staff.language()) })}</strong>{' '}
              {t('results:question.ofAnswers', { count: answered(), formatted: formatCount(answered(), staff.language()) })}
            </Show>
            <Show when={props.question.target}>
              {(target) => (
                <>
                  {' · '}
                  {t('results:target.label', { percent: formatShare(target().percent / 100, staff.language()) })}{' '}
                  <TargetVerdict met={target().met} />
                </>
              )}
            </Show>
          </p>
          <DistributionTable figures={figures()} kind={props.question.kind} survey={props.survey} caption={t('results:question.distributionCaption', { question: text() })} />
        </Match>
        <Match when={props.question.kind === 'rating'}>
          <dl class="sw-stats">
            <div>
              <dt>{t('results:question.mean')}</dt>
              <dd>{figures().mean == null ? t('results:question.none') : formatScore(figures().mean!, staff.language())}</dd>
            </div>
            <div>
              <dt>{t('results:question.median')}</dt>
              <dd>{figures().median == null ? t('results:question.none') : formatScore(figures().median!, staff.language())}</dd>
            </div>
            <div>
              <dt>{t('results:question.answers')}</dt>
              <dd>{formatCount(answered(), staff.language())}</dd>
            </div>
          </dl>
          <DistributionTable figures={figures()} kind="rating" survey={props.survey} caption={t('results:question.distributionCaption', { question: text() })} />
        </Match>
      </Switch>
    </section>
  );
}
