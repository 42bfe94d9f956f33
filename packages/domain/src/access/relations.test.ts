import { SUPERVISION_PARTS } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import type { Grant, Relation } from './episode-scope';
import { type Action, POLICY, partOf, relationMay } from './policy';
import { isPartyOf, readsPart } from './predicates';

/**
 * The kernel's rules for the grant-based relations (issue 10): what a supervisor and a designee
 * may do is what POLICY names for them, and nothing they do writes.
 */
const ACTIONS = Object.keys(POLICY) as Action[];
const who = (action: Action): readonly string[] => {
  const rule: { who: string | readonly string[] } = POLICY[action];
  return typeof rule.who === 'string' ? [] : rule.who;
};
/** A supervisor's own account (their API tokens) is theirs to manage: not a client's record. */
const OWN_ACCOUNT = /^token\./;
const admitted = (relation: Relation) =>
  ACTIONS.filter((a) => who(a).includes(relation) && !OWN_ACCOUNT.test(a));

/**
 * Reads by name: every action a grant admits must be one of these (scoring a form is stateless:
 * nothing is stored).
 */
const READS = /\.(list|read|caseload)$|^client\.timeline$|^instrument\.score$/;

describe('supervisor relation', () => {
  it('is admitted only to reads, and never to psychotherapy notes', () => {
    const actions = admitted('supervisor');
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action, action).not.toMatch(/^psychotherapy-note/);
      expect(action, action).toMatch(READS);
    }
    expect(who('psychotherapy-note.read')).not.toContain('supervisor');
    expect(who('psychotherapy-note.list')).not.toContain('supervisor');
  });

  it('every episode part a supervisor reads is a part a consent can name', () => {
    for (const action of admitted('supervisor')) {
      const part = partOf(action);
      if (part) expect(SUPERVISION_PARTS).toContain(part);
    }
    expect(partOf('note.read')).toBe('notes');
    expect(partOf('score.list')).toBe('scores');
    expect(partOf('boundary-log.list')).toBe('boundary-log');
  });

  it('reads a part only when the live consent shares it', () => {
    const grant: Grant = { kind: 'supervision', shares: ['notes'], signatureId: 's' };
    expect(readsPart({ as: 'supervisor', grant }, 'notes')).toBe(true);
    expect(readsPart({ as: 'supervisor', grant }, 'scores')).toBe(false);
    expect(readsPart({ as: 'supervisor', grant }, 'boundary-log')).toBe(false);
    // No grant (default deny): nothing.
    expect(readsPart({ as: 'supervisor' }, 'notes')).toBe(false);
    // The parties and a designee are limited by the policy's actions, not by parts.
    expect(readsPart({ as: 'therapist' }, 'boundary-log')).toBe(true);
    expect(readsPart({ as: 'designee' }, 'notes')).toBe(true);
  });
});

describe('designee relation', () => {
  it('reads the brief, the episode and its alerts, reads and answers messages — nothing else', () => {
    // …and records or reads the ending when the therapist has died or is incapacitated (the
    // use-case allows a designee that kind of ending only).
    expect(admitted('designee').sort()).toEqual([
      'alert.list',
      'brief.read',
      'episode.ending.read',
      'episode.ending.record',
      'episode.read',
      'message.attachment.read',
      'message.list',
      'message.mark-read',
      'message.send',
    ]);
  });
});

describe('relationMay', () => {
  it('answers from POLICY for a relation to an episode', () => {
    expect(relationMay('designee', 'alert.list')).toBe(true);
    expect(relationMay('designee', 'note.list')).toBe(false);
    expect(relationMay('designee', 'episode.phase.change')).toBe(false);
    expect(relationMay('supervisor', 'note.list')).toBe(true);
    expect(relationMay('therapist', 'episode.phase.change')).toBe(true);
  });
});

describe('parties', () => {
  it('only the therapist and the client are parties (who agree and answer)', () => {
    const relations: Relation[] = ['therapist', 'client', 'supervisor', 'designee'];
    expect(relations.filter((as) => isPartyOf({ as }))).toEqual(['therapist', 'client']);
  });
});
