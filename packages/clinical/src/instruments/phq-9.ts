import { numbered, PFIZER_LICENSE, PHQ_FREQUENCY, PHQ_INSTRUCTIONS } from './phq-gad-options';
import type { InstrumentDefinition } from './types';

const items = numbered([
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
]);
// LOINC codes of the items' questions (LOINC panel 44249-1; item 9 44260-8 is in CLINICAL.md §5).
// Checked against the LOINC panel as used in the HL7 SDC and Argonaut questionnaires.
const ITEM_LOINC = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
];
items.forEach((item, i) => {
  items[i] = { ...item, loinc: ITEM_LOINC[i]! };
});

/** PHQ-9 — Kroenke, Spitzer & Williams 2001 (CLINICAL.md §1). */
export const PHQ_9: InstrumentDefinition = {
  key: 'phq-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  version: '1.1.0',
  validated: true,
  instructions: PHQ_INSTRUCTIONS,
  options: PHQ_FREQUENCY,
  items,
  scoring: { rule: 'Kroenke, Spitzer & Williams 2001: sum of items 1–9 (0–27)' },
  bands: [
    { label: 'minimal', min: 0, max: 4 },
    { label: 'mild', min: 5, max: 9 },
    { label: 'moderate', min: 10, max: 14 },
    { label: 'moderately-severe', min: 15, max: 19 },
    { label: 'severe', min: 20, max: 27 },
  ],
  // Any positive item 9 needs assessment by someone competent to assess suicide risk (§4).
  flags: [{ key: 'risk-item', kind: 'item-above', item: 9, above: 0, risk: true }],
  cutoff: { default: 10, source: 'NHS Talking Therapies caseness (CLINICAL.md §2)' },
  caseness: { on: 'total', atLeast: 10, source: 'NHS Talking Therapies (CLINICAL.md §2–3)' },
  reliableChange: { value: 6, on: 'total', source: 'NHS Talking Therapies (CLINICAL.md §2)' },
  direction: 'lower-is-better',
  license: PFIZER_LICENSE,
  attribution:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.',
  codes: [{ system: 'http://loinc.org', panel: '44249-1', total: '44261-6' }],
};
