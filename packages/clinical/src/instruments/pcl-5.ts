import type { InstrumentDefinition } from './types';

/** PTSD Checklist for DSM-5 — Weathers et al. 2013, National Center for PTSD (CLINICAL.md §1). */
export const PCL_5: InstrumentDefinition = {
  key: 'pcl-5',
  title: 'PTSD Checklist for DSM-5 (PCL-5)',
  version: '1.0.0',
  validated: true,
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past month. In the past month, how much were you bothered by:',
  options: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'A little bit' },
    { value: 2, label: 'Moderately' },
    { value: 3, label: 'Quite a bit' },
    { value: 4, label: 'Extremely' },
  ],
  items: [
    'Repeated, disturbing, and unwanted memories of the stressful experience?',
    'Repeated, disturbing dreams of the stressful experience?',
    'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
    'Feeling very upset when something reminded you of the stressful experience?',
    'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
    'Avoiding memories, thoughts, or feelings related to the stressful experience?',
    'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
    'Trouble remembering important parts of the stressful experience?',
    'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
    'Blaming yourself or someone else for the stressful experience or what happened after it?',
    'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
    'Loss of interest in activities that you used to enjoy?',
    'Feeling distant or cut off from other people?',
    'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
    'Irritable behavior, angry outbursts, or acting aggressively?',
    'Taking too many risks or doing things that could cause you harm?',
    'Being "superalert" or watchful or on guard?',
    'Feeling jumpy or easily startled?',
    'Having difficulty concentrating?',
    'Trouble falling or staying asleep?',
  ].map((text, i) => ({ number: i + 1, text })),
  scoring: {
    rule: 'Weathers et al. 2013: sum of items (0–80); clusters B 1–5, C 6–7, D 8–14, E 15–20',
  },
  subscales: {
    B: [1, 2, 3, 4, 5],
    C: [6, 7],
    D: [8, 9, 10, 11, 12, 13, 14],
    E: [15, 16, 17, 18, 19, 20],
  },
  bands: [{ label: 'probable-ptsd', min: 'cutoff' }, { label: 'below-cutoff' }],
  // DSM-5 provisional diagnosis: an item rated ≥ 2 ("Moderately") counts as endorsed.
  flags: [
    {
      key: 'dsm5-criteria-met',
      kind: 'items-endorsed',
      rating: 2,
      require: { B: 1, C: 1, D: 2, E: 2 },
    },
  ],
  cutoff: {
    default: 33,
    configurable: { min: 31, max: 33 },
    source: 'National Center for PTSD: 31–33 indicates probable PTSD (CLINICAL.md §1)',
  },
  caseness: { on: 'total', atLeast: 'cutoff', source: 'CLINICAL.md §2' },
  reliableChange: {
    value: 10,
    on: 'total',
    source: 'National Center for PTSD guidance: 5–10 reliable, 10–20 clinically meaningful',
    // The guidance gives a range, not one value: a practice chooses within it (CLINICAL.md §2).
    configurable: {
      min: 5,
      max: 10,
      source: 'practice setting within the National Center for PTSD range of 5–10 points',
    },
  },
  direction: 'lower-is-better',
  license: 'Public domain (US National Center for PTSD).',
  attribution:
    'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.',
};
