import type { Database } from '@throughline/db';
import type { Keyring } from '../crypto';
import type { JobQueue } from '../shared/jobs';

export type Role = 'practice_admin' | 'therapist' | 'supervisor' | 'client';
export const ROLES: readonly Role[] = ['practice_admin', 'therapist', 'supervisor', 'client'];

/** Clinicians and admins must use two-factor (HIPAA 164.312(d) person authentication). */
export function roleRequiresTwoFactor(role: Role): boolean {
  return role !== 'client';
}

/**
 * Where a signed-in user is in the sign-in ceremony. Only `complete` reaches the application;
 * the other stages may only finish the ceremony.
 */
export type AuthStage = 'complete' | 'two-factor' | 'enrol-two-factor';

export type SignedIn = {
  kind: 'user';
  userId: string;
  practiceId: string;
  role: Role;
  stage: AuthStage;
  /** True when this sign-in passed a TOTP check (or a token issued to such a user). */
  twoFactorVerified: boolean;
  via: 'session' | 'token' | 'cli';
  /** Hash of the session cookie, for session-scoped actions (sign-out, enrolment). */
  sessionId?: string;
};

export type Actor = { kind: 'anonymous' } | SignedIn;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export type Services = {
  db: Database;
  keyring: Keyring;
  /** Base URL people use to reach the web app, for links in e-mails. */
  publicUrl: string;
  now: () => Date;
  /** The job queue (reminders); absent where no queue runs, and then nothing is scheduled. */
  jobs?: JobQueue;
};

/** What every use-case receives first: who is asking, for which request, with which services. */
export type AccessContext = {
  actor: Actor;
  requestId: string;
  services: Services;
  /** Where an HTTP request came from, recorded on its audit events; absent at the console. */
  client?: RequestOrigin;
};

export type RequestOrigin = { address: string | null; userAgent: string | null };
