import { ENDING_KIND_PHASES, type EndingKind, type Phase } from '@throughline/contracts';

/**
 * Ending is never a status flip (ETHICS.md; APA 10.10, ACA A.11): an episode closes only once
 * how it ended is recorded (`POST /episodes/:id/ending`). That records the ending and moves the
 * phase in one step; the bare phase move to `closed` remains only for closing aftercare after a
 * planned ending (and aftercare itself follows only a planned ending). Returns why a move is refused, for the therapist; undefined when allowed.
 */
export function closingRefusal(
  to: Phase,
  ending: { kind: EndingKind | string } | undefined,
): string | undefined {
  if (to === 'aftercare' && ending?.kind !== 'planned') {
    return 'Aftercare follows a planned ending. Use "End therapy" and record the planned ending; that moves the episode to aftercare.';
  }
  if (to !== 'closed' || ending) return undefined;
  return 'An episode closes only with a record of how it ended. Use "End therapy" to record the kind of ending and its reason (outreach and a closure letter, a transfer, referrals); that closes the episode.';
}

const IN: Record<Phase, string> = {
  intake: 'in intake',
  active: 'active',
  ending: 'ending',
  aftercare: 'in aftercare',
  closed: 'closed',
};

/** Why `kind` cannot be recorded in `phase`, in plain words; undefined when it can. */
export function endingKindRefusal(kind: EndingKind, phase: Phase): string | undefined {
  if (ENDING_KIND_PHASES[kind].includes(phase)) return undefined;
  switch (kind) {
    case 'planned':
      return `This episode is ${IN[phase]}. A planned ending follows the ending plan both of you agreed: it is recorded once the episode is ending.`;
    case 'not-started':
      return `This episode is ${IN[phase]}. "Therapy did not start" closes an intake; once therapy has started, choose the kind of ending that happened.`;
    default:
      return `This episode is ${IN[phase]}; this kind of ending cannot be recorded now.`;
  }
}

/** The ending's consequence for the phase: a planned ending leads to aftercare. */
export function phaseAfterEnding(kind: EndingKind): Phase {
  return kind === 'planned' ? 'aftercare' : 'closed';
}
