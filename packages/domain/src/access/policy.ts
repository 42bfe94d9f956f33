import { AppError } from '../shared/errors';
import type { AccessContext, Actor, AuthStage, Role, SignedIn } from './actor';

/**
 * Every action the API can perform, with who may attempt it. Record-level scoping (this therapist,
 * this client) is applied by each module's repository on top of this; anything not listed is denied.
 */
type Rule = {
  /** `anyone` includes anonymous callers. */
  who: 'anyone' | 'signed-in' | readonly Role[];
  /** Sign-in stages allowed; default only `complete`. */
  stages?: readonly AuthStage[];
  /** A denied caller gets 404 (as if the record did not exist) rather than 403. */
  hidesExistence?: boolean;
  /** Only a session that passed two-factor may do this (not a bearer token). */
  needsVerifiedSession?: boolean;
};

const CEREMONY: readonly AuthStage[] = ['two-factor', 'enrol-two-factor', 'complete'];

export const POLICY = {
  'health.read': { who: 'anyone' },
  'docs.read': { who: 'anyone' },
  'web.read': { who: 'anyone' },
  'auth.sign-in': { who: 'anyone' },
  'auth.sign-out': { who: 'signed-in', stages: CEREMONY },
  'auth.two-factor.verify': { who: 'signed-in', stages: ['two-factor'] },
  'auth.two-factor.enrol': { who: 'signed-in', stages: ['enrol-two-factor', 'complete'] },
  'invitation.read': { who: 'anyone' },
  'invitation.accept': { who: 'anyone' },
  'me.read': { who: 'signed-in' },
  'portal.read': { who: ['client'] },
  'client.list': { who: ['therapist', 'supervisor'] },
  'client.create': { who: ['therapist'] },
  'client.read': { who: ['therapist', 'supervisor', 'client'], hidesExistence: true },
  'token.list': { who: 'signed-in' },
  'token.create': { who: 'signed-in', needsVerifiedSession: true },
  'token.revoke': { who: 'signed-in', hidesExistence: true },
  'user.list': { who: ['practice_admin'] },
  'user.create': { who: ['practice_admin'] },
  'practice.read': { who: ['practice_admin'] },
  'practice.update': { who: ['practice_admin'] },
  'outbox.read': { who: ['practice_admin'] },
  'audit.verify': { who: ['practice_admin'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(POLICY, value);
}

function stageError(stage: AuthStage): AppError {
  if (stage === 'complete') {
    // Only the ceremony's own steps exclude a complete sign-in (e.g. a second verify).
    return new AppError('FORBIDDEN', 'You have already finished signing in.');
  }
  return stage === 'two-factor'
    ? new AppError('TWO_FACTOR_REQUIRED', 'Enter the code from your authenticator app first.')
    : new AppError(
        'TWO_FACTOR_ENROLMENT_REQUIRED',
        'Set up two-factor authentication before continuing: clinicians and administrators must use it.',
      );
}

/** Throws unless `actor` may attempt `action`. Default deny. */
export function authorize(actor: Actor, action: Action): void {
  const rule: Rule = POLICY[action];
  if (rule.who === 'anyone') return;
  if (actor.kind !== 'user') {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  }
  const stages = rule.stages ?? ['complete'];
  if (!stages.includes(actor.stage)) throw stageError(actor.stage);
  if (rule.who !== 'signed-in' && !rule.who.includes(actor.role)) {
    throw rule.hidesExistence
      ? new AppError('NOT_FOUND', 'No record with that id was found.')
      : new AppError('FORBIDDEN', 'Your role does not allow this.');
  }
  if (rule.needsVerifiedSession && !(actor.via !== 'token' && actor.twoFactorVerified)) {
    throw new AppError(
      'FORBIDDEN',
      'Only a signed-in user who has passed two-factor authentication can do this. Enable two-factor in your security settings, then sign in again.',
    );
  }
}

/** The signed-in caller of a use-case that has already been authorized. */
export function signedIn(ctx: AccessContext): SignedIn {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return ctx.actor;
}
