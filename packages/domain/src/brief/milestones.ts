import type * as Contract from '@throughline/contracts';
/**
 * Upcoming milestones of an episode, from simple transparent rules (no clinical judgement; each
 * milestone says which rule produced it):
 * - `review-due`: a progress review every REVIEW_EVERY attended sessions (measurement-based care
 *   reviews "every few sessions", PRODUCT.md); due at the session after each sixth one.
 * - `planned-ending`: the episode is in its `ending` phase; at its last scheduled session.
 * - `episode-anniversary`: a whole year since the episode opened falls within the next 14 days.
 */
export const REVIEW_EVERY = 6;
const ANNIVERSARY_WINDOW_DAYS = 14;
const DAY = 86_400_000;

export type Milestone = Contract.Milestone;

export type MilestoneInput = {
  phase: string;
  openedAt: Date;
  /** Attended sessions before the brief's session. */
  attendedBefore: number;
  /** The brief's session, or now when there is none. */
  reference: Date;
  lastScheduledAt: Date | null;
};

export function milestones(input: MilestoneInput): Milestone[] {
  const found: Milestone[] = [];
  const n = input.attendedBefore;
  if (n > 0 && n % REVIEW_EVERY === 0) {
    found.push({
      kind: 'review-due',
      at: input.reference,
      detail: `${n} sessions attended: a review is due every ${REVIEW_EVERY} sessions.`,
    });
  }
  if (input.phase === 'ending') {
    found.push({
      kind: 'planned-ending',
      at: input.lastScheduledAt,
      detail: input.lastScheduledAt
        ? 'The episode is ending: this is its last scheduled session.'
        : 'The episode is ending, and no further session is scheduled.',
    });
  }
  const opened = input.openedAt;
  for (let years = 1; years <= 100; years++) {
    const at = new Date(opened);
    at.setUTCFullYear(opened.getUTCFullYear() + years);
    const ahead = at.getTime() - input.reference.getTime();
    if (ahead > ANNIVERSARY_WINDOW_DAYS * DAY) break;
    if (ahead >= 0) {
      found.push({
        kind: 'episode-anniversary',
        at,
        detail: `${years} year${years === 1 ? '' : 's'} since this episode opened.`,
      });
    }
  }
  return found;
}
