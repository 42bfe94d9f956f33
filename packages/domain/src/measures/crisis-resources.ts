import type * as Contract from '@throughline/contracts';
/**
 * What a client sees at once when a risk item is answered above 0 (CLINICAL.md §4: "the client
 * immediately sees crisis resources"). A versioned constant, so every response records which
 * text was shown. General wording first; national lines are listed by country, not chosen for
 * the client, because the practice's and the client's countries may differ.
 */
export type CrisisResources = Contract.CrisisResources;

export const CRISIS_RESOURCES: CrisisResources = {
  version: '1',
  title: 'If you are thinking about harming yourself',
  message:
    'If you are in immediate danger, call your local emergency number now (999 in the UK, 911 in the US, 112 in the EU). Your answers have been shared with your therapist, who may not see them straight away — please do not wait for them if you need help now.',
  lines: [
    {
      country: 'GB',
      name: 'Samaritans',
      contact: '116 123',
      note: 'Free, any time, day or night (UK and Ireland).',
    },
    {
      country: 'US',
      name: '988 Suicide & Crisis Lifeline',
      contact: '988',
      note: 'Call or text 988, any time (United States).',
    },
  ],
  practice:
    "You can also contact your therapist's practice and tell them you need to speak to someone today.",
};
