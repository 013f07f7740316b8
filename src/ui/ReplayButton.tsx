import { Pictogram } from './Pictogram.tsx';

/**
 * The large "listen again" button: a speaker pictogram (meaning by picture, not colour),
 * named for screen readers. `source` says where the screen's first prompt comes from
 * (recorded, survey, shipped, voice, none) for staff and tests.
 */
export function ReplayButton(props: { label: string; source: string; onReplay: () => void }) {
  return (
    <button
      type="button"
      class="replay-button"
      aria-label={props.label}
      title={props.label}
      data-prompt-source={props.source}
      // Inside overlays that close on any touch (idle), a replay is not a "continue".
      onPointerDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation();
        props.onReplay();
      }}
    >
      <Pictogram name="audio" class="replay-button__pictogram" />
    </button>
  );
}
