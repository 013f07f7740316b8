import { createSignal, onCleanup } from 'solid-js';
import type { StaffRole } from './api/wireSchemas.ts';

/** The staff screens, each at its own address under /staff (a reload or a shared link opens the same screen). */
export const STAFF_ROUTES = ['dashboard', 'comparison', 'breakdown', 'assistance', 'comments', 'exports', 'admin', 'facilities', 'tabletPin', 'print', 'paper', 'paperPrint', 'paperMismatches', 'paperImport', 'visits', 'surveys', 'surveyEditor', 'xlsformImport', 'waves'] as const;
export type StaffRoute = (typeof STAFF_ROUTES)[number];

const PATHS: Record<StaffRoute, string> = {
  dashboard: '/staff',
  comparison: '/staff/comparison',
  breakdown: '/staff/breakdown',
  assistance: '/staff/assistance',
  comments: '/staff/comments',
  exports: '/staff/exports',
  admin: '/staff/admin',
  facilities: '/staff/facilities',
  tabletPin: '/staff/tablet-pin',
  print: '/staff/print',
  paper: '/staff/paper',
  paperPrint: '/staff/paper/print',
  paperMismatches: '/staff/paper/mismatches',
  paperImport: '/staff/paper/import',
  visits: '/staff/visits',
  surveys: '/staff/surveys',
  surveyEditor: '/staff/surveys/edit',
  xlsformImport: '/staff/surveys/import',
  waves: '/staff/waves',
};

/** Who sees which screen in the navigation; the server checks every call anyway (docs/staff-api.md, Roles). */
export const ROUTE_ROLES: Record<StaffRoute, readonly StaffRole[]> = {
  dashboard: ['admin', 'analyst', 'manager'],
  comparison: ['admin', 'analyst'],
  breakdown: ['admin', 'analyst', 'manager'],
  assistance: ['admin', 'analyst', 'manager'],
  comments: ['admin', 'analyst', 'manager'],
  exports: ['admin', 'analyst', 'manager'],
  admin: ['admin', 'manager'],
  facilities: ['designer', 'inspector', 'mediator'],
  // Every role may set a personal PIN, even one it cannot use on a tablet yet (analyst): the screen says so.
  tabletPin: ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'],
  print: ['admin', 'analyst', 'manager'],
  // Paper work (docs/paper-api.md): inspectors for their facilities, and the staff who run those facilities.
  paper: ['admin', 'manager', 'inspector'],
  paperPrint: ['admin', 'manager', 'inspector'],
  paperMismatches: ['admin', 'manager', 'inspector'],
  paperImport: ['admin', 'manager', 'inspector'],
  visits: ['admin', 'analyst', 'manager', 'inspector'],
  // Authoring (docs/authoring-api.md): the organisation's surveys are written by designers and admins.
  surveys: ['admin', 'designer'],
  surveyEditor: ['admin', 'designer'],
  xlsformImport: ['admin', 'designer'],
  // Waves are set up centrally; managers print their facilities' invitations and see participation.
  waves: ['admin', 'analyst', 'manager'],
};

/** The name of a screen in the navigation and the title bar (screens added by issue 7 keep their words under their own keys). */
export function routeLabelKey(route: StaffRoute): string {
  if (route === 'tabletPin') return 'results:tabletPin.nav';
  if (route === 'assistance') return 'results:assistance.nav';
  if (route === 'paper') return 'results:paperEntry.nav';
  if (route === 'paperPrint') return 'results:paperPrint.nav';
  if (route === 'paperMismatches') return 'results:paperEntry.mismatchesNav';
  if (route === 'paperImport') return 'results:paperImport.nav';
  if (route === 'visits') return 'results:visits.nav';
  if (route === 'surveys' || route === 'surveyEditor' || route === 'xlsformImport' || route === 'waves') return `results:authoringNav.${route}`;
  return `results:nav.${route}`;
}

export function routeAllowed(route: StaffRoute, role: StaffRole): boolean {
  return ROUTE_ROLES[route].includes(role);
}

/** The first screen of a role: results for those who see them, the facility list for the others. */
export function homeRoute(role: StaffRole): StaffRoute {
  if (routeAllowed('dashboard', role)) return 'dashboard';
  return routeAllowed('surveys', role) ? 'surveys' : 'facilities';
}

export function routeOfPath(pathname: string): StaffRoute | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  return STAFF_ROUTES.find((route) => PATHS[route] === path);
}

export function pathOfRoute(route: StaffRoute): string {
  return PATHS[route];
}

/** The address bar as signals; links push history entries and the back button works. */
export function createStaffRouter() {
  const read = () => ({ pathname: location.pathname, search: location.search });
  const [current, setCurrent] = createSignal(read());
  const onPop = () => setCurrent(read());
  window.addEventListener('popstate', onPop);
  onCleanup(() => window.removeEventListener('popstate', onPop));

  return {
    route: () => routeOfPath(current().pathname),
    search: () => new URLSearchParams(current().search),
    href: (route: StaffRoute, search = current().search) => `${PATHS[route]}${search}`,
    navigate(route: StaffRoute, search = current().search) {
      history.pushState(null, '', `${PATHS[route]}${search}`);
      setCurrent(read());
    },
    /** Follows an in-app link (/staff/...) without reloading the page. */
    follow(href: string) {
      const url = new URL(href, location.href);
      history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
      setCurrent(read());
    },
    /** Changes the query string in place (filters), without a new history entry. */
    replaceSearch(params: URLSearchParams) {
      const text = params.toString();
      history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}`);
      setCurrent(read());
    },
  };
}

export type StaffRouter = ReturnType<typeof createStaffRouter>;
