import type { RiskPhraseList } from './types';

/**
 * The shipped English list (version 1). Phrases a client might write about suicide or self-harm,
 * kept short and literal so anyone can read what the screen looks for. It is a safety net, not
 * monitoring, and not a risk assessment: a message without these words can still carry risk, and
 * a message with them needs a clinician's judgement (CLINICAL.md §4).
 */
export const RISK_PHRASES_EN: RiskPhraseList = {
  language: 'en',
  version: 'en-1',
  phrases: [
    'kill myself',
    'killing myself',
    'end my life',
    'ending my life',
    'take my own life',
    'taking my own life',
    'want to die',
    'wanna die',
    'wish i was dead',
    'wish i were dead',
    'better off dead',
    'better off without me',
    'suicide',
    'suicidal',
    'hurt myself',
    'hurting myself',
    'harm myself',
    'harming myself',
    'self harm',
    'self-harm',
    'cut myself',
    'cutting myself',
    'overdose',
    'no reason to live',
    'not worth living',
    'end it all',
    "don't want to be here anymore",
    "don't want to wake up",
  ],
  negations: [
    'not',
    'never',
    'no',
    "don't",
    "won't",
    "wouldn't",
    "can't",
    'cannot',
    "isn't",
    "aren't",
    "wasn't",
    "didn't",
    "haven't",
    'nothing',
  ],
  window: 3,
};
