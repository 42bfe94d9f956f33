import type { SignedIn } from './actor';
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

/** The caller acts for the client themself (the portal), not as a clinician of the episode. */
export function actsAsClient(subject: SignedIn | { as: Relation }): boolean {
  return 'as' in subject ? subject.as === 'client' : subject.role === 'client';
}

/** The caller holds a caseload of their own (therapist-only lists: caseload, timeline, threads). */
export function holdsCaseload(actor: SignedIn): boolean {
  return actor.role === 'therapist';
}
