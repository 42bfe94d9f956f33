import type { Phase } from '@throughline/contracts';
import { AppError } from '../shared/errors';
import type { Relation } from './episode-scope';
import { type Action, phasesOf } from './policy';

/** What a refused action is, in the words of the person refused, for the 409 message. */
const DEEDS: Partial<Record<Action, string>> = {
  'appointment.create': 'sessions cannot be booked',
  'note.create': 'notes cannot be written',
  'session.note.start': 'notes cannot be written',
  'note.update': 'notes cannot be edited',
  'note.sign': 'notes cannot be signed',
  'psychotherapy-note.create': 'psychotherapy notes cannot be written',
  'psychotherapy-note.update': 'psychotherapy notes cannot be edited',
  'attachment.create': 'files cannot be added',
  'response.create': 'questionnaires cannot be recorded',
  'measurement-plan.update': 'the measurement plan cannot change',
  'measure-task.create': 'questionnaires cannot be sent',
  'measure-task.send': 'questionnaires cannot be sent',
  'goal.create': 'goals cannot be added',
  'goal.update': 'goals cannot be changed',
  'goal.review': 'goals cannot be reviewed',
  'goal.rate': 'goals cannot be rated',
  'plan.share': 'the plan cannot be shared',
  'discussion-item.create': 'discussion items cannot be added',
  'contact-agreement.propose': 'the contact agreement cannot change',
  'contact-agreement.accept': 'the contact agreement cannot be accepted',
  'ending-plan.propose': 'an ending plan cannot be proposed',
  'ending-plan.accept': 'an ending plan cannot be accepted',
  'message.send': 'messages cannot be sent',
  'message.attach': 'files cannot be sent',
  'readiness.view.give': 'views on readiness cannot be given',
  'ending-summary.read': 'the ending summary is drafted once it is ending, not',
  'ending-summary.update': 'the ending summary is written once it is ending, not',
  'ending-summary.share': 'the ending summary is shared once it is ending, not',
  'episode.ending.record': 'an ending cannot be recorded',
  'check-in.answer': 'check-ins cannot be answered',
  'check-in.save': 'check-ins cannot be answered',
  'booster.offer': 'booster sessions cannot be offered',
};

const IS: Record<Phase, string> = {
  intake: 'in intake',
  active: 'active',
  ending: 'ending',
  aftercare: 'in aftercare',
  closed: 'closed',
};

/** Where to go instead, by the phase that refused. */
const INSTEAD: Partial<Record<Phase, string>> = {
  closed: 'If the client returns, open a new episode; it is linked to this one.',
};

/** True when the policy lets someone in `relation` to an episode in `phase` perform `action`. */
export function phaseAllows(action: Action, phase: Phase, relation: Relation): boolean {
  const phases = phasesOf(action, relation);
  return phases === undefined || phases.includes(phase);
}

/**
 * The refusal of an action the caller could perform in another phase of the episode: 409
 * `EPISODE_PHASE_FORBIDS`, naming the phase (the caller knows the episode, so nothing is hidden).
 */
export function phaseRefusal(action: Action, phase: Phase): AppError {
  const deed = DEEDS[action] ?? 'this cannot be done';
  const instead = INSTEAD[phase];
  const article = phase === 'closed' ? 'a' : 'an';
  return new AppError(
    'EPISODE_PHASE_FORBIDS',
    `This episode is ${IS[phase]}; ${deed} in ${article} ${phase} episode.${instead ? ` ${instead}` : ''}`,
  );
}
