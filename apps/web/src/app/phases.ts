import type { Phase } from '../api/care-types';

export const phaseLabels: Record<Phase, string> = {
  intake: 'Intake',
  active: 'Active',
  ending: 'Ending',
  aftercare: 'Aftercare',
  closed: 'Closed',
};

export const phaseColors: Record<Phase, string> = {
  intake: 'blue',
  active: 'teal',
  ending: 'orange',
  aftercare: 'grape',
  closed: 'gray',
};

/**
 * The phases an episode may move to next. Ending can return to active when both sides decide to
 * continue; the server has the final word and explains a refusal.
 */
export const nextPhases: Record<Phase, Phase[]> = {
  intake: ['active', 'closed'],
  active: ['ending', 'closed'],
  ending: ['active', 'aftercare', 'closed'],
  aftercare: ['closed'],
  closed: [],
};
