import { numbered, PFIZER_LICENSE, PHQ_FREQUENCY, PHQ_INSTRUCTIONS } from './phq-gad-options';
import type { InstrumentDefinition } from './types';

/** PHQ-4 — Kroenke et al. 2009: GAD-2 (items 1–2) + PHQ-2 (items 3–4) (CLINICAL.md §1). */
export const PHQ_4: InstrumentDefinition = {
  key: 'phq-4',
  title: 'Patient Health Questionnaire-4 (PHQ-4)',
  version: '1.1.0',
  validated: true,
  instructions: PHQ_INSTRUCTIONS,
  options: PHQ_FREQUENCY,
  items: numbered([
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
  ]),
  scoring: { rule: 'Kroenke et al. 2009: sum of items 1–4 (0–12); GAD-2 = 1–2, PHQ-2 = 3–4' },
  subscales: { 'gad-2': [1, 2], 'phq-2': [3, 4] },
  bands: [
    { label: 'none', min: 0, max: 2 },
    { label: 'mild', min: 3, max: 5 },
    { label: 'moderate', min: 6, max: 8 },
    { label: 'severe', min: 9, max: 12 },
  ],
  flags: [
    { key: 'anxiety-positive', kind: 'subscale-at-least', subscale: 'gad-2', atLeast: 3 },
    { key: 'depression-positive', kind: 'subscale-at-least', subscale: 'phq-2', atLeast: 3 },
  ],
  cutoff: null,
  caseness: null,
  reliableChange: null,
  direction: 'lower-is-better',
  license: PFIZER_LICENSE,
  attribution:
    'Kroenke K, Spitzer RL, Williams JBW, Löwe B. An ultra-brief screening scale for anxiety and depression: the PHQ-4. Psychosomatics 2009;50(6):613–621.',
  // PHQ-2 total LOINC 55758-7 (CLINICAL.md §5).
  // Panel 69724-3 (Patient health questionnaire 4 item); PHQ-2 total 55758-7 (CLINICAL.md §5).
  codes: [{ system: 'http://loinc.org', panel: '69724-3', subscales: { 'phq-2': '55758-7' } }],
};
