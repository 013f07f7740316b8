import { createEffect, createSignal, For, lazy, Match, onMount, Show, Switch } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { localize } from '../../survey/localize.ts';
import { AdminScreen } from './admin/AdminScreen.tsx';
import type { StaffUser } from './api/wireSchemas.ts';
import { createApiData } from './createApiData.ts';
import { createReportSelection } from './createReportSelection.ts';
import { createStaffRouter, homeRoute, routeAllowed, routeLabelKey, type StaffRoute, type StaffRouter } from './createStaffRouter.ts';
import type { StaffSession } from './createStaffSession.ts';
import { AssistanceScreen } from './screens/AssistanceScreen.tsx';
import { BreakdownScreen } from './screens/BreakdownScreen.tsx';
import { CommentsScreen } from './screens/CommentsScreen.tsx';
import { ComparisonScreen } from './screens/ComparisonScreen.tsx';
import { DashboardScreen } from './screens/DashboardScreen.tsx';
import { ExportsScreen } from './screens/ExportsScreen.tsx';
import { FacilitiesScreen } from './screens/FacilitiesScreen.tsx';
import { PrintScreen } from './screens/PrintScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { TabletPinScreen } from './screens/TabletPinScreen.tsx';
import { provideStaff, type StaffContextValue } from './StaffContext.ts';
import { switchStaffLanguage } from './staffLanguage.ts';
import { ErrorNotice } from './ui/ErrorNotice.tsx';
import { LanguagePicker } from './ui/LanguagePicker.tsx';
import './staffWeb.css';

// Paper work is for inspectors and the staff of their facilities: its own chunks (QR, spreadsheets, keyboard entry).
const PaperEntryScreen = lazy(() => import('../../inspector/entry/PaperEntryScreen.tsx'));
const PaperPrintScreen = lazy(() => import('../../inspector/print/PaperPrintScreen.tsx'));
const MismatchesScreen = lazy(() => import('../../inspector/entry/MismatchesScreen.tsx'));
const PaperImportScreen = lazy(() => import('../../inspector/import/PaperImportScreen.tsx'));
const VisitsScreen = lazy(() => import('../../inspector/visits/VisitsScreen.tsx'));
// Authoring and waves: for designers and the central office, each a chunk of its own.
const SurveyLibraryScreen = lazy(() => import('../authoring/SurveyLibraryScreen.tsx'));
const SurveyEditorScreen = lazy(() => import('../authoring/editor/SurveyEditorScreen.tsx'));
const XlsformImportScreen = lazy(() => import('../authoring/XlsformImportScreen.tsx'));
const WavesScreen = lazy(() => import('../waves/WavesScreen.tsx'));

const NAV_ORDER: StaffRoute[] = ['dashboard', 'comparison', 'breakdown', 'assistance', 'comments', 'exports', 'paper', 'paperPrint', 'paperImport', 'paperMismatches', 'visits', 'surveys', 'xlsformImport', 'waves', 'admin', 'facilities', 'tabletPin'];
const SURVEY_ROLES = ['admin', 'analyst', 'designer', 'manager'];
/** What works with no network (the laptop started offline): keying paper sheets into their outbox. */
const OFFLINE_ROUTES: StaffRoute[] = ['paper'];

/** Same-origin links to /staff/... move inside the app; others (exports, new tabs) behave as links do. */
function followInAppLinks(router: StaffRouter) {
  return (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !/^\/staff(\/|$)/.test(url.pathname)) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    router.follow(url.href);
  };
}

function SignedIn(props: { user: StaffUser; router: StaffRouter; session: StaffSession; language: () => string }) {
  const { router, session } = props;
  // Started with no network: nothing to fetch; the paper screens work from their own store.
  const facilities = createApiData(() => (session.offline() ? undefined : { staff: props.user.id }), () => session.api.facilities());
  const surveys = createApiData(
    () => (SURVEY_ROLES.includes(props.user.role) && !session.offline() ? { staff: props.user.id } : undefined),
    () => session.api.surveys(),
  );
  const selection = createReportSelection(router, {
    surveyIds: () => (surveys.data() ?? []).map((s) => s.id),
    facilityIds: () => (facilities.data() ?? []).map((f) => f.id),
  });
  const context: StaffContextValue = {
    api: session.api,
    user: () => props.user,
    router,
    selection,
    facilities: facilities.data,
    surveys: surveys.data,
    language: props.language,
    surveyText: (text, survey) => localize(text, props.language(), survey?.defaultLanguage ?? 'en'),
    refetchFacilities: () => facilities.refetch(),
  };
  const route = () => router.route() ?? (session.offline() && routeAllowed('paper', props.user.role) ? 'paper' : homeRoute(props.user.role));
  const worksOffline = () => OFFLINE_ROUTES.includes(route());
  const allowed = () => routeAllowed(route(), props.user.role);
  let main: HTMLElement | undefined;

  // A new screen: its name in the title bar, and focus to its content for screen reader users (WCAG 2.4.3).
  let previous: StaffRoute | undefined;
  createEffect(() => {
    const current = route();
    document.title = `${t(routeLabelKey(current))} · Sayso`;
    if (previous !== undefined && previous !== current) main?.focus();
    previous = current;
  });
  provideStaff(context);

  return (
    <>
      <Show when={route() !== 'print'}>
        <nav class="sw-nav" aria-label={t('results:nav.label')}>
          <ul>
            <For each={NAV_ORDER.filter((r) => routeAllowed(r, props.user.role) && (!session.offline() || OFFLINE_ROUTES.includes(r)))}>
              {(item) => (
                <li>
                  <a href={router.href(item)} aria-current={route() === item ? 'page' : undefined}>
                    {t(routeLabelKey(item))}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <main class="sw-main" id="sw-main" tabIndex={-1} ref={(el) => (main = el)}>
        <Show when={session.offline()}>
          <p class="sw-notice" role="status">
            {t('results:paperEntry.offline.banner')}
          </p>
        </Show>
        <ErrorNotice error={facilities.error()} />
        <ErrorNotice error={surveys.error()} />
        <Show
          when={allowed()}
          fallback={
            <>
              <h1>{t('results:notAllowed.title')}</h1>
              <p>{t('results:notAllowed.text', { role: t(`results:roles.${props.user.role}`) })}</p>
              <a href={router.href(homeRoute(props.user.role), '')}>{t('results:notAllowed.home')}</a>
            </>
          }
        >
          <Show when={!session.offline() || worksOffline()} fallback={<p>{t('results:paperEntry.offline.otherScreens')}</p>}>
          {/* Paper entry keeps its own workspace: never taken down while these lists (re)load, say when the network returns mid-sheet. */}
          <Show when={worksOffline() || (facilities.data() && (surveys.data() || !SURVEY_ROLES.includes(props.user.role)))} fallback={<p role="status">{t('results:loading')}</p>}>
            <Switch>
              <Match when={route() === 'dashboard'}>
                <DashboardScreen />
              </Match>
              <Match when={route() === 'comparison'}>
                <ComparisonScreen />
              </Match>
              <Match when={route() === 'breakdown'}>
                <BreakdownScreen />
              </Match>
              <Match when={route() === 'assistance'}>
                <AssistanceScreen />
              </Match>
              <Match when={route() === 'tabletPin'}>
                <TabletPinScreen />
              </Match>
              <Match when={route() === 'comments'}>
                <CommentsScreen />
              </Match>
              <Match when={route() === 'exports'}>
                <ExportsScreen />
              </Match>
              <Match when={route() === 'admin'}>
                <AdminScreen />
              </Match>
              <Match when={route() === 'facilities'}>
                <FacilitiesScreen />
              </Match>
              <Match when={route() === 'print'}>
                <PrintScreen />
              </Match>
              <Match when={route() === 'paper'}>
                <PaperEntryScreen />
              </Match>
              <Match when={route() === 'paperPrint'}>
                <PaperPrintScreen />
              </Match>
              <Match when={route() === 'paperMismatches'}>
                <MismatchesScreen />
              </Match>
              <Match when={route() === 'paperImport'}>
                <PaperImportScreen />
              </Match>
              <Match when={route() === 'visits'}>
                <VisitsScreen />
              </Match>
              <Match when={route() === 'surveys'}>
                <SurveyLibraryScreen />
              </Match>
              <Match when={route() === 'surveyEditor'}>
                <SurveyEditorScreen />
              </Match>
              <Match when={route() === 'xlsformImport'}>
                <XlsformImportScreen />
              </Match>
              <Match when={route() === 'waves'}>
                <WavesScreen />
              </Match>
            </Switch>
          </Show>
          </Show>
        </Show>
      </main>
    </>
  );
}

/** The staff web screens at /staff: sign-in, then the screens the signed-in role may use. */
export function StaffWebApp(props: { session: StaffSession; initialLanguage: string; rememberLanguage: boolean }) {
  const { session } = props;
  const router = createStaffRouter();
  const [language, setLanguage] = createSignal(props.initialLanguage);
  const [bootError, setBootError] = createSignal<unknown>();
  const [signOutError, setSignOutError] = createSignal<unknown>();

  onMount(() => {
    session.restore().catch((error: unknown) => setBootError(error));
  });
  const changeLanguage = async (next: string) => {
    await switchStaffLanguage(next, props.rememberLanguage);
    setLanguage(next);
  };
  const signOut = async () => {
    setSignOutError(undefined);
    try {
      await session.signOut();
    } catch (error) {
      setSignOutError(error);
    }
  };

  const follow = followInAppLinks(router);
  return (
    // An arrow, so Solid delegates the click without its addEventListener helper (kept out of the kiosk chunk).
    <div class="staff-web" onClick={(event) => follow(event)}>
      <a class="sw-skip" href="#sw-main">
        {t('results:skipToContent')}
      </a>
      <header class="sw-header">
        <p class="sw-brand">{t('results:brand')}</p>
        <LanguagePicker value={language()} onChange={(next) => void changeLanguage(next)} />
        <Show when={session.user()}>
          {(user) => (
            <div class="sw-account">
              <span>{t('results:signedInAs', { email: user().email, role: t(`results:roles.${user().role}`) })}</span>
              <button type="button" class="sw-button sw-button--quiet" onClick={() => void signOut()}>
                {t('results:signOut')}
              </button>
            </div>
          )}
        </Show>
      </header>
      <ErrorNotice error={signOutError()} />
      <Switch>
        <Match when={session.restoring()}>
          <main class="sw-main" id="sw-main">
            <p role="status">{t('results:loading')}</p>
          </main>
        </Match>
        <Match when={bootError() && !session.user()}>
          <main class="sw-main" id="sw-main">
            <h1>{t('results:signIn.title')}</h1>
            <ErrorNotice error={bootError()} />
            <button type="button" class="sw-button" onClick={() => location.reload()}>
              {t('results:retry')}
            </button>
          </main>
        </Match>
        <Match when={!session.user()}>
          <SignInScreen signIn={(email, password) => session.signIn(email, password)} ended={session.ended()} />
        </Match>
        <Match when={session.user()} keyed>
          {(user) => <SignedIn user={user} router={router} session={session} language={language} />}
        </Match>
      </Switch>
    </div>
  );
}
