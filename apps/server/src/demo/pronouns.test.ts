import { describe, expect, it } from 'vitest';
import { SESSIONS } from './notes';
import { READINESS_VIEWS } from './readiness';

/**
 * Sam's pronouns are they/them (seed.ts). A demo is the first thing a therapist judges us by, and
 * a note that misgenders the client is a real harm in a real record (issue 9, item 3).
 */
describe('the demo notes about Sam', () => {
  it('use they/them throughout, never a gendered pronoun', () => {
    const text = JSON.stringify([SESSIONS, READINESS_VIEWS]);
    expect(text).toMatch(/\bthey\b/i);
    expect(text.match(/\b(he|him|his|himself|she|her|hers|herself)\b/gi)).toBeNull();
  });
});
