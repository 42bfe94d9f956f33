import { zoneSuffix } from '@throughline/contracts';
import { canonicalZone, sameZone, viewerTimeZone } from './time-zones';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : date.format(value);
}

export type ZoneFormatOptions = {
  /** The zone of the person reading; the browser's by default (tests pass it explicitly). */
  viewerZone?: string;
  /** BCP 47 locale; the browser's by default (tests pass it explicitly). */
  locale?: string;
  /** Show only the date ("Tue, 20 Oct 2026"), still read in the record's zone. */
  dateOnly?: boolean;
};

export { zoneSuffix };

/**
 * A moment (a session, an appointment) as the record's own zone reads it, with the zone named
 * only when it differs from the viewer's: "Tue, Oct 20, 2026, 10:00 AM (London time)" for a
 * viewer in New York, "Tue, Oct 20, 2026, 10:00 AM" for one in London. Without a zone the moment
 * is shown in the viewer's zone. This is the one formatter for session and appointment times
 * (issue 9, item 5; docs/appointments.md).
 */
export function formatInZone(
  iso: string | Date | null | undefined,
  timeZone?: string | null,
  options: ZoneFormatOptions = {},
): string {
  if (!iso) return '—';
  const value = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(value.getTime())) return String(iso);
  const viewer = options.viewerZone ?? viewerTimeZone();
  const zone = timeZone && canonicalZone(timeZone) ? timeZone : viewer;
  const text = new Intl.DateTimeFormat(options.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(options.dateOnly ? {} : { hour: 'numeric', minute: '2-digit' }),
    timeZone: zone,
  }).format(value);
  return sameZone(zone, viewer) ? text : `${text} (${zoneSuffix(zone)})`;
}

/** "today", "1 day ago", "12 days ago" — or a dash when unknown. */
export function formatDaysAgo(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  if (days <= 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** A homework item's progress in one line, as the episode page and the brief both show it. */
export function formatHomeworkProgress(item: {
  status: 'assigned' | 'done';
  completedAt: string | null;
  dueOn: string | null;
}): string {
  const done = item.status === 'done' ? `Done ${formatDate(item.completedAt)}` : 'Not done yet';
  return item.dueOn ? `${done} · due ${formatDate(item.dueOn)}` : done;
}
