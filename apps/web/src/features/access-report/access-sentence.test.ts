import { UNKNOWN_ACTOR_NAME } from '@throughline/contracts';
import { describe, expect, it } from 'vitest';
import { accessSentence } from './access-sentence';

const item = {
  at: '2026-11-24T10:02:00.000Z',
  actorName: 'Maya Okafor',
  actorRole: 'therapist',
  byClient: false,
  action: 'read',
  resourceType: 'session-note',
} as const;

describe('an access report entry in words', () => {
  it('names the person, their role, what they did and the kind of record', () => {
    expect(accessSentence(item)).toBe('Maya Okafor, therapist, read a session note');
    expect(accessSentence({ ...item, resourceType: 'contact-agreement' })).toBe(
      'Maya Okafor, therapist, read the contact agreement',
    );
    expect(accessSentence({ ...item, actorRole: 'practice_admin', resourceType: 'details' })).toBe(
      'Maya Okafor, practice administrator, read personal details',
    );
  });

  it('says "You" for the client, and only the kind of a private note', () => {
    expect(
      accessSentence({ ...item, actorName: 'You', actorRole: 'client', action: 'change' }),
    ).toBe('You changed a session note');
    expect(accessSentence({ ...item, resourceType: 'private-note' })).toBe(
      'Maya Okafor, therapist, read a private note',
    );
  });

  it('names a removed account without a role', () => {
    expect(accessSentence({ ...item, actorName: UNKNOWN_ACTOR_NAME, actorRole: null })).toBe(
      'Someone at the practice read a session note',
    );
  });

  it('says the client downloaded or asked for a copy of their record (issue 12)', () => {
    const own = { ...item, actorName: 'You', actorRole: 'client', byClient: true } as const;
    expect(accessSentence({ ...own, action: 'download', resourceType: 'copy' })).toBe(
      'You downloaded a copy of your record',
    );
    expect(accessSentence({ ...own, action: 'request', resourceType: 'copy-request' })).toBe(
      'You asked for a copy of your record',
    );
    expect(accessSentence({ ...item, action: 'release', resourceType: 'copy-request' })).toBe(
      'Maya Okafor, therapist, released a copy of the record',
    );
  });
});
