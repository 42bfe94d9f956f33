import { describe, expect, it } from 'vitest';
import type { Role } from './actor';
import { actsAsClient, seesTherapistOnlyFields } from './predicates';

describe('caller predicates', () => {
  it('only the therapist of the episode sees therapist-only fields', () => {
    expect(seesTherapistOnlyFields({ as: 'therapist' })).toBe(true);
    expect(seesTherapistOnlyFields({ as: 'client' })).toBe(false);
  });

  it('acts as the client for the client relation and the client role only', () => {
    expect(actsAsClient({ as: 'client' })).toBe(true);
    expect(actsAsClient({ as: 'therapist' })).toBe(false);
    const roles: Role[] = ['practice_admin', 'therapist', 'supervisor', 'client'];
    expect(roles.filter((role) => actsAsClient({ role }))).toEqual(['client']);
  });
});
