/**
 * Which questionnaires are due before a session: a pure function of the plan and what the episode
 * already has. No I/O, so every branch is unit-tested.
 */

export { PLAN_SCHEDULES, type PlanSchedule } from '@throughline/contracts';

import type { PlanSchedule } from '@throughline/contracts';

/**
 * Instruments that rate the previous session (session feedback, CLINICAL.md §1): asked before the
 * next session, so there is nothing to rate before the first.
 */
export const RATES_PREVIOUS_SESSION: ReadonlySet<string> = new Set(['session-feedback']);

const DAY_MS = 86_400_000;
/** How long a weekly / monthly measure counts as recent. */
export const PERIOD_DAYS = { weekly: 7, monthly: 30 } as const;

export type DueInput = {
  plan: readonly {
    instrument: string;
    schedule: PlanSchedule;
    everyN: number | null;
    active: boolean;
    startsOn?: string | null;
  }[];
  /** The session's calendar day in the client's zone (YYYY-MM-DD), compared with `startsOn`. */
  atDay?: string;
  /** The upcoming session's number in the episode: attended sessions so far + 1. */
  sessionNumber: number;
  /** When the upcoming session starts. */
  at: Date;
  phase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';
  /** When the episode entered `ending` (for intake-and-ending), if it is ending. */
  endingSince?: Date | undefined;
  /**
   * Per instrument, the latest moment it was asked or answered for another session: a response's
   * completion or a task's due time (tasks of this same session excluded).
   */
  lastActivity: ReadonlyMap<string, Date>;
};

export type DueInstrument = { instrument: string; reason: string };

/** The active plan items due before the session, each with the rule that made it due. */
export function dueInstruments(input: DueInput): DueInstrument[] {
  const due: DueInstrument[] = [];
  for (const item of input.plan) {
    if (!item.active) continue;
    if (RATES_PREVIOUS_SESSION.has(item.instrument) && input.sessionNumber <= 1) continue;
    // ISO days compare as strings; nothing is asked before the day the therapist chose.
    if (item.startsOn && input.atDay && input.atDay < item.startsOn) continue;
    const reason = dueReason(item, input);
    if (reason) due.push({ instrument: item.instrument, reason });
  }
  return due;
}

function dueReason(item: DueInput['plan'][number], input: DueInput): string | undefined {
  const last = input.lastActivity.get(item.instrument);
  switch (item.schedule) {
    case 'before-every-session':
      return 'before every session';
    case 'every-n-sessions': {
      const n = item.everyN ?? 0;
      if (n < 1) return undefined;
      // Sessions 1, n + 1, 2n + 1 …: the first session gives the baseline.
      return (input.sessionNumber - 1) % n === 0
        ? `every ${n} sessions (session ${input.sessionNumber})`
        : undefined;
    }
    case 'every-n-weeks': {
      const n = item.everyN ?? 0;
      if (n < 1) return undefined;
      const recent = last && last.getTime() > input.at.getTime() - n * 7 * DAY_MS;
      return recent ? undefined : `every ${n} weeks: none in the last ${n * 7} days`;
    }
    case 'once': {
      // Once from its start day: not again once it was asked or answered on or after that day.
      const since = item.startsOn ? Date.parse(`${item.startsOn}T00:00:00Z`) : 0;
      return last && last.getTime() >= since ? undefined : 'once';
    }
    case 'weekly':
    case 'monthly': {
      const days = PERIOD_DAYS[item.schedule];
      const recent = last && last.getTime() > input.at.getTime() - days * DAY_MS;
      return recent ? undefined : `${item.schedule}: none in the last ${days} days`;
    }
    case 'intake-and-ending': {
      if (input.sessionNumber === 1) return 'at intake (first session)';
      if (input.phase !== 'ending') return undefined;
      // Once in the ending phase: not again if it was asked or answered since the ending began.
      const since = input.endingSince;
      if (last && (!since || last.getTime() >= since.getTime())) return undefined;
      return 'at ending';
    }
  }
}
