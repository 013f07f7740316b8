import type { TabletPinUse } from '../../survey/staffPins.ts';
import type { StaffRole } from '../queries/staff.ts';

/**
 * What a tablet PIN unlocks, by role (docs/staff-api.md, Tablet PINs): mediator mode for those who sit
 * beside residents, the tablet's staff screens for those who manage tablets or surveys.
 * An analyst's PIN unlocks nothing, so it never reaches a tablet.
 */
export const TABLET_PIN_USES_BY_ROLE: Record<StaffRole, readonly TabletPinUse[]> = {
  admin: ['mediate', 'staff-screens'],
  manager: ['mediate', 'staff-screens'],
  designer: ['staff-screens'],
  inspector: ['mediate'],
  mediator: ['mediate'],
  analyst: [],
};

export function tabletPinUses(role: StaffRole): TabletPinUse[] {
  return [...TABLET_PIN_USES_BY_ROLE[role]];
}

/** Roles whose PIN works on every tablet of the organisation; the others only at their assigned facilities. */
export const ORGANISATION_WIDE_PIN_ROLES: readonly StaffRole[] = ['admin', 'designer'];
export const FACILITY_PIN_ROLES: readonly StaffRole[] = ['manager', 'inspector', 'mediator'];
