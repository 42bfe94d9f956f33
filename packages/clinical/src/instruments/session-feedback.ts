import type { InstrumentDefinition } from './types';

/**
 * Session feedback — project-authored (CLINICAL.md §1), not a validated instrument and not a copy
 * of any proprietary scale. Watches the working alliance session by session (alliance-drop rule, §4).
 */
export const SESSION_FEEDBACK: InstrumentDefinition = {
  key: 'session-feedback',
  title: 'Session feedback',
  version: '1.0.0',
  validated: false,
  instructions:
    'Thinking about your most recent session, rate each statement from 0 (not at all) to 10 (completely).',
  options: Array.from({ length: 11 }, (_, value) => ({
    value,
    label: value === 0 ? '0 — not at all' : value === 10 ? '10 — completely' : String(value),
  })),
  items: [
    'I felt heard and respected',
    'We worked on what I wanted to work on',
    'The approach fitted me',
    'Overall, the session was right for me',
  ].map((text, i) => ({ number: i + 1, text })),
  scoring: { rule: 'Throughline session feedback: sum of items (0–40)' },
  bands: [],
  flags: [],
  cutoff: null,
  caseness: null,
  reliableChange: null,
  direction: 'higher-is-better',
  license: 'Part of Throughline; same license as the project.',
  attribution: 'Throughline project (not a validated instrument).',
};
