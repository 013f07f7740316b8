import { createApiData } from './createApiData.ts';
import { periodQuery } from './createReportSelection.ts';
import type { StaffContextValue } from './StaffContext.ts';

/** The facility report for the selected survey, facility and period (the dashboard and its print view). */
export function createFacilityReport(staff: StaffContextValue) {
  const { selection } = staff;
  return createApiData(
    () => {
      const survey = selection.surveyId();
      const facility = selection.facilityId();
      if (!survey || !facility) return undefined;
      return { survey, facility, ...periodQuery(selection.period()) };
    },
    (choice) => staff.api.facilityReport(choice),
  );
}
