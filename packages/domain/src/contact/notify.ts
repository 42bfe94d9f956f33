import type { Services } from '../access';
import type { ClientMailContact } from '../clients';
import { clientMailPolicy, enqueueEmail } from '../notifications';
import type { Executor } from '../shared/transaction';

export const NEUTRAL_MESSAGE_NOTICE =
  'There is something new for you in your portal. Sign in to see it.';

/**
 * Tells the client by e-mail that a message waits in the portal — only when the contact agreement
 * includes e-mail notifications, and through the one client e-mail rule (`clientMailPolicy`,
 * ETHICS.md): nothing unless they allow e-mail; the neutral text unless they allow details; with
 * details, the therapist's name. Never the message itself: e-mail is not the secure channel.
 */
export async function emailClientOfMessage(
  tx: Executor,
  services: Services,
  input: { practiceId: string; client: ClientMailContact; therapistName: string },
): Promise<'sent' | 'skipped-preferences'> {
  const policy = clientMailPolicy(input.client, 'message');
  // A client who joined with a sign-up code may have no address: nothing to send.
  if (!policy.send || !input.client.email) return 'skipped-preferences';
  const portal = `${services.publicUrl}/messages`;
  await enqueueEmail(tx, {
    kind: 'message',
    practiceId: input.practiceId,
    to: input.client.email,
    subject: policy.details
      ? `A message from ${input.therapistName}`
      : 'Something new in your portal',
    text: policy.details
      ? `${input.therapistName} has sent you a message. Sign in to your portal to read it.\n\n${portal}\n`
      : `${NEUTRAL_MESSAGE_NOTICE}\n\n${portal}\n`,
  });
  return 'sent';
}

/**
 * Tells the therapist a client has written. No name and no content in the e-mail (it leaves the
 * system); the link opens the episode. A risk-language match says "urgent" in the subject.
 */
export async function emailTherapistOfMessage(
  tx: Executor,
  services: Services,
  input: { practiceId: string; to: string; episodeId: string; urgent: boolean },
): Promise<void> {
  await enqueueEmail(tx, {
    kind: 'message',
    practiceId: input.practiceId,
    to: input.to,
    subject: input.urgent
      ? 'Urgent: a client message needs your attention'
      : 'A new message from a client',
    text: `${input.urgent ? 'A client has written a message that raised an urgent alert. ' : 'A client has written to you. '}Sign in to read it.\n\n${services.publicUrl}/episodes/${input.episodeId}\n`,
  });
}
