import type { AftercareItem, CheckIn } from '@throughline/contracts';

type Status = CheckIn['status'];
type ReasonKind = AftercareItem['reasons'][number]['kind'];

/** A check-in's status as the therapist reads it on the episode page. */
export const checkInStatusWords: Record<Status, string> = {
  scheduled: 'Not due yet',
  invited: 'Invitation sent, not answered yet',
  reminded: 'Reminded once, not answered yet',
  answered: 'Answered',
  unanswered: 'Not answered (reminded once, then left)',
  cancelled: 'Cancelled (will not be sent)',
};

/** The same status in the client's portal, addressed to them. */
export const portalCheckInStatusWords: Record<Status, string> = {
  scheduled: 'Not open yet',
  invited: 'Ready for you',
  reminded: 'Ready for you',
  answered: 'You answered it',
  unanswered: 'Closed without an answer',
  cancelled: 'Stopped',
};

/** A short heading for each reason a client joined the aftercare queue. */
export const aftercareReasonWords: Record<ReasonKind, string> = {
  deterioration: 'Scores worse than at the ending',
  risk: 'Possible risk',
  reconnect: 'Would like to talk again',
};

/** "1-month check-in", "3-month check-in". */
export function checkInName(afterMonths: number): string {
  return `${afterMonths}-month check-in`;
}

/** Check-ins open for an answer come first, then by due day. */
export function dueFirst<T extends { status: Status; dueOn: string }>(items: readonly T[]): T[] {
  const open = (s: Status) => (s === 'invited' || s === 'reminded' ? 0 : 1);
  return [...items].sort(
    (a, b) => open(a.status) - open(b.status) || a.dueOn.localeCompare(b.dueOn),
  );
}

/** A calendar day (YYYY-MM-DD, already the client's day) as words: "Mon, 5 Jan 2026". */
export function formatDueDay(day: string): string {
  const value = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(value.getTime())) return day;
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(value);
}
