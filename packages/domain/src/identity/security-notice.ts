import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { clients } from '../clients/tables';
import { enqueueEmail } from '../notifications/enqueue';
import type { Executor } from '../shared/transaction';
import { findPracticeById, type UserRow } from './repository';

export type SecurityChange = 'two-factor-changed' | 'two-factor-enabled';

const WHAT: Record<SecurityChange, string> = {
  'two-factor-changed': 'The authenticator app used to sign in to your account was changed',
  'two-factor-enabled': 'Two-factor sign-in was turned on for your account',
};

/**
 * Tells the person that how they sign in has changed, so that a change they did not make is
 * noticed (OWASP Authentication Cheat Sheet, "notify the user"). The mail carries no secret and
 * no link. A client's safe-contact preferences (ETHICS.md) are honoured like every other mail:
 * nothing unless they allow e-mail, and not even the time unless they allow details.
 */
export async function queueSecurityNotice(
  tx: Executor,
  user: UserRow,
  change: SecurityChange,
  at: Date,
): Promise<'sent' | 'skipped-preferences'> {
  let details = true;
  let zone = 'UTC';
  if (user.role === 'client') {
    const [client] = await tx
      .select({
        mayEmail: clients.mayEmail,
        details: clients.emailMayIncludeDetails,
        timeZone: clients.timeZone,
      })
      .from(clients)
      .where(and(eq(clients.practiceId, user.practiceId), eq(clients.userId, user.id)));
    if (client && !client.mayEmail) return 'skipped-preferences';
    details = client?.details ?? false;
    zone = client?.timeZone ?? zone;
  } else {
    zone = (await findPracticeById(tx, user.practiceId))?.timeZone ?? zone;
  }
  const when = DateTime.fromJSDate(at, { zone }).toFormat("cccc d LLLL yyyy 'at' HH:mm");
  const what = details ? `${WHAT[change]} on ${when} (${zone}).` : `${WHAT[change]}.`;
  await enqueueEmail(tx, {
    practiceId: user.practiceId,
    to: user.email,
    subject: 'A change to how you sign in',
    text: [
      what,
      '',
      'If you made this change, there is nothing more to do.',
      'If you did not, sign in and set up two-factor again straight away, and tell whoever gave you your account.',
    ].join('\n'),
  });
  return 'sent';
}
