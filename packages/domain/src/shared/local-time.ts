import { DateTime } from 'luxon';

/** An instant as local wall-clock time in `zone`, ISO 8601 with its offset (e.g. 2026-06-01T10:00:00-04:00). */
export function localIso(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(instant, { zone: 'UTC' })).toISO({
    suppressMilliseconds: true,
  }) as string;
}

/**
 * A timestamptz as PostgreSQL prints it in raw queries (Drizzle leaves them as text, e.g.
 * "2026-06-01 14:00:00+00"), as a Date.
 */
export function fromPg(value: string): Date;
export function fromPg(value: string | null): Date | null;
export function fromPg(value: string | null): Date | null {
  if (value === null) return null;
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** A row as a raw query returns it: timestamps as text (convert them with fromPg). */
export type Raw<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
