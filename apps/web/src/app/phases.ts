import type { Phase } from '@throughline/contracts';

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
