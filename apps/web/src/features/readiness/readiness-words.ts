import { gasLevelLabel } from '@throughline/clinical';
import {
  type Readiness,
  type ReadinessMeasure,
  readinessWords,
  type Wire,
} from '@throughline/contracts';
import { changeCategoryText } from '../../app/labels';
import { instrumentName } from '../measures/instrument-names';

/** The first name of a display name ("Maya Okafor, MT-BC" → "Maya"), for a sentence. */
export function firstName(name: string): string {
  return name.split(/[\s,]/)[0] || name;
}

/**
 * The difference between the two views in a plain sentence, from the reader's side; null until
 * both have answered. Never hidden: a one-point difference is named too.
 */
export function disagreementText(r: Wire<Readiness>): string | null {
  const d = r.disagreement;
  if (!d) return null;
  const other = r.viewer === 'client' ? firstName(r.therapistName) : firstName(r.clientName);
  if (!d.differs) return `You and ${other} see this the same way.`;
  const howFar = d.by === 1 ? 'a little differently' : 'differently';
  return `You and ${other} see this ${howFar}: your answers are ${d.by} point${d.by === 1 ? '' : 's'} apart on the scale.`;
}

/** "Not sure (3 of 5)", in the reader's wording. */
export function levelText(level: number, viewer: 'client' | 'therapist'): string {
  return `${readinessWords(level, viewer)} (${level} of 5)`;
}

/** "PHQ-9: 16 → 8, below the cut-off of 10 now (was above). Recovered (…)." */
export function measureText(m: Wire<ReadinessMeasure>): string {
  const name = instrumentName(m.instrument);
  const moved = m.count > 1 ? `${m.first} → ${m.recent}` : `${m.recent} (one score so far)`;
  let against = '';
  if (m.cutoff && m.caseNow !== null) {
    const side = m.caseNow ? 'in the clinical range' : 'out of the clinical range';
    const was =
      m.caseAtStart === null || m.caseAtStart === m.caseNow
        ? ''
        : m.caseAtStart
          ? ' (it was in it at the start)'
          : ' (it was out of it at the start)';
    const rule = m.cutoff.case === 'below' ? 'below' : 'at or above';
    against = `, ${side} now${was} — the range is ${rule} ${m.cutoff.value}`;
  }
  const change =
    m.count > 1
      ? ` ${changeCategoryText(m.category)}${m.reliableChange !== null ? ` (a reliable change is ${m.reliableChange} points).` : '.'}`
      : '';
  return `${name}: ${moved}${against}.${change}`;
}

/** The GAS level in words, or that the goal has not been reviewed yet. */
export function goalLevelText(level: number | null): string {
  return level === null ? 'Not reviewed yet' : gasLevelLabel(level);
}

/** The episode outcome in a sentence (CLINICAL.md §3), provisional while the episode is open. */
export function outcomeText(o: NonNullable<Wire<Readiness>['evidence']['outcome']>): string {
  if (!o.eligible)
    return `No episode outcome yet: ${o.reason ?? 'it needs two attended treatment sessions and paired scores'}.`;
  const parts = [
    o.recovered === null
      ? 'not in the clinical range at the start, so recovery does not apply'
      : o.recovered
        ? 'recovered'
        : 'not recovered',
    o.reliableImprovement ? 'reliably improved' : 'no reliable improvement',
  ];
  if (o.reliableDeterioration) parts.push('reliably worse');
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${o.provisional ? ' (provisional while therapy continues)' : ''}.`;
}

/** Session feedback in a sentence. */
export function allianceText(a: NonNullable<Wire<Readiness>['evidence']['alliance']>): string {
  if (a.answered === 0 || a.latest === null) return 'No session feedback yet.';
  const drop = a.dropOpen ? ' An alliance-drop alert is open.' : '';
  return `Latest ${a.latest} of ${a.max}, average ${a.mean} over ${a.answered} session${a.answered === 1 ? '' : 's'}.${drop}`;
}
