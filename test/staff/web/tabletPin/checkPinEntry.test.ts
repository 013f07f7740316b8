import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import { checkPinEntry, pinReach, pinServerRefusal } from '../../../../src/staff/web/tabletPin/checkPinEntry.ts';

describe('the tablet PIN form', () => {
  it('asks for 6 to 8 digits before anything else', () => {
    for (const pin of ['', '12345', '123456789', '12a456', ' 482913', '48 2913']) expect(checkPinEntry({ pin, repeat: pin, password: 'secret' }), pin).toBe('pattern');
    for (const pin of ['482913', '4829137', '48291375']) expect(checkPinEntry({ pin, repeat: pin, password: 'secret' }), pin).toBeNull();
  });

  it('refuses a repeat that differs, then an empty password', () => {
    expect(checkPinEntry({ pin: '482913', repeat: '482931', password: '' })).toBe('mismatch');
    expect(checkPinEntry({ pin: '482913', repeat: '482913', password: '' })).toBe('password');
  });

  it('leaves weak PINs to the server, which says weak_pin', () => {
    expect(checkPinEntry({ pin: '123456', repeat: '123456', password: 'secret' })).toBeNull();
    expect(checkPinEntry({ pin: '111111', repeat: '111111', password: 'secret' })).toBeNull();
  });

  it('explains the server\'s weak_pin, invalid_pin and invalid_credentials in its own words, and nothing else', () => {
    expect(pinServerRefusal(new StaffApiError(400, 'weak_pin', 'too easy'))).toBe('weak_pin');
    expect(pinServerRefusal(new StaffApiError(400, 'invalid_pin', 'digits'))).toBe('invalid_pin');
    expect(pinServerRefusal(new StaffApiError(401, 'invalid_credentials', 'wrong'))).toBe('invalid_credentials');
    expect(pinServerRefusal(new StaffApiError(403, 'csrf_failed', 'token'))).toBeNull();
    expect(pinServerRefusal(new StaffApiError(0, 'network', 'offline'))).toBeNull();
    expect(pinServerRefusal(new Error('weak_pin'))).toBeNull();
  });

  it('says org-wide roles reach every tablet and the others their facilities\' (docs/device-api.md, bundle)', () => {
    expect(pinReach('admin')).toBe('organisation');
    expect(pinReach('designer')).toBe('organisation');
    expect(pinReach('manager')).toBe('facilities');
    expect(pinReach('inspector')).toBe('facilities');
    expect(pinReach('mediator')).toBe('facilities');
  });
});
