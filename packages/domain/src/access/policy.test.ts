import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { ANONYMOUS, type Role, type SignedIn } from './actor';
import { type Action, authorize, POLICY } from './policy';

function user(overrides: Partial<SignedIn> = {}): SignedIn {
  return {
    kind: 'user',
    userId: 'u-1',
    practiceId: 'p-1',
    role: 'therapist',
    stage: 'complete',
    twoFactorVerified: true,
    via: 'session',
    sessionId: 'session-hash',
    ...overrides,
  };
}

/** The error code `authorize` throws, or 'ALLOWED'. */
function decide(actor: Parameters<typeof authorize>[0], action: Action): string {
  try {
    authorize(actor, action);
    return 'ALLOWED';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const ACTIONS = Object.keys(POLICY) as Action[];
const ROLES: Role[] = ['practice_admin', 'therapist', 'supervisor', 'client'];

describe('authorize: anonymous callers', () => {
  it('may only do what is open to anyone; everything else is UNAUTHENTICATED', () => {
    for (const action of ACTIONS) {
      const open = POLICY[action].who === 'anyone';
      expect(decide(ANONYMOUS, action), action).toBe(open ? 'ALLOWED' : 'UNAUTHENTICATED');
    }
  });

  it('open actions are only the public pages, the sign-in, invitation, sign-up-code and password-reset steps and calendar feeds (the token is the credential)', () => {
    const open = ACTIONS.filter((a) => POLICY[a].who === 'anyone').sort();
    expect(open).toEqual([
      'auth.password-reset.complete',
      'auth.password-reset.request',
      'auth.sign-in',
      'calendar.feed.read',
      'docs.read',
      'health.read',
      'invitation.accept',
      'invitation.read',
      'sign-up-code.redeem',
      'web.read',
    ]);
  });
});

describe('authorize: sign-in stages', () => {
  it('a user still at the two-factor step cannot reach the application', () => {
    const halfway = user({ stage: 'two-factor', twoFactorVerified: false });
    expect(decide(halfway, 'me.read')).toBe('TWO_FACTOR_REQUIRED');
    expect(decide(halfway, 'client.list')).toBe('TWO_FACTOR_REQUIRED');
    expect(decide(halfway, 'token.create')).toBe('TWO_FACTOR_REQUIRED');
    expect(decide(halfway, 'auth.two-factor.verify')).toBe('ALLOWED');
    expect(decide(halfway, 'auth.sign-out')).toBe('ALLOWED');
    expect(decide(halfway, 'auth.two-factor.enrol')).toBe('TWO_FACTOR_REQUIRED');
  });

  it('a clinician who has not enrolled may only enrol or sign out', () => {
    const enrolling = user({ stage: 'enrol-two-factor', twoFactorVerified: false });
    for (const action of ACTIONS) {
      if (POLICY[action].who === 'anyone') continue;
      const expected = ['auth.two-factor.enrol', 'auth.sign-out'].includes(action)
        ? 'ALLOWED'
        : 'TWO_FACTOR_ENROLMENT_REQUIRED';
      expect(decide(enrolling, action), action).toBe(expected);
    }
  });

  it('a complete sign-in cannot run the two-factor step again', () => {
    expect(decide(user(), 'auth.two-factor.verify')).not.toBe('ALLOWED');
  });
});

describe('authorize: roles', () => {
  it('a role-denied record action answers NOT_FOUND (hides existence)', () => {
    expect(decide(user({ role: 'practice_admin' }), 'client.read')).toBe('NOT_FOUND');
  });

  it('a role-denied collection action answers FORBIDDEN', () => {
    expect(decide(user({ role: 'client' }), 'client.list')).toBe('FORBIDDEN');
    expect(decide(user({ role: 'practice_admin' }), 'client.list')).toBe('FORBIDDEN');
    expect(decide(user({ role: 'supervisor' }), 'client.create')).toBe('FORBIDDEN');
    expect(decide(user({ role: 'therapist' }), 'audit.verify')).toBe('FORBIDDEN');
    expect(decide(user({ role: 'therapist' }), 'outbox.read')).toBe('FORBIDDEN');
    expect(decide(user({ role: 'therapist' }), 'user.deactivate')).toBe('FORBIDDEN');
    expect(decide(user({ role: 'practice_admin' }), 'user.deactivate')).toBe('ALLOWED');
  });

  it('follows the role lists of the policy for every role and action', () => {
    for (const action of ACTIONS) {
      const rule = POLICY[action] as { who: unknown; hidesExistence?: boolean; stages?: unknown };
      if (!Array.isArray(rule.who) || rule.stages) continue;
      for (const role of ROLES) {
        const expected = rule.who.includes(role)
          ? 'ALLOWED'
          : rule.hidesExistence
            ? 'NOT_FOUND'
            : 'FORBIDDEN';
        expect(decide(user({ role }), action), `${role} ${action}`).toBe(expected);
      }
    }
  });

  it('clinical content actions are never open to the practice admin', () => {
    for (const action of ['client.list', 'client.read', 'client.create', 'portal.read'] as const) {
      expect(decide(user({ role: 'practice_admin' }), action), action).not.toBe('ALLOWED');
    }
  });
});

describe('authorize: creating API tokens', () => {
  it('is allowed to a two-factor-verified browser session', () => {
    expect(decide(user(), 'token.create')).toBe('ALLOWED');
  });

  it('is refused to a bearer-token actor, so a token cannot mint more tokens', () => {
    expect(decide(user({ via: 'token', sessionId: undefined }), 'token.create')).toBe('FORBIDDEN');
    // The same token may still list its owner's tokens.
    expect(decide(user({ via: 'token', sessionId: undefined }), 'token.list')).toBe('ALLOWED');
  });

  it('is refused to a session that did not pass two-factor (a client without it)', () => {
    const client = user({ role: 'client', twoFactorVerified: false });
    expect(decide(client, 'token.create')).toBe('FORBIDDEN');
    expect(decide(client, 'me.read')).toBe('ALLOWED');
  });

  it('explains how to get there', () => {
    expect(() => authorize(user({ twoFactorVerified: false }), 'token.create')).toThrow(
      /two-factor/,
    );
  });
});
