import type { LocalizedText } from '../../survey/schema.ts';
import type { StaffApi } from './api/makeStaffApi.ts';
import type { Facility, StaffUser, SurveySummary } from './api/wireSchemas.ts';
import type { ReportSelection } from './createReportSelection.ts';
import type { StaffRouter } from './createStaffRouter.ts';

/** What every signed-in staff screen shares: the API, who is signed in, the lists to pick from, the selection. */
export interface StaffContextValue {
  api: StaffApi;
  user: () => StaffUser;
  router: StaffRouter;
  selection: ReportSelection;
  /** The facilities the caller may see (GET /staff/facilities); undefined while loading. */
  facilities: () => Facility[] | undefined;
  /** Current survey versions (GET /staff/surveys); undefined while loading or for roles without surveys. */
  surveys: () => SurveySummary[] | undefined;
  /** The staff member's language (the app's own words). */
  language: () => string;
  /** Survey text (questions, choices, topics) in the staff member's language, else the survey's default. */
  surveyText: (text: LocalizedText | undefined, survey?: { defaultLanguage: string } | undefined) => string;
  /** Reloads the facilities (after the admin screen changed one). */
  refetchFacilities: () => void;
}

/*
 * A module-level holder rather than Solid's createContext: solid-js lives in the kiosk's main
 * chunk, so every Solid helper the staff screens use is code the respondent's first screen loads.
 * One staff member is signed in per page, and SignedIn sets this before rendering any screen.
 */
let current: StaffContextValue | undefined;

export function provideStaff(value: StaffContextValue): void {
  current = value;
}

export function useStaff(): StaffContextValue {
  if (!current) throw new Error('useStaff outside a signed-in staff screen');
  return current;
}
