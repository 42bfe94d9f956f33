import { getInstrument } from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import type { CheckInRow } from './repository';
import type { StoredAftercareReason } from './tables';

/** Encryption purpose of a check-in's "How are things?" words. */
export const checkInWordsPurpose = (checkInId: string): string => `check-in.words:${checkInId}`;

export function toCheckInView(row: CheckInRow): Contract.CheckIn {
  return {
    id: row.id,
    dueOn: row.dueOn,
    status: row.status,
    afterMonths: row.afterMonths,
    answeredAt: row.answeredAt,
  };
}

/** A check-in's questionnaires as the portal shows them, from the instrument definitions. */
export function toPortalCheckIn(
  row: CheckInRow,
  draft: Contract.CheckInDraft | null,
): Contract.PortalCheckIn {
  return {
    id: row.id,
    episodeId: row.episodeId,
    dueOn: row.dueOn,
    status: row.status,
    forms: row.instruments.map((key) => {
      const d = getInstrument(key);
      return {
        instrument: d.key,
        title: d.title,
        instructions: d.instructions,
        items: d.items.map((i) => ({ number: i.number, text: i.text })),
        options: d.options.map((o) => ({ value: o.value, label: o.label })),
        attribution: d.attribution,
      };
    }),
    draft,
  };
}

/** A total on the scale people read it on (WHO-5 as a percentage). */
function onScale(instrument: string, total: number): string {
  const multiplier = getInstrument(instrument).scoring.percentageMultiplier;
  return multiplier ? `${total * multiplier}%` : String(total);
}

/** Why the client is in the aftercare queue, in plain words for the therapist. */
export function reasonText(
  reason: StoredAftercareReason,
): Contract.AftercareItem['reasons'][number] {
  switch (reason.kind) {
    case 'deterioration': {
      const title = getInstrument(reason.instrument).title;
      return {
        kind: 'deterioration',
        text: `${title}: ${onScale(reason.instrument, reason.ending)} at the ending, ${onScale(reason.instrument, reason.now)} now — a reliable worsening since the ending.`,
      };
    }
    case 'risk':
      return {
        kind: 'risk',
        text:
          reason.source === 'risk-item'
            ? 'A risk item was answered above 0. The client was shown crisis resources at once; see the urgent alert.'
            : 'What they wrote under "How are things?" may describe risk. The client was shown crisis resources at once; see the urgent alert.',
      };
    case 'reconnect':
      return { kind: 'reconnect', text: 'They would like to talk with you again.' };
  }
}
