import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../../src/staff/web/api/wireSchemas.ts';
import { pathOfRoute, routeAllowed, routeLabelKey, routeOfPath } from '../../../src/staff/web/createStaffRouter.ts';

describe('the staff screens added for mediator mode', () => {
  it('gives every role its tablet PIN screen at /staff/tablet-pin', () => {
    expect(routeOfPath('/staff/tablet-pin')).toBe('tabletPin');
    expect(routeOfPath('/staff/tablet-pin/')).toBe('tabletPin');
    expect(pathOfRoute('tabletPin')).toBe('/staff/tablet-pin');
    for (const role of STAFF_ROLES) expect(routeAllowed('tabletPin', role), role).toBe(true);
  });

  it('shows the assistance screen to those who read results, and no one else', () => {
    expect(routeOfPath('/staff/assistance')).toBe('assistance');
    expect(STAFF_ROLES.filter((role) => routeAllowed('assistance', role))).toEqual(['admin', 'analyst', 'manager']);
  });

  it('names the new screens from their own string keys and the others from nav', () => {
    expect(routeLabelKey('tabletPin')).toBe('results:tabletPin.nav');
    expect(routeLabelKey('assistance')).toBe('results:assistance.nav');
    expect(routeLabelKey('comments')).toBe('results:nav.comments');
  });
});
