import type { InstrumentDefinition } from './types';

const STEM = 'During the last 30 days, about how often did you feel';

/** Kessler Psychological Distress Scale (K10) — Kessler et al. 2002/2003 (CLINICAL.md §1). */
export const K10: InstrumentDefinition = {
  key: 'k10',
  title: 'Kessler Psychological Distress Scale (K10)',
  version: '1.0.0',
  validated: true,
  instructions: 'These questions concern how you have been feeling over the past 30 days.',
  options: [
    { value: 1, label: 'None of the time' },
    { value: 2, label: 'A little of the time' },
    { value: 3, label: 'Some of the time' },
    { value: 4, label: 'Most of the time' },
    { value: 5, label: 'All of the time' },
  ],
  items: [
    'tired out for no good reason?',
    'nervous?',
    'so nervous that nothing could calm you down?',
    'hopeless?',
    'restless or fidgety?',
    'so restless you could not sit still?',
    'depressed?',
    'that everything was an effort?',
    'so sad that nothing could cheer you up?',
    'worthless?',
  ].map((text, i) => ({ number: i + 1, text: `${STEM} ${text}` })),
  scoring: { rule: 'Kessler et al. 2002/2003, Australian convention: sum of items (10–50)' },
  bands: [
    { label: 'low', min: 10, max: 15 },
    { label: 'moderate', min: 16, max: 21 },
    { label: 'high', min: 22, max: 29 },
    { label: 'very-high', min: 30, max: 50 },
  ],
  flags: [],
  cutoff: { default: 22, source: 'K10 ≥ 22 (CLINICAL.md §2)' },
  caseness: { on: 'total', atLeast: 22, source: 'CLINICAL.md §2' },
  // CLINICAL.md §2: computed from published SD and reliability; none is on file yet.
  reliableChange: null,
  direction: 'lower-is-better',
  license: 'Free to use with citation.',
  attribution:
    'Kessler RC, Andrews G, Colpe LJ, et al. Short screening scales to monitor population prevalences and trends in non-specific psychological distress. Psychol Med 2002;32(6):959–976. Kessler RC et al. 2003, Arch Gen Psychiatry 60(2):184–189.',
};
