import type { PlanSchedule } from './due';

export type PlanItem = {
  instrument: string;
  schedule: PlanSchedule;
  /** Only for `every-n-sessions` and `every-n-weeks`. */
  everyN: number | null;
  active: boolean;
  /** Nothing is asked before this day (YYYY-MM-DD); null: from the start. */
  startsOn?: string | null;
};

/**
 * The practice's default measurement plan, given to an episode the first time its plan is read
 * (the therapist changes it from there). PHQ-9 and GAD-7 before every session are the NHS Talking
 * Therapies session-by-session pairing the episode outcome uses (CLINICAL.md §3).
 *
 * Session feedback is asked "after every session". We model it as `before-every-session`: the
 * form sent before session n rates session n − 1, so the due rule skips it before the first
 * session (see `RATES_PREVIOUS_SESSION` in `due.ts`). This keeps one invitation per session
 * instead of a second e-mail after it.
 *
 * CORE-10 every 4 sessions ships switched off: a practice that uses CORE turns it on.
 */
export const DEFAULT_MEASUREMENT_PLAN: readonly PlanItem[] = [
  { instrument: 'phq-9', schedule: 'before-every-session', everyN: null, active: true },
  { instrument: 'gad-7', schedule: 'before-every-session', everyN: null, active: true },
  { instrument: 'session-feedback', schedule: 'before-every-session', everyN: null, active: true },
  { instrument: 'core-10', schedule: 'every-n-sessions', everyN: 4, active: false },
];
