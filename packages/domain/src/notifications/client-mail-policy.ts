import type { SafeContact } from '../clients';

/** Every kind of e-mail the practice sends a client. */
export type ClientMailKind =
  | 'reminder'
  | 'questionnaire'
  | 'security-notice'
  | 'password-reset'
  | 'invitation'
  | 'message'
  | 'closure-letter';

/**
 * What the client's safe-contact preferences allow for one e-mail. `details: false` means the
 * neutral text only: no date or time, no names, nothing from the record ("you have something new
 * in your portal"). Subjects follow the same choice. The sender name is the installation's one
 * neutral From address for every mail (no practice or therapist name), so there is no per-mail
 * sender to choose.
 */
export type ClientMailPermission =
  | { send: false; reason: 'no-email' | 'no-reminders' }
  | { send: true; details: boolean };

/**
 * Questionnaire invitations are reminders (they are sent before a session to prompt the client),
 * so turning reminders off stops both (docs/continuity.md, docs/measures.md).
 */
const REMINDER_KINDS: ReadonlySet<ClientMailKind> = new Set(['reminder', 'questionnaire']);

/**
 * THE client e-mail rule (ETHICS.md: "safe-contact preferences (no content in e-mail
 * notifications, no reminders, a neutral sender name) are honoured everywhere"). Every sender of
 * mail to a client asks here:
 *
 * - `mayEmail` off: no e-mail of any kind — someone else may read the inbox.
 * - `remindersEnabled` off: no reminders and no questionnaire invitations. Security notices,
 *   password resets and portal invitations still go (if e-mail is allowed): they are not
 *   reminders, and a notice of a sign-in change protects the client's account (OWASP
 *   Authentication Cheat Sheet).
 * - `emailMayIncludeDetails` off: the neutral text only.
 */
export function clientMailPolicy(
  preferences: SafeContact,
  kind: ClientMailKind,
): ClientMailPermission {
  if (!preferences.mayEmail) return { send: false, reason: 'no-email' };
  if (REMINDER_KINDS.has(kind) && !preferences.remindersEnabled) {
    return { send: false, reason: 'no-reminders' };
  }
  return { send: true, details: preferences.emailMayIncludeDetails };
}
