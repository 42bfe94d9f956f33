import type { EndingPlan, TaperCadence, Wire } from '@throughline/contracts';
import { formatInZone } from '../../app/format';

export const cadenceLabels: Record<TaperCadence, string> = {
  weekly: 'every week',
  fortnightly: 'every two weeks',
  monthly: 'once a month',
};

/** A calendar day (YYYY-MM-DD) in words, e.g. "Tue, 15 Dec 2026": a day, not a moment. */
export function dayText(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "After 1, 3 and 6 months", or that none were chosen. */
export function checkInsText(months: readonly number[], locale?: string): string {
  if (months.length === 0) return 'No check-ins after the ending.';
  const sorted = [...months].sort((a, b) => a - b).map(String);
  const list = new Intl.ListFormat(locale ?? 'en', { type: 'conjunction' }).format(sorted);
  return `Check-ins ${list} ${months.length === 1 && months[0] === 1 ? 'month' : 'months'} after the ending.`;
}

type Viewer = 'therapist' | 'client';

function partyName(party: 'therapist' | 'client', viewer: Viewer, clientName: string): string {
  if (party === viewer) return 'You';
  return party === 'therapist' ? 'Your therapist' : clientName;
}

/** Who proposed a version and who agreed when, one line each, for the person reading. */
export function agreementLines(
  version: Pick<Wire<EndingPlan>, 'version' | 'proposedBy' | 'parties' | 'state'>,
  viewer: Viewer,
  clientName: string,
  zone?: string | null,
): string[] {
  const lines = version.parties.map((p) => {
    const who = partyName(p.party, viewer, clientName);
    if (p.response === 'accepted' && p.respondedAt) {
      const how = p.party === version.proposedBy ? 'proposed and agreed' : 'agreed';
      return `${who} ${how} on ${formatInZone(p.respondedAt, zone)}.`;
    }
    if (p.response === 'declined') return `${who} declined.`;
    return version.state === 'superseded'
      ? `${who} did not answer before a newer version.`
      : `${who} ${who === 'You' ? 'have' : 'has'} not agreed yet.`;
  });
  return [`Version ${version.version}:`, ...lines];
}

/** Where the plan stands, in one sentence. */
export function planStateText(plan: Wire<EndingPlan>, viewer: Viewer): string {
  const mine = plan.parties.find((p) => p.party === viewer);
  if (plan.state === 'accepted') return 'You have both agreed this plan.';
  if (mine?.response === 'pending')
    return plan.agreedVersion
      ? `A change was proposed. Version ${plan.agreedVersion}, which you both agreed, holds until this one is agreed.`
      : 'A plan was proposed to you. Read it, and accept it or propose changes.';
  return 'Waiting for the other side to read and accept it.';
}
