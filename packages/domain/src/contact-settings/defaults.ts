import type { ContactDefaults, CrisisResources } from '@throughline/contracts';

/**
 * The crisis resources a practice starts with (issue 10): general wording first, then the
 * national lines by country — listed, not chosen for the client, because the practice's and the
 * client's countries may differ. `verified: false` until the practice has checked them for its
 * locale (numbers change; a wrong number in a crisis is harm). One setting, one place: the PHQ-9
 * and CORE-10 risk items and the risk-language screen all show these.
 */
export const DEFAULT_CRISIS_RESOURCES: CrisisResources = {
  version: 'default-2',
  title: 'If you are thinking about harming yourself',
  message:
    'If you are in immediate danger, call your local emergency number now (999 in the UK, 911 in the US, 112 in the EU). Your therapist may not see your words straight away — please do not wait for them if you need help now.',
  lines: [
    {
      country: 'GB',
      name: 'Samaritans',
      contact: '116 123',
      note: 'Free, any time, day or night (UK and Ireland).',
    },
    {
      country: 'GB',
      name: 'Emergency services',
      contact: '999',
      note: 'If your life or someone else’s is in danger now (UK).',
    },
    {
      country: 'US',
      name: '988 Suicide & Crisis Lifeline',
      contact: '988',
      note: 'Call or text 988, any time (United States).',
    },
    {
      country: 'EU',
      name: 'European emergency number',
      contact: '112',
      note: 'Free from any phone in every EU country.',
    },
  ],
  practice:
    "You can also contact your therapist's practice and tell them you need to speak to someone today.",
  verified: false,
};

/** The contact agreement a therapist starts from, in plain words for the client. */
export const DEFAULT_CONTACT_TEXTS: Pick<ContactDefaults, 'purpose' | 'crisis' | 'afterEnding'> = {
  purpose:
    'Messages are for practical things — arranging or moving a session, a short check-in about homework or something from a session. They are not therapy by text: anything bigger is best brought to the next session.',
  crisis:
    'Messages are not watched around the clock. If you are in crisis or in danger, do not wait for a reply: call one of the crisis lines shown here or your local emergency number.',
  afterEnding:
    'After our work ends, contact is for agreed check-ins only, through the portal. We will not connect on social media.',
};

/** Said in every agreement: the risk-language screen is a safety net, not monitoring. */
export const SAFETY_NET_TEXT =
  'Your messages are read by your therapist only. If a message contains words about harming yourself, the system shows you crisis resources at once and tells your therapist straight away. This is a safety net, not monitoring: nobody else reads your messages, and your therapist may still not see them until their next working hours.';

export const DEFAULT_CONTACT_SHAPE: Omit<ContactDefaults, 'timeZone'> = {
  channels: { messages: true, email: true, phone: false },
  availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
  responseTimeHours: 48,
  ...DEFAULT_CONTACT_TEXTS,
};
