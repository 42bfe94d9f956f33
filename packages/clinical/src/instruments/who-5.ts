import type { InstrumentDefinition } from './types';

/** WHO-5 Well-Being Index — WHO 1998 / Topp et al. 2015 (CLINICAL.md §1). Higher is better. */
export const WHO_5: InstrumentDefinition = {
  key: 'who-5',
  title: 'WHO-5 Well-Being Index',
  version: '1.1.0',
  validated: true,
  instructions:
    'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.',
  options: [
    { value: 5, label: 'All of the time' },
    { value: 4, label: 'Most of the time' },
    { value: 3, label: 'More than half of the time' },
    { value: 2, label: 'Less than half of the time' },
    { value: 1, label: 'Some of the time' },
    { value: 0, label: 'At no time' },
  ],
  items: [
    'I have felt cheerful and in good spirits',
    'I have felt calm and relaxed',
    'I have felt active and vigorous',
    'I woke up feeling fresh and rested',
    'My daily life has been filled with things that interest me',
  ].map((text, i) => ({ number: i + 1, text })),
  scoring: {
    rule: 'WHO 1998 / Topp et al. 2015: raw = sum of items (0–25); percentage = raw × 4',
    percentageMultiplier: 4,
  },
  // Order matters: ≤ 28% first, then raw < 13 (CLINICAL.md §1).
  bands: [
    { label: 'likely-depression', on: 'percentage', max: 28 },
    { label: 'poor-wellbeing', on: 'total', max: 12 },
    { label: 'adequate' },
  ],
  // WHO guidance: a raw score below 13 or any item answered 0 or 1 is an indication for testing
  // for depression (WHO-5 scoring notes; Topp et al. 2015). 1.1.0 added this flag.
  flags: [
    {
      key: 'follow-up',
      kind: 'total-below-or-item-at-most',
      below: 13,
      itemAtMost: 1,
      source:
        'WHO-5 scoring guidance (WHO 1998; Topp et al. 2015): raw score below 13 or any item answered 0 or 1 — assess for depression',
    },
  ],
  cutoff: { default: 13, source: 'Topp et al. 2015: raw < 13 is poor wellbeing (CLINICAL.md §2)' },
  caseness: { on: 'total', below: 13, source: 'Topp et al. 2015 (CLINICAL.md §2)' },
  reliableChange: { value: 10, on: 'percentage', source: 'Topp et al. 2015 (CLINICAL.md §2)' },
  direction: 'higher-is-better',
  license:
    'WHO-5 (1998) free to use. The 2024 WHO edition is licensed CC BY-NC-SA 3.0 IGO; keep this attribution.',
  attribution:
    'World Health Organization. WHO-Five Well-Being Index (WHO-5). Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom 2015;84(3):167–176.',
  // No confirmed LOINC code; SNOMED CT 1144665009 is used in Denmark (CLINICAL.md §5).
  codes: [{ system: 'http://snomed.info/sct', panel: '1144665009' }],
};
