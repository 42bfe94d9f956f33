import type { Phase } from '@throughline/contracts';

export { phaseLabels } from './labels';

export const phaseColors: Record<Phase, string> = {
  intake: 'blue',
  active: 'teal',
  ending: 'orange',
  aftercare: 'grape',
  closed: 'gray',
};
