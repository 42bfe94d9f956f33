import type { Services } from '../access';
import type { ClientMailContact } from '../clients';
import { clientMailPolicy, enqueueEmail } from '../notifications';
import type { Executor } from '../shared/transaction';

/**
 * Tells a client who withdrew that a letter waits in their portal, through the one client e-mail
 * rule (ETHICS.md): nothing unless they allow e-mail; the neutral text unless they allow details
 * (then the therapist's name). Never the letter: an e-mail can be read by someone else.
 */
export async function emailClientOfClosureLetter(
  tx: Executor,
  services: Services,
  input: { practiceId: string; client: ClientMailContact; therapistName: string },
): Promise<'sent' | 'skipped-preferences'> {
  const policy = clientMailPolicy(input.client, 'closure-letter');
  if (!policy.send || !input.client.email) return 'skipped-preferences';
  const portal = `${services.publicUrl}/`;
  await enqueueEmail(tx, {
    practiceId: input.practiceId,
    to: input.client.email,
    subject: policy.details
      ? `A letter from ${input.therapistName}`
      : 'Something new in your portal',
    text: policy.details
      ? `${input.therapistName} has left you a letter in your portal. Sign in to read it.\n\n${portal}\n`
      : `There is something new for you in your portal. Sign in to see it.\n\n${portal}\n`,
  });
  return 'sent';
}
