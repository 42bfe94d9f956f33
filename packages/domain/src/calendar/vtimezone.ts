import { DateTime } from 'luxon';

const HOUR = 3_600_000;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const offsetAt = (ms: number, zone: string): number => DateTime.fromMillis(ms, { zone }).offset;

/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, listing each offset change between two years
 * explicitly (no RRULE), computed from the runtime's time-zone data. RFC 5545 requires one for
 * every TZID a calendar uses.
 */
const cache = new Map<string, string>();

export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone}|${fromYear}|${toYear}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const text = build(zone, fromYear, toYear);
  if (cache.size > 500) cache.clear();
  cache.set(key, text);
  return text;
}

function build(zone: string, fromYear: number, toYear: number): string {
  const start = DateTime.fromObject({ year: fromYear }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: toYear + 1 }, { zone: 'utc' }).toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const initial = offsetAt(start, zone);
  const component = (at: number, from: number, to: number) => {
    const kind = to > from ? 'DAYLIGHT' : 'STANDARD';
    const local = DateTime.fromMillis(at, { zone: 'utc' }).plus({ minutes: from });
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local.toFormat("yyyyMMdd'T'HHmmss")}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  let previous = initial;
  let changes = 0;
  for (let t = start; t < end; t += 6 * HOUR) {
    const next = offsetAt(t + 6 * HOUR, zone);
    if (next === previous) continue;
    // Binary search the minute of the change.
    let lo = t;
    let hi = t + 6 * HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, zone) === previous) lo = mid;
      else hi = mid;
    }
    component(hi, previous, next);
    previous = next;
    changes += 1;
  }
  if (changes === 0) component(start, initial, initial);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
