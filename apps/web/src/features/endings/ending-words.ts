import type { Ending, Wire } from '@throughline/contracts';

/** A calendar date (YYYY-MM-DD) in words: "7 March 2033". */
export function calendarDateWords(day: string, locale?: string): string {
  const value = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(value.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(value);
}

/** The lines under a recorded ending, in plain words (the moment formatted by the caller). */
export function endingWords(
  ending: Pick<Wire<Ending>, 'recordedBy' | 'recordedAt' | 'responsible' | 'retainUntil'>,
  moment: (iso: string) => string,
  locale?: string,
): { recorded: string; responsible?: string; retention?: string } {
  return {
    recorded: `Recorded by ${ending.recordedBy.displayName}, ${moment(ending.recordedAt)}.`,
    ...(ending.responsible
      ? { responsible: `Responsible for the record now: ${ending.responsible.displayName}.` }
      : {}),
    ...(ending.retainUntil
      ? {
          retention: `The record is kept until ${calendarDateWords(ending.retainUntil, locale)}, then reviewed.`,
        }
      : {}),
  };
}
