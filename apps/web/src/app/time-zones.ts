import { zoneName } from '@throughline/contracts';

export { zoneName };

/**
 * Time zones for people: "London", "New York", "Buenos Aires" rather than IANA ids such as
 * `America/Argentina/Buenos_Aires` (issue 9, item 5). The id stays the stored value; only the
 * words on screen change.
 */

/** The zone the viewer's browser is in (the person reading the screen). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The canonical id of a zone (aliases such as `Etc/UTC` become `UTC`), or null if unknown. */
export function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether two zone ids name the same zone (`Etc/UTC` and `UTC` do). */
export function sameZone(a: string, b: string): boolean {
  return a === b || (canonicalZone(a) ?? a) === (canonicalZone(b) ?? b);
}

/** The region of a zone for a picker: "Europe", "America · Argentina"; null for UTC and the like. */
export function zoneRegion(zone: string): string | null {
  const parts = zone.split('/');
  if (parts.length < 2 || parts[0] === 'Etc') return null;
  return parts.slice(0, -1).join(' · ').replaceAll('_', ' ');
}

/** "London (Europe)", "Buenos Aires (America · Argentina)", "UTC": a zone as a picker shows it. */
export function zoneLabel(zone: string): string {
  const region = zoneRegion(zone);
  return region ? `${zoneName(zone)} (${region})` : zoneName(zone);
}

export type ZoneOption = { value: string; label: string };

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [viewerTimeZone()];
  }
}

/**
 * Every zone the browser knows, as picker options sorted by place name, with UTC and the given
 * current values included even when the browser's list lacks them.
 */
export function zoneOptions(...current: (string | null | undefined)[]): ZoneOption[] {
  const ids = new Set(['UTC', ...supportedZones()]);
  for (const zone of current) if (zone) ids.add(zone);
  return [...ids]
    .map((value) => ({ value, label: zoneLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
