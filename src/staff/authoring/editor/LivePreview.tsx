import { createEffect, createMemo, createSignal, For, onCleanup } from 'solid-js';
import { DRAFT_PREVIEW_GLOBAL } from '../../../device/loadDraftPreview.ts';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import type { DraftDefinition } from './draftPaths.ts';
import { previewFrom } from './previewFrom.ts';

/** How long after the last edit the frame reloads: typing does not restart the kiosk at every key. */
const RELOAD_DELAY_MS = 700;
const SIZES = { landscape: { width: 1024, height: 768 }, portrait: { width: 768, height: 1024 } } as const;

/**
 * The real kiosk on the draft, in a tablet-sized frame scaled to fit: /?preview=<id>&draft=1
 * reads the draft from this page (src/device/loadDraftPreview.ts), so what is previewed is
 * exactly what is on screen, saved or not. It stores nothing and reloads after each edit.
 */
export function LivePreview(props: { definition: DraftDefinition; startAt?: string | undefined }) {
  const [language, setLanguage] = createSignal(props.definition.defaultLanguage);
  // On by default: the designer sees the question they are working on without tapping through the ones before it.
  const [fromHere, setFromHere] = createSignal(true);
  const shown = () => (fromHere() ? previewFrom(props.definition, props.startAt) : props.definition);
  const [orientation, setOrientation] = createSignal<keyof typeof SIZES>('landscape');
  const surveyLanguage = () => (props.definition.languages.includes(language()) ? language() : props.definition.defaultLanguage);
  const src = createMemo(() => `/?${new URLSearchParams({ preview: props.definition.id, lang: surveyLanguage(), draft: '1' })}`);
  let frame: HTMLIFrameElement | undefined;
  let box: HTMLDivElement | undefined;

  // The frame asks this window for the draft each time it loads.
  const host = window as unknown as Record<string, unknown>;
  const source = (surveyId: string) => (surveyId === props.definition.id ? shown() : undefined);
  host[DRAFT_PREVIEW_GLOBAL] = source;
  // Only our own: a preview mounted after this one (the draft reloaded) keeps its source.
  onCleanup(() => {
    if (host[DRAFT_PREVIEW_GLOBAL] === source) delete host[DRAFT_PREVIEW_GLOBAL];
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  createEffect(() => {
    void props.definition;
    void (fromHere() && props.startAt);
    if (first) {
      first = false;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => frame?.contentWindow?.location.reload(), RELOAD_DELAY_MS);
  });
  onCleanup(() => timer && clearTimeout(timer));

  // Scaled with a custom property set here, not an inline style binding (kept out of the kiosk's chunk: src/staff/web/README.md).
  const fit = () => {
    if (!box) return;
    const size = SIZES[orientation()];
    // The section's width, not the box's own (which follows the scale).
    const scale = Math.min(1, (box.parentElement?.clientWidth ?? box.clientWidth) / size.width);
    box.style.setProperty('--ed-scale', String(scale));
    box.style.setProperty('--ed-frame-width', `${size.width}px`);
    box.style.setProperty('--ed-frame-height', `${size.height}px`);
  };
  createEffect(() => {
    orientation();
    fit();
  });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => fit()) : undefined;
  onCleanup(() => observer?.disconnect());

  return (
    <section class="ed-preview" aria-labelledby="ed-preview-title">
      <h2 id="ed-preview-title">{t('authoring:editor.preview.title')}</h2>
      <div class="sw-form--inline">
        <div class="sw-field">
          <label for="ed-preview-language">{t('authoring:editor.preview.language')}</label>
          <select id="ed-preview-language" onInput={(event) => setLanguage(event.currentTarget.value)}>
            <For each={props.definition.languages}>{(code) => <option value={code} selected={code === surveyLanguage()}>{`${languageInfo(code).nativeName} (${code})`}</option>}</For>
          </select>
        </div>
        <div class="sw-field">
          <label for="ed-preview-orientation">{t('authoring:editor.preview.orientation')}</label>
          <select id="ed-preview-orientation" onInput={(event) => setOrientation(event.currentTarget.value === 'portrait' ? 'portrait' : 'landscape')}>
            <option value="landscape" selected={orientation() === 'landscape'}>{t('authoring:editor.preview.landscape')}</option>
            <option value="portrait" selected={orientation() === 'portrait'}>{t('authoring:editor.preview.portrait')}</option>
          </select>
        </div>
        <label class="ed-preview-from">
          <input type="checkbox" checked={fromHere()} onInput={(event) => setFromHere(event.currentTarget.checked)} />
          {t('authoring:editor.preview.fromHere')}
        </label>
        <button type="button" class="sw-button sw-button--quiet" onClick={() => frame?.contentWindow?.location.reload()}>
          {t('authoring:editor.preview.restart')}
        </button>
      </div>
      <p class="sw-note">{t('authoring:editor.preview.note')}</p>
      <div
        class="ed-preview-box"
        classList={{ 'is-portrait': orientation() === 'portrait' }}
        ref={(el) => {
          box = el;
          queueMicrotask(() => el.parentElement && observer?.observe(el.parentElement));
          queueMicrotask(fit);
        }}
      >
        <iframe
          ref={(el) => (frame = el)}
          class="ed-preview-frame"
          title={t('authoring:editor.preview.frameTitle', { language: languageInfo(surveyLanguage()).englishName })}
          src={src()}
        />
      </div>
    </section>
  );
}
