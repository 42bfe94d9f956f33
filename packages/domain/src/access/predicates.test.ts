import { describe, expect, it } from 'vitest';
import type { Role } from './actor';
import { roleMay } from './policy';
import { actsAsClient, administersPractice, seesTherapistOnlyFields } from './predicates';

describe('caller predicates', () => {
  it("a clinician's view sees therapist-only fields; the client's never does", () => {
    expect(seesTherapistOnlyFields({ as: 'therapist' })).toBe(true);
    expect(seesTherapistOnlyFields({ as: 'supervisor' })).toBe(true);
    expect(seesTherapistOnlyFields({ as: 'designee' })).toBe(true);
    expect(seesTherapistOnlyFields({ as: 'client' })).toBe(false);
  });

  it('acts as the client for the client relation and the client role only', () => {
    expect(actsAsClient({ as: 'client' })).toBe(true);
    expect(actsAsClient({ as: 'therapist' })).toBe(false);
    const roles: Role[] = ['practice_admin', 'therapist', 'supervisor', 'client'];
    expect(roles.filter((role) => actsAsClient({ role }))).toEqual(['client']);
  });

  const roles: Role[] = ['practice_admin', 'therapist', 'supervisor', 'client'];

  it('only an administrator administers the practice (the last one cannot be deactivated)', () => {
    expect(roles.filter((role) => administersPractice({ role }))).toEqual(['practice_admin']);
  });

  it('a calendar feed may stand only for a role that may manage one (the policy decides)', () => {
    expect(roles.filter((role) => roleMay(role, 'calendar.feed.manage'))).toEqual([
      'therapist',
      'client',
    ]);
    expect(roleMay('supervisor', 'health.read')).toBe(true);
    expect(roleMay('client', 'user.list')).toBe(false);
  });
});
