import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ContinuityKit, Readiness, Wire } from '@throughline/contracts';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { KitCrisis, KitMusic, RelapsePlan } from './kit-sections';
import { ReadinessPanel } from './readiness-panel';

function html(element: ReactElement): string {
  const tree = createElement(
    QueryClientProvider,
    { client: new QueryClient() },
    createElement(MantineProvider, null, createElement(MemoryRouter, null, element)),
  );
  // The visible text only: tags and attributes (ids, classes) are not what a person reads.
  return renderToStaticMarkup(tree)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Codes and enum names a person should never read, and ISO timestamps. */
const RAW =
  /phq-9|gad-7|session-feedback|no-reliable-change|not-on-track|goals-met|below-cutoff|"level"|\btherapist\b:|\d{4}-\d{2}-\d{2}T\d/;

const view = (party: 'client' | 'therapist', level: number, words: string, at: string) => ({
  id: `${party}-${level}-${at}`,
  party,
  level,
  words,
  givenBy: party === 'client' ? 'Sam Rivera' : 'Maya Okafor, MT-BC',
  givenAt: at,
});

const review: Wire<Readiness> = {
  episodeId: '00000000-0000-4000-8000-000000000001',
  phase: 'active',
  viewer: 'therapist',
  clientName: 'Sam Rivera',
  clientPronouns: 'they/them',
  therapistName: 'Maya Okafor, MT-BC',
  open: true,
  suggestion: {
    suggested: true,
    reasons: [{ kind: 'below-cutoff', detail: 'Scores have been below the clinical cut-off.' }],
    rule: 'Readiness review suggestion (issue 11)',
    version: '1',
  },
  evidence: {
    sessionsAttended: 11,
    goals: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        words: 'Fall asleep within 30 minutes',
        latestLevel: 0,
        reviewedAt: '2026-11-20T10:00:00.000Z',
        clientRating: 1,
      },
    ],
    measures: [
      {
        instrument: 'phq-9',
        title: 'PHQ-9',
        first: 16,
        firstAt: '2026-09-01T10:00:00.000Z',
        recent: 8,
        recentAt: '2026-11-20T10:00:00.000Z',
        count: 11,
        cutoff: { value: 10, case: 'at-least' },
        caseAtStart: true,
        caseNow: false,
        category: 'recovered',
        reliableChange: 6,
        rule: 'Jacobson & Truax 1991',
      },
    ],
    outcome: {
      eligible: true,
      provisional: true,
      reason: null,
      recovered: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
      rule: 'NHS',
    },
    notOnTrack: { open: false, sources: [] },
    alliance: { answered: 10, latest: 40, mean: 37.2, max: 40, dropOpen: false },
    openThreads: [{ id: '00000000-0000-4000-8000-000000000003', title: 'Work deadlines' }],
    homework: { assigned: 1, done: 2, items: [] },
  },
  current: {
    client: view('client', 3, 'Not sure yet.', '2026-11-25T10:00:00.000Z'),
    therapist: view('therapist', 4, 'Nearly ready.', '2026-11-26T10:00:00.000Z'),
  },
  disagreement: { differs: true, by: 1 },
  history: [
    view('therapist', 4, 'Nearly ready.', '2026-11-26T10:00:00.000Z'),
    view('client', 3, 'Not sure yet.', '2026-11-25T10:00:00.000Z'),
    view('client', 2, 'Still need it.', '2026-11-16T10:00:00.000Z'),
  ],
};

describe('the readiness panel', () => {
  it('shows the evidence, both views and the difference in words, without codes', () => {
    const text = html(createElement(ReadinessPanel, { r: review }));
    expect(text).toContain('You and Sam see this a little differently');
    expect(text).toContain('PHQ-9: 16 → 8');
    expect(text).toContain('As expected (0)');
    expect(text).toContain('Undecided (3 of 5)');
    expect(text).toContain('Nearly ready (4 of 5)');
    expect(text).toContain('Earlier answers (1)');
    expect(text).toContain('not an instruction to end');
    expect(text.replaceAll('PHQ-9', '').match(RAW)?.[0]).toBeUndefined();
  });

  it('speaks to the client in their words and hides what is the therapist’s', () => {
    const text = html(
      createElement(ReadinessPanel, {
        r: {
          ...review,
          viewer: 'client',
          suggestion: null,
          evidence: {
            ...review.evidence,
            measures: null,
            outcome: null,
            notOnTrack: null,
            alliance: null,
            openThreads: null,
          },
        },
      }),
    );
    expect(text).toContain('You and Maya see this a little differently');
    expect(text).toContain('How ready do you feel to finish therapy?');
    expect(text).toContain('Ready to finish');
    expect(text).not.toContain('Scores, first and most recent');
    expect(text).not.toContain('Work deadlines');
    expect(text).not.toMatch(RAW);
  });
});

describe('the continuity kit', () => {
  const kit = {
    episodeId: '00000000-0000-4000-8000-000000000004',
    title: 'Music therapy',
    phase: 'aftercare',
    openedAt: '2025-09-01T10:00:00.000Z',
    therapistName: 'Maya Okafor, MT-BC',
    practiceName: 'Riverside Music Therapy',
    relapsePrevention: null,
    planAcceptedAt: null,
    homework: [],
    music: [
      {
        title: 'Night Song',
        artist: null,
        clientCreated: true,
        sessionOn: '2025-10-01T10:00:00.000Z',
      },
    ],
    recording: { consented: false, signedAt: null, ownership: 'Songs you made belong to you.' },
    crisisResources: {
      version: '1',
      title: 'Support',
      message: 'If you are in danger, call 999.',
      lines: [{ country: 'GB', name: 'Samaritans', contact: '116 123', note: '24/7' }],
      practice: '',
      verified: true,
    },
    contact: { messagesOpen: false, how: 'Contact the practice.' },
  } as Wire<ContinuityKit>;

  it('says kindly when there is no agreed plan, and names music and crisis lines in words', () => {
    const text = html(
      createElement('div', null, [
        createElement(RelapsePlan, { kit, key: 'plan' }),
        createElement(KitMusic, { kit, key: 'music' }),
        createElement(KitCrisis, { kit, key: 'crisis' }),
      ]),
    );
    expect(text).toContain('There is no ending plan that you and Maya Okafor, MT-BC both agreed');
    expect(text).toContain('Night Song (made by you)');
    expect(text).toContain('Samaritans : 116 123');
    expect(text).not.toMatch(RAW);
  });
});
