import { describe, expect, it } from 'vitest';
import { type ClientMailKind, clientMailPolicy } from './client-mail-policy';

const ALL: ClientMailKind[] = [
  'reminder',
  'questionnaire',
  'security-notice',
  'password-reset',
  'invitation',
];

describe('clientMailPolicy (ETHICS.md safe contact)', () => {
  // [mayEmail, remindersEnabled, details, kind, expected]
  const table: [boolean, boolean, boolean, ClientMailKind, ReturnType<typeof clientMailPolicy>][] =
    [
      ...ALL.map((kind) => [false, true, true, kind, { send: false, reason: 'no-email' }] as const),
      [true, false, true, 'reminder', { send: false, reason: 'no-reminders' }],
      [true, false, true, 'questionnaire', { send: false, reason: 'no-reminders' }],
      [true, false, true, 'security-notice', { send: true, details: true }],
      [true, false, false, 'password-reset', { send: true, details: false }],
      [true, false, false, 'invitation', { send: true, details: false }],
      [true, true, false, 'reminder', { send: true, details: false }],
      [true, true, false, 'questionnaire', { send: true, details: false }],
      [true, true, false, 'security-notice', { send: true, details: false }],
      [true, true, true, 'reminder', { send: true, details: true }],
      [true, true, true, 'questionnaire', { send: true, details: true }],
    ].map((row) => [...row] as [boolean, boolean, boolean, ClientMailKind, never]);

  it.each(table)(
    'mayEmail=%s reminders=%s details=%s, %s → %o',
    (mayEmail, remindersEnabled, emailMayIncludeDetails, kind, expected) => {
      expect(
        clientMailPolicy({ mayEmail, remindersEnabled, emailMayIncludeDetails }, kind),
      ).toEqual(expected);
    },
  );
});
