import { createSignal, For, onMount, Show } from 'solid-js';
import { loadNamespace, loadSecondLanguage, t } from '../../i18n/i18n.ts';
import { createApiData } from '../web/createApiData.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import { StatusNote } from '../web/ui/StatusNote.tsx';
import { CreateWaveForm } from './CreateWaveForm.tsx';
import { InvitationSlips, type SlipJob } from './InvitationSlips.tsx';
import { PrintInvitationsForm } from './PrintInvitationsForm.tsx';
import { WaveTable } from './WaveTable.tsx';
import { makeWavesApi, type Wave, type WaveFacility } from './wavesApi.ts';
import './waves.css';

/**
 * /staff/waves (docs/waves.md): every wave the caller may see with its participation per
 * facility; admins plan new waves and cancel them; admins and managers record eligible
 * residents and print invitation slips, whose codes are shown this once only.
 */
export default function WavesScreen() {
  const staff = useStaff();
  const api = makeWavesApi();
  onMount(() => void loadNamespace('waves'));
  const [revision, setRevision] = createSignal(0);
  const waves = createApiData(() => ({ staff: staff.user().id, revision: revision() }), () => api.list());
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal('');
  const [printing, setPrinting] = createSignal<{ wave: Wave; facility: WaveFacility }>();
  const [slips, setSlips] = createSignal<SlipJob>();
  const role = () => staff.user().role;
  const isAdmin = () => role() === 'admin';
  const canEdit = () => role() === 'admin' || role() === 'manager';
  // The browser's own day (en-CA writes YYYY-MM-DD): only for the quarter shortcuts.
  const today = new Date().toLocaleDateString('en-CA');
  const reload = () => setRevision((n) => n + 1);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    setStatus('');
    try {
      await work();
      setStatus(done);
      reload();
    } catch (caught) {
      setError(() => caught);
    }
  };

  const print = async (count: number, languages: string[]) => {
    const target = printing();
    if (!target) return;
    setError(undefined);
    try {
      const printed = await api.printInvitations(target.wave.id, target.facility.facilityId, count);
      // The slips speak the facility's languages: their words are loaded before they show.
      await Promise.all(languages.map((language) => loadSecondLanguage(language)));
      setSlips({ codes: printed.codes, languages, origin: window.location.origin });
      setStatus(t('waves:print.printed', { count: printed.codes.length, facility: target.facility.name }));
      reload();
      requestAnimationFrame(() => window.print());
    } catch (caught) {
      setError(() => caught);
    }
  };

  return (
    <div class="wv-screen">
      <h1>{t('waves:title')}</h1>
      <p class="sw-note">{t('waves:intro')}</p>
      <ErrorNotice error={waves.error() ?? error()} />
      <StatusNote message={status()} />
      <Show when={isAdmin()}>
        <CreateWaveForm api={api} today={today} onCreated={(wave) => { setStatus(t('waves:create.created', { wave: wave.name })); reload(); }} />
      </Show>
      <Show when={printing()} keyed>
        {(target) => (
          <PrintInvitationsForm wave={target.wave} facility={target.facility} onPrint={print} onClose={() => { setPrinting(undefined); setSlips(undefined); }} />
        )}
      </Show>
      <Show when={slips()} keyed>
        {(job) => (
          <section class="sw-section wv-print-section" aria-labelledby="wv-slips-title">
            <h2 id="wv-slips-title">{t('waves:print.slipsTitle')}</h2>
            <p class="sw-note" role="note"><strong>{t('waves:print.onlyOnce')}</strong></p>
            <button type="button" class="sw-button sw-button--primary" onClick={() => window.print()}>{t('waves:print.printAgain')}</button>
            <div class="wv-preview" tabIndex={0} role="region" aria-label={t('waves:print.previewRegion')}>
              <InvitationSlips job={job} />
            </div>
          </section>
        )}
      </Show>
      <section class="sw-section" aria-labelledby="wv-list-title">
        <h2 id="wv-list-title">{t('waves:list.title')}</h2>
        <Show when={waves.loading() && !waves.data()}><p class="sw-note" role="status">{t('results:loading')}</p></Show>
        <Show when={waves.data()}>
          <Show when={(waves.data() ?? []).length > 0} fallback={<p>{t('waves:list.none')}</p>}>
            <For each={waves.data()}>
              {(wave) => (
                <WaveTable
                  wave={wave}
                  canEdit={canEdit()}
                  canCancel={isAdmin()}
                  onEligible={(facility, value) => act(() => api.setEligible(wave.id, facility.facilityId, value), t('waves:list.eligibleSaved', { facility: facility.name }))}
                  onPrint={(facility) => { setSlips(undefined); setPrinting({ wave, facility }); }}
                  onCancel={() => {
                    if (window.confirm(t('waves:list.confirmCancel', { wave: wave.name }))) void act(() => api.update(wave.id, { cancel: true }), t('waves:list.cancelled', { wave: wave.name }));
                  }}
                />
              )}
            </For>
          </Show>
        </Show>
      </section>
    </div>
  );
}
