import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { PICTOGRAM_NAMES, type PictogramName } from '../../../survey/pictogramNames.ts';
import { PictogramImage } from '../../web/ui/PictogramImage.tsx';

/**
 * Picks one of the app's pictograms (the only ones a definition may name), shown as residents
 * see them: the current one on a button that opens the grid; each choice names itself in words.
 */
export function PictogramPicker(props: { id: string; label: string; value: string; onChange: (name: PictogramName) => void }) {
  const [open, setOpen] = createSignal(false);
  const [filter, setFilter] = createSignal('');
  const shown = () => PICTOGRAM_NAMES.filter((name) => name.includes(filter().trim().toLowerCase()));
  return (
    <div class="ed-pictogram-picker">
      <button
        type="button"
        id={props.id}
        class="sw-button sw-button--quiet ed-pictogram-current"
        aria-expanded={open()}
        aria-controls={`${props.id}-grid`}
        onClick={() => setOpen(!open())}
      >
        <PictogramImage name={props.value} />
        <span>{t('authoring:editor.pictogram.current', { label: props.label, name: props.value })}</span>
      </button>
      <Show when={open()}>
        <div class="ed-pictogram-grid" id={`${props.id}-grid`}>
          <label class="sw-field">
            <span>{t('authoring:editor.pictogram.filter')}</span>
            <input type="search" value={filter()} onInput={(event) => setFilter(event.currentTarget.value)} />
          </label>
          <ul role="list" aria-label={t('authoring:editor.pictogram.choices', { label: props.label })}>
            <For each={shown()}>
              {(name) => (
                <li>
                  <button
                    type="button"
                    class="ed-pictogram-choice"
                    aria-pressed={name === props.value}
                    onClick={() => {
                      props.onChange(name);
                      setOpen(false);
                      document.getElementById(props.id)?.focus();
                    }}
                  >
                    <img src={`/pictograms/${name}.svg`} alt="" loading="lazy" draggable={false} />
                    <span>{name}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  );
}
