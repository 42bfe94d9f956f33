/**
 * A time zone in words, for screens and e-mails alike (issue 9, item 5): the place an IANA id is
 * named after, never the id itself.
 */

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Etc/GMT']);

/**
 * The place a zone is named after: the last part of its id with underscores as spaces
 * ("Europe/London" → "London", "America/Argentina/Buenos_Aires" → "Buenos Aires"), "UTC" for
 * universal time, and "UTC−5" for the fixed-offset `Etc/GMT+5` (whose sign is inverted by POSIX).
 */
export function zoneName(zone: string): string {
  if (UTC_NAMES.has(zone)) return 'UTC';
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (fixed) return `UTC${fixed[1] === '+' ? '−' : '+'}${fixed[2]}`;
  const city = zone.split('/').at(-1) ?? zone;
  return city.replaceAll('_', ' ');
}

/** The words after a time in another zone: "London time", "UTC", "UTC−5". */
export function zoneSuffix(zone: string): string {
  const name = zoneName(zone);
  return name.startsWith('UTC') ? name : `${name} time`;
}
