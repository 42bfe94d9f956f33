import {
  numbered,
  PFIZER_LICENSE,
  PHQ_FREQUENCY,
  PHQ_INSTRUCTIONS,
  withLoinc,
} from './phq-gad-options';
import type { InstrumentDefinition } from './types';

/** GAD-7 — Spitzer, Kroenke, Williams & Löwe 2006 (CLINICAL.md §1). */
export const GAD_7: InstrumentDefinition = {
  key: 'gad-7',
  title: 'Generalized Anxiety Disorder 7-item scale (GAD-7)',
  version: '1.1.0',
  validated: true,
  instructions: PHQ_INSTRUCTIONS,
  options: PHQ_FREQUENCY,
  // LOINC codes of the items' questions (panel 69737-5), as in the HL7 PHR format IG's GAD-7.
  items: withLoinc(
    numbered([
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      "Being so restless that it's hard to sit still",
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ]),
    ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'],
  ),
  scoring: { rule: 'Spitzer et al. 2006: sum of items 1–7 (0–21)' },
  bands: [
    { label: 'minimal', min: 0, max: 4 },
    { label: 'mild', min: 5, max: 9 },
    { label: 'moderate', min: 10, max: 14 },
    { label: 'severe', min: 15, max: 21 },
  ],
  flags: [],
  // 8 is NHS Talking Therapies caseness; 10 is the screening cut-off (CLINICAL.md §2).
  cutoff: { default: 8, source: 'NHS Talking Therapies caseness (CLINICAL.md §2)' },
  caseness: { on: 'total', atLeast: 8, source: 'NHS Talking Therapies (CLINICAL.md §2–3)' },
  reliableChange: { value: 4, on: 'total', source: 'NHS Talking Therapies (CLINICAL.md §2)' },
  direction: 'lower-is-better',
  license: PFIZER_LICENSE,
  attribution:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.',
  codes: [{ system: 'http://loinc.org', panel: '69737-5', total: '70274-6' }],
};
