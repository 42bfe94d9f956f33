import { describe, expect, it } from 'vitest';
import { channelsText, responseTimeText, windowText } from './contact-words';

describe('contact agreement words', () => {
  it('says a window in words, with the next day when it crosses midnight', () => {
    expect(windowText({ weekday: 1, from: '13:00', to: '21:00' })).toBe('Monday, 13:00 to 21:00');
    expect(windowText({ weekday: 2, from: '21:00', to: '01:00', endsNextDay: true })).toBe(
      'Tuesday, 21:00 to 01:00 the next day',
    );
  });

  it('says the response time in days when it is whole days', () => {
    expect(responseTimeText(48)).toBe('within 2 days');
    expect(responseTimeText(24)).toBe('within 24 hours');
    expect(responseTimeText(1)).toBe('within 1 hour');
  });

  it('lists the channels that are on', () => {
    expect(channelsText({ messages: true, email: false, phone: true })).toEqual([
      'Messages in the portal',
      'Phone calls',
    ]);
  });
});
