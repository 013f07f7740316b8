import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { PictogramImage } from '../../staff/web/ui/PictogramImage.tsx';

export type RatingValue = 'effective' | 'partial' | 'critical' | 'unreadable' | null | undefined;

/** A compliance rating in words with the pictogram the paper form prints beside it; "not asked" when the item has no such source. */
export function RatingText(props: { rating: RatingValue; asked: boolean }) {
  const key = () => (!props.asked ? 'notAsked' : props.rating ?? 'none');
  const isScale = () => props.rating === 'effective' || props.rating === 'partial' || props.rating === 'critical';
  return (
    <span class={`sw-rating sw-rating--${key()}`}>
      <Show when={isScale()}>
        <PictogramImage name={`compliance-${props.rating}`} />
      </Show>
      {t(key() === 'notAsked' ? 'results:visits.notAsked' : `results:visits.ratings.${key()}`)}
    </span>
  );
}
