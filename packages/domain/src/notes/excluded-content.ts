/**
 * HIPAA 45 CFR 164.501 defines psychotherapy notes and excludes from them: medication prescription
 * and monitoring, counseling session start and stop times, the modalities and frequencies of
 * treatment furnished, results of clinical tests, and any summary of diagnosis, functional status,
 * the treatment plan, symptoms, prognosis, and progress to date. Such content belongs in the record
 * (a session note). This detector only warns; the clinician decides. Pure, no I/O.
 */
import type { ExcludedContentWarning, ExcludedKind } from '@throughline/contracts';

export type { ExcludedContentWarning, ExcludedKind };

// A short list of commonly prescribed psychotropics; dose patterns and verbs catch the rest.
const MEDICATIONS = [
  'sertraline',
  'zoloft',
  'fluoxetine',
  'prozac',
  'escitalopram',
  'lexapro',
  'citalopram',
  'celexa',
  'paroxetine',
  'paxil',
  'venlafaxine',
  'effexor',
  'duloxetine',
  'cymbalta',
  'bupropion',
  'wellbutrin',
  'mirtazapine',
  'trazodone',
  'lithium',
  'lamotrigine',
  'lamictal',
  'quetiapine',
  'seroquel',
  'aripiprazole',
  'abilify',
  'olanzapine',
  'risperidone',
  'clozapine',
  'lorazepam',
  'ativan',
  'alprazolam',
  'xanax',
  'clonazepam',
  'klonopin',
  'diazepam',
  'valium',
  'zolpidem',
  'ambien',
  'methylphenidate',
  'ritalin',
  'adderall',
  'amphetamine',
  'atomoxetine',
  'buspirone',
  'hydroxyzine',
  'propranolol',
  'prazosin',
  'gabapentin',
  'pregabalin',
  'melatonin',
  'antidepressant',
  'antidepressants',
  'ssri',
  'ssris',
  'snri',
  'benzodiazepine',
  'antipsychotic',
  'mood stabiliser',
  'mood stabilizer',
  'stimulant medication',
];

const RULES: { kind: ExcludedKind; pattern: RegExp }[] = [
  { kind: 'medication', pattern: new RegExp(`\\b(?:${MEDICATIONS.join('|')})\\b`, 'giu') },
  { kind: 'medication', pattern: /\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ml|milligrams?)\b/giu },
  {
    kind: 'medication',
    pattern:
      /\b(?:prescri(?:bed|bes|be|ption)|medications?|meds|dosage|dose|titrat(?:e|ed|ing|ion))\b/giu,
  },
  {
    kind: 'test-results',
    pattern:
      /\b(?:PHQ-?9|PHQ-?A|GAD-?7|BDI(?:-II)?|BAI|PCL-5|ORS|SRS|CORE-10|CORE-OM|K10|AUDIT|DASS-21|MoCA|MMSE|WHODAS|OQ-45)\b(?:[^.\n]{0,25}?\b\d+)?/gu,
  },
  {
    kind: 'test-results',
    pattern: /\b(?:scored|score of|test results?|lab results?|blood work|assessment score)\b/giu,
  },
  {
    kind: 'session-times',
    pattern:
      /\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?:am|pm)?\s?(?:-|–|—|to|until)\s?(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?:am|pm)?/giu,
  },
  {
    kind: 'session-times',
    pattern:
      /\bsession (?:started|began|start(?:ed)? at|ended|finished|end(?:ed)? at|ran from|lasted)\b[^.\n]{0,30}/giu,
  },
  {
    kind: 'diagnosis-or-plan-summary',
    pattern:
      /\b(?:diagnos(?:is|es|ed)|treatment plan|prognosis|progress to date|F\d{2}(?:\.\d{1,2})?)\b/giu,
  },
];

const EXCERPT_CONTEXT = 20;

function excerptAt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  const inner = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${inner}${to < text.length ? '…' : ''}`;
}

/** Warnings for text that looks like content 164.501 excludes from psychotherapy notes. */
export function detectExcludedContent(text: string): ExcludedContentWarning[] {
  const found: (ExcludedContentWarning & { at: number; end: number })[] = [];
  for (const { kind, pattern } of RULES) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      // One warning per place: overlapping matches of the same kind are the same finding.
      if (found.some((f) => f.kind === kind && at < f.end && end > f.at)) continue;
      found.push({ kind, excerpt: excerptAt(text, at, end), at, end });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ kind, excerpt }) => ({ kind, excerpt }));
}
