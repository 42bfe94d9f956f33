import type { Role } from './actor';
import type { Relation } from './episode-scope';

/**
 * Named questions a use-case may ask about its caller, instead of comparing roles itself: the
 * answer is decided here, next to the policy, so a new relation (a supervisor with a grant) is
 * placed once.
 */

/** The therapist of the episode sees clinician-only fields (reasons, raw scores, alerts). */
export function seesTherapistOnlyFields(access: { as: Relation }): boolean {
  return access.as === 'therapist';
}

/**
 * The caller (or an account) is the client themself — the portal — not a clinician: for what they
 * are shown (their own time zone, no alerts) and which e-mail rule applies to them.
 */
export function actsAsClient(subject: { role: Role } | { as: Relation }): boolean {
  return 'as' in subject ? subject.as === 'client' : subject.role === 'client';
}

/** The account administers the practice: a practice keeps at least one active administrator. */
export function administersPractice(account: { role: Role }): boolean {
  return account.role === 'practice_admin';
}
