import type { SupervisionPart } from '@throughline/contracts';
import type { Role } from './actor';
import type { EpisodeAccess, Relation } from './episode-scope';

/**
 * Named questions a use-case may ask about its caller, instead of comparing roles itself: the
 * answer is decided here, next to the policy, so a new relation is placed once.
 */

/**
 * A clinician's view of the episode — its therapist, a supervisor the client consented to, a
 * designee covering — sees clinician-only fields (reasons, raw scores, alerts); the client does
 * not. What each clinician may open at all is the policy's `who` and `part`.
 */
export function seesTherapistOnlyFields(access: { as: Relation }): boolean {
  return access.as !== 'client';
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

/**
 * The caller may read this part of the episode: a supervisor only when the client's live
 * supervision consent shares it; the parties and a designee (within the actions the policy gives
 * them) are not limited by parts.
 */
export function readsPart(
  access: Pick<EpisodeAccess, 'as' | 'grant'>,
  part: SupervisionPart,
): boolean {
  if (access.as !== 'supervisor') return true;
  return access.grant?.kind === 'supervision' && access.grant.shares.includes(part);
}

/**
 * A party of the episode — its therapist or its client — who can propose and answer agreements
 * and sign for the episode; a supervisor or designee reads, never agrees on anyone's behalf.
 */
export function isPartyOf<A extends { as: Relation }>(
  access: A,
): access is A & { as: 'therapist' | 'client' } {
  return access.as === 'therapist' || access.as === 'client';
}

/** The account is a supervisor (an assignment names only such an account). */
export function supervises(account: { role: Role }): boolean {
  return account.role === 'supervisor';
}

/** The account treats clients (a designee must be one). */
export function treatsClients(account: { role: Role }): boolean {
  return account.role === 'therapist';
}

/**
 * The side of an episode's conversation the caller reads and writes for: the client, or the
 * clinicians — its therapist, or a designee covering for them (issue 10). The policy admits no one
 * else to messages; a supervisor reaching here is a bug, not a reader.
 */
export function messageSide(access: { as: Relation }): 'therapist' | 'client' {
  if (access.as === 'client') return 'client';
  if (access.as === 'therapist' || access.as === 'designee') return 'therapist';
  throw new Error(`messageSide: ${access.as} is not a side of the conversation`);
}
