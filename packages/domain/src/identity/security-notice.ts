import { DateTime } from 'luxon';
import { actsAsClient } from '../access';
import { findClientMailContact } from '../clients';
import { clientMailPolicy, enqueueEmail } from '../notifications';
import type { Executor } from '../shared/transaction';
import { findPracticeById, type UserRow } from './repository';

export type SecurityChange =
  | 'two-factor-changed'
  | 'two-factor-enabled'
  | 'password-changed'
  | 'password-reset';

const WHAT: Record<SecurityChange, string> = {
  'two-factor-changed': 'The authenticator app used to sign in to your account was changed',
  'two-factor-enabled': 'Two-factor sign-in was turned on for your account',
  'password-changed': 'The password of your account was changed and its other sign-ins ended',
  'password-reset':
    'The password of your account was reset from an e-mailed link and every sign-in ended',
};

const IF_NOT_YOU: Record<SecurityChange, string> = {
  'two-factor-changed':
    'If you did not, sign in and set up two-factor again straight away, and tell whoever gave you your account.',
  'two-factor-enabled':
    'If you did not, sign in and set up two-factor again straight away, and tell whoever gave you your account.',
  'password-changed':
    'If you did not, reset your password from the sign-in page straight away, and tell whoever gave you your account.',
  'password-reset':
    'If you did not, reset your password from the sign-in page straight away, and tell whoever gave you your account.',
};

/**
 * Whether this account may be sent a password-reset link it asked for anonymously. Staff: yes. A
 * client: as the one client e-mail rule says (`clientMailPolicy`, ETHICS.md) — someone else may
 * read their inbox.
 */
export async function mayEmailUser(db: Executor, user: UserRow): Promise<boolean> {
  if (!actsAsClient(user)) return true;
  const client = await findClientMailContact(db, user.practiceId, { userId: user.id });
  return client ? clientMailPolicy(client, 'password-reset').send : false;
}

/**
 * Tells the person that how they sign in has changed, so that a change they did not make is
 * noticed (OWASP Authentication Cheat Sheet, "notify the user"). The mail carries no secret and
 * no link. A client's safe-contact preferences go through the one client e-mail rule
 * (`clientMailPolicy`, ETHICS.md): nothing unless they allow e-mail (a notice is not a reminder,
 * so it goes with reminders off), and not even the time unless they allow details.
 */
export async function queueSecurityNotice(
  tx: Executor,
  user: UserRow,
  change: SecurityChange,
  at: Date,
): Promise<'sent' | 'skipped-preferences'> {
  // A client who signs in with a user name has no address to tell.
  if (!user.email) return 'skipped-preferences';
  const to = user.email;
  let details = true;
  let zone = 'UTC';
  if (actsAsClient(user)) {
    const client = await findClientMailContact(tx, user.practiceId, { userId: user.id });
    const policy = client ? clientMailPolicy(client, 'security-notice') : undefined;
    if (policy && !policy.send) return 'skipped-preferences';
    details = policy?.details ?? false;
    zone = client?.timeZone ?? zone;
  } else {
    zone = (await findPracticeById(tx, user.practiceId))?.timeZone ?? zone;
  }
  const when = DateTime.fromJSDate(at, { zone }).toFormat("cccc d LLLL yyyy 'at' HH:mm");
  const what = details ? `${WHAT[change]} on ${when} (${zone}).` : `${WHAT[change]}.`;
  await enqueueEmail(tx, {
    kind: 'security-notice',
    practiceId: user.practiceId,
    to,
    subject: 'A change to how you sign in',
    text: [
      what,
      '',
      'If you made this change, there is nothing more to do.',
      IF_NOT_YOU[change],
    ].join('\n'),
  });
  return 'sent';
}
