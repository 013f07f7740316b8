import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { DistributionEntry, QuestionFigures } from '../../../survey/reportTypes.ts';
import { formatCount, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { PictogramImage } from '../ui/PictogramImage.tsx';

/** Yes/no answers may come without a pictogram of their own: residents saw these. */
const YES_NO_PICTOGRAMS: Record<string, string> = { true: 'yes', false: 'no' };

export function entryLabel(entry: DistributionEntry, kind: string, surveyText: (text: DistributionEntry['label']) => string): string {
  const text = surveyText(entry.label);
  if (text) return text;
  if (kind === 'yesno' && (entry.value === 'true' || entry.value === 'false')) return t(entry.value === 'true' ? 'results:answer.yes' : 'results:answer.no');
  return entry.value;
}

/**
 * A distribution as a table: the pictogram residents saw, the answer's words, how many gave it and
 * a bar of its share. The bar is decoration; the count and share are the figures (WCAG 1.1.1, 1.4.1).
 */
export function DistributionTable(props: {
  figures: QuestionFigures;
  kind: string;
  caption: string;
  survey: { defaultLanguage: string };
  /** Multiple choice: ranked by count, shares of respondents (they add up to more than 100%). */
  ranked?: boolean;
}) {
  const staff = useStaff();
  const base = () => Math.max(0, props.figures.n - props.figures.declined);
  const share = (count: number) => (base() > 0 ? count / base() : 0);

  return (
    <table class="sw-table sw-distribution">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <Show when={props.ranked}>
            <th scope="col">{t('results:distribution.rank')}</th>
          </Show>
          <th scope="col">{t('results:distribution.answer')}</th>
          <th scope="col">{t('results:distribution.count')}</th>
          <th scope="col">{props.ranked ? t('results:distribution.shareOfRespondents') : t('results:distribution.share')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.figures.distribution}>
          {(entry, index) => (
            <tr>
              <Show when={props.ranked}>
                <td>{formatCount(index() + 1, staff.language())}</td>
              </Show>
              <th scope="row">
                <span class="sw-with-pictogram">
                  <PictogramImage name={entry.pictogram ?? (props.kind === 'yesno' ? YES_NO_PICTOGRAMS[entry.value] : undefined)} />
                  <span>{entryLabel(entry, props.kind, (text) => staff.surveyText(text, props.survey))}</span>
                </span>
              </th>
              <td class="sw-number">{formatCount(entry.count, staff.language())}</td>
              <td>
                <span class="sw-distribution__share">
                  {/* An SVG bar (attributes, no inline style): drawn from the start edge, mirrored in RTL by CSS. */}
                  <svg class="sw-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="sw-bar__fill" x="0" y="0" height="10" width={Math.min(100, share(entry.count) * 100)} />
                  </svg>
                  <span class="sw-number">{formatShare(share(entry.count), staff.language())}</span>
                </span>
              </td>
            </tr>
          )}
        </For>
      </tbody>
      <Show when={props.figures.declined > 0}>
        <tfoot>
          <tr>
            <Show when={props.ranked}>
              <td />
            </Show>
            <th scope="row">
              <span class="sw-with-pictogram">
                <PictogramImage name="prefer-not" />
                <span>{t('results:distribution.declined')}</span>
              </span>
            </th>
            <td class="sw-number">{formatCount(props.figures.declined, staff.language())}</td>
            <td>{t('results:distribution.notInShares')}</td>
          </tr>
        </tfoot>
      </Show>
    </table>
  );
}
