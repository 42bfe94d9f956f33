import type { InstrumentDefinition } from './types';

/**
 * CORE-10 — Barkham et al. 2013, CORE System Trust (CLINICAL.md §1). Free to copy but not to alter:
 * the item wording below is the published form's, unchanged. Items 2 and 3 are positively worded
 * and reverse-scored; answers are recorded as the column ticked (0 = "Not at all").
 */
export const CORE_10: InstrumentDefinition = {
  key: 'core-10',
  title: 'CORE-10 (Clinical Outcomes in Routine Evaluation)',
  version: '1.0.0',
  validated: true,
  instructions:
    'This form has 10 statements about how you have been OVER THE LAST WEEK. Please read each statement and think how often you felt that way last week.',
  options: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'Only occasionally' },
    { value: 2, label: 'Sometimes' },
    { value: 3, label: 'Often' },
    { value: 4, label: 'Most or all of the time' },
  ],
  items: [
    { number: 1, text: 'I have felt tense, anxious or nervous' },
    {
      number: 2,
      text: 'I have felt I have someone to turn to for support when needed',
      reverseScored: true,
    },
    { number: 3, text: 'I have felt able to cope when things go wrong', reverseScored: true },
    { number: 4, text: 'Talking to people has felt too much for me' },
    { number: 5, text: 'I have felt panic or terror' },
    { number: 6, text: 'I made plans to end my life' },
    { number: 7, text: 'I have had difficulty getting to sleep or staying asleep' },
    { number: 8, text: 'I have felt despairing or hopeless' },
    { number: 9, text: 'I have felt unhappy' },
    { number: 10, text: 'Unwanted images or memories have been distressing me' },
  ],
  scoring: {
    rule: 'Barkham et al. 2013: sum of items (0–40), items 2 and 3 reverse-scored (4 − answer)',
  },
  bands: [
    { label: 'healthy', min: 0, max: 5 },
    { label: 'low', min: 6, max: 10 },
    { label: 'mild', min: 11, max: 14 },
    { label: 'moderate', min: 15, max: 19 },
    { label: 'moderately-severe', min: 20, max: 24 },
    { label: 'severe', min: 25, max: 40 },
  ],
  // Item 6 is the risk item ("I made plans to end my life").
  flags: [{ key: 'risk-item', kind: 'item-above', item: 6, above: 0, risk: true }],
  cutoff: { default: 11, source: 'Barkham et al. 2013 (CLINICAL.md §2)' },
  caseness: { on: 'total', atLeast: 11, source: 'Barkham et al. 2013 (CLINICAL.md §2)' },
  reliableChange: { value: 6, on: 'total', source: 'Barkham et al. 2013, 90% (CLINICAL.md §2)' },
  direction: 'lower-is-better',
  license:
    'Copyright © CORE System Trust. Free to copy; not to be altered or used for profit. Keep the copyright line. https://www.coresystemtrust.org.uk/',
  attribution:
    'Barkham M, Bewick B, Mullin T, et al. The CORE-10: a short measure of psychological distress for routine use in the psychological therapies. Couns Psychother Res 2013;13(1):3–13.',
};
