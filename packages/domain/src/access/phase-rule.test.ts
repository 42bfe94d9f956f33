import { PHASES } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import type { Relation } from './episode-scope';
import { phaseAllows, phaseRefusal } from './phase-rule';
import { type Action, POLICY, phasesOf } from './policy';

const ACTIONS = Object.keys(POLICY) as Action[];
const RELATIONS: readonly Relation[] = ['therapist', 'client'];
/**
 * Actions with phase lists of their own: an ending is recorded before aftercare (a planned ending
 * leads to it); the ending summary exists from `ending` on; check-ins are answered and a booster
 * offered only in aftercare.
 */
const OWN_PHASES: Partial<Record<Action, readonly string[]>> = {
  'episode.ending.record': ['intake', 'active', 'ending'],
  'ending-summary.read': ['ending', 'aftercare', 'closed'],
  'ending-summary.update': ['ending', 'aftercare', 'closed'],
  'ending-summary.share': ['ending', 'aftercare', 'closed'],
  'check-in.answer': ['aftercare'],
  'check-in.save': ['aftercare'],
  'booster.offer': ['aftercare'],
};
const limited = ACTIONS.filter((a) => phasesOf(a) !== undefined && !(a in OWN_PHASES));

describe('the phase rule table', () => {
  it('limits exactly these actions to the open phases (intake, active, ending, aftercare)', () => {
    expect([...limited].sort()).toEqual([
      'appointment.create',
      'attachment.create',
      'contact-agreement.accept',
      'contact-agreement.propose',
      'discussion-item.create',
      'ending-plan.accept',
      'ending-plan.propose',
      'goal.create',
      'goal.rate',
      'goal.review',
      'goal.update',
      'measure-task.create',
      'measure-task.send',
      'measurement-plan.update',
      'message.attach',
      'message.send',
      'note.create',
      'note.sign',
      'note.update',
      'plan.share',
      'psychotherapy-note.create',
      'psychotherapy-note.update',
      'readiness.view.give',
      'response.create',
      'session.note.start',
    ]);
    for (const action of limited) {
      const who = POLICY[action].who as readonly string[];
      for (const as of RELATIONS.filter((r) => who.includes(r) && phasesOf(action, r))) {
        for (const phase of PHASES) {
          expect(phaseAllows(action, phase, as), `${as} ${action} in ${phase}`).toBe(
            phase !== 'closed',
          );
        }
      }
    }
  });

  it('records an ending only in intake, active or ending: aftercare already follows one', () => {
    for (const [action, phases] of Object.entries(OWN_PHASES))
      expect(phasesOf(action as Action), action).toEqual(phases);
    expect(phaseRefusal('episode.ending.record', 'closed').message).toMatch(
      /^This episode is closed; an ending cannot be recorded in a closed episode\./,
    );
  });

  it('limits a questionnaire response for the client only: a therapist may key in a paper form', () => {
    expect(phaseAllows('response.create', 'closed', 'client')).toBe(false);
    expect(phaseAllows('response.create', 'ending', 'client')).toBe(true);
    expect(phaseAllows('response.create', 'closed', 'therapist')).toBe(true);
  });

  it('never limits a read, a list, or what corrects or answers for the record', () => {
    // The ending summary is the one read with phases: there is none to read before `ending`.
    const reads = ACTIONS.filter((a) => /\.(read|list|timeline)$/.test(a));
    for (const action of reads.filter((a) => a !== 'ending-summary.read')) {
      expect(phasesOf(action), action).toBeUndefined();
    }
    // An addendum corrects a signed note; an alert must always be answerable; the reflection
    // after an ending and the phase change itself (the phase machine governs it) stay open.
    for (const action of [
      'note.addendum',
      'alert.acknowledge',
      'reflection.create',
      'episode.phase.change',
      'appointment.update',
      'thread.close',
    ] as const) {
      for (const phase of PHASES)
        for (const as of RELATIONS) expect(phaseAllows(action, phase, as), action).toBe(true);
    }
  });

  it('limits phases only where a refusal may be told (record actions that hide existence)', () => {
    for (const action of limited) {
      const rule = POLICY[action] as { who: unknown; hidesExistence?: boolean };
      expect(rule.hidesExistence, action).toBe(true);
      expect(Array.isArray(rule.who), action).toBe(true);
    }
  });
});

describe('phaseRefusal', () => {
  it('is a 409 code naming the phase and what cannot be done, for every limited action', () => {
    for (const action of [
      ...limited,
      'check-in.answer',
      'check-in.save',
      'booster.offer',
    ] as const) {
      const error = phaseRefusal(action, 'closed');
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('EPISODE_PHASE_FORBIDS');
      expect(error.message, action).toMatch(/^This episode is closed; .+ in a closed episode\. /);
      expect(error.message, action).not.toMatch(/this cannot be done/);
      expect(error.message).toMatch(/open a new episode/);
    }
  });

  it('reads naturally for the other phases too', () => {
    expect(phaseRefusal('note.create', 'closed').message).toBe(
      'This episode is closed; notes cannot be written in a closed episode. If the client returns, open a new episode; it is linked to this one.',
    );
    expect(phaseRefusal('goal.create', 'intake').message).toBe(
      'This episode is in intake; goals cannot be added in an intake episode.',
    );
    expect(phaseRefusal('goal.create', 'aftercare').message).toMatch(
      /^This episode is in aftercare; .* in an aftercare episode\.$/,
    );
  });
});
