import type { PictogramName } from '../survey/pictogramNames.ts';

/** A pictogram beside text that already names the control, so it is hidden from screen readers. */
export function Pictogram(props: { name: PictogramName; class?: string; mirrorInRtl?: boolean }) {
  return (
    <img
      src={`/pictograms/${props.name}.svg`}
      alt=""
      aria-hidden="true"
      draggable={false}
      class={`pictogram ${props.mirrorInRtl ? 'mirror-in-rtl ' : ''}${props.class ?? ''}`}
    />
  );
}
