import { type ShownWindow, zoneSuffix } from '@throughline/contracts';
import { contactChannelLabels, weekdayLabels } from '../../app/labels';

type Window = { weekday: number; from: string; to: string; endsNextDay?: boolean };

/** "Monday, 13:00 to 21:00" — or "… to 01:00 the next day" when it crosses midnight. */
export function windowText(w: Window): string {
  return `${weekdayLabels[w.weekday] ?? 'Day'}, ${w.from} to ${w.to}${w.endsNextDay ? ' the next day' : ''}`;
}

/** "within 2 days", "within 24 hours" … */
export function responseTimeText(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `within ${hours / 24} days`;
  return `within ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

export function channelsText(channels: Record<'messages' | 'email' | 'phone', boolean>): string[] {
  return (Object.keys(contactChannelLabels) as (keyof typeof contactChannelLabels)[])
    .filter((k) => channels[k])
    .map((k) => contactChannelLabels[k]);
}

/** The hours heading: "Hours (London time)". */
export function hoursHeading(zone: string): string {
  return `When your therapist works (${zoneSuffix(zone)})`;
}

export type { ShownWindow };
