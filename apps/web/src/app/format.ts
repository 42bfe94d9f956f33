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

/** A moment shown in a named IANA time zone, with the zone, e.g. "2 Mar 2026, 10:00 (Europe/London)". */
export function formatInZone(iso: string | null | undefined, timeZone?: string | null): string {
  if (!iso) return '—';
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return iso;
  if (!timeZone) return dateTime.format(value);
  try {
    const zoned = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    return `${zoned.format(value)} (${timeZone})`;
  } catch {
    return dateTime.format(value);
  }
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
