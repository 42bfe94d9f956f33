import { type InstrumentDefinition, scoreRange } from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import type { PracticeInstrumentRow } from './repository';

/** A practice instrument as the admin page shows it: wording, scoring and state, no codes. */
export function toPracticeInstrument(
  d: InstrumentDefinition,
  row?: PracticeInstrumentRow,
): Contract.PracticeInstrument {
  return {
    key: d.key,
    version: d.version,
    title: d.title,
    instructions: d.instructions,
    items: d.items.map((i) => ({
      number: i.number,
      text: i.text,
      reverseScored: i.reverseScored === true,
    })),
    options: d.options.map((o) => ({ value: o.value, label: o.label })),
    scoreRange: scoreRange(d),
    bands: d.bands.map((b) => ({
      label: b.label,
      min: typeof b.min === 'number' ? b.min : null,
      max: b.max ?? null,
    })),
    direction: d.direction,
    clinicalCutoff: d.cutoff?.default ?? null,
    reliableChange: d.reliableChange?.value ?? null,
    attribution: d.attribution,
    license: d.license,
    importedAt: row?.createdAt ?? null,
    retiredAt: row?.retiredAt ?? null,
  };
}
