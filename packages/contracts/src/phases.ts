/**
 * The phases of an episode of care and the only moves between them. Phases change by explicit,
 * recorded actions (who, when, why), never by editing a status. `closed` is final: a client who
 * returns gets a new episode linked to this one.
 */
export const PHASES = ['intake', 'active', 'ending', 'aftercare', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

const NEXT: Record<Phase, readonly Phase[]> = {
  // Intake may close without therapy starting (not a fit, referred on, client withdrew).
  intake: ['active', 'closed'],
  // active → closed is the unplanned ending; its reason records what happened and what was offered
  // (APA 10.10 (c)). A planned ending goes through `ending`.
  active: ['ending', 'closed'],
  // Ending may be paused and therapy resumed; it leads to aftercare or straight to closure.
  ending: ['active', 'aftercare', 'closed'],
  aftercare: ['closed'],
  closed: [],
};

/** The phases an episode in `from` may move to next, in the order of the relationship. */
export function nextPhases(from: Phase): readonly Phase[] {
  return NEXT[from];
}

export function canChangePhase(from: Phase, to: Phase): boolean {
  return NEXT[from].includes(to);
}

/** Why a move is refused, written for the therapist; undefined when it is allowed. */
export function phaseChangeRefusal(from: Phase, to: Phase): string | undefined {
  if (canChangePhase(from, to)) return undefined;
  const allowed = NEXT[from];
  if (allowed.length === 0) {
    return `This episode is ${from}; a closed episode does not change phase. If the client returns, open a new episode.`;
  }
  return `An episode in ${from} cannot move to ${to}. From ${from} it can move to: ${allowed.join(', ')}.`;
}
