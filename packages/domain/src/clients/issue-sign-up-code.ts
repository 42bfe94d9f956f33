import type { IssuedSignUpCode } from '@throughline/contracts';
import { type AccessContext, HIDDEN, perform } from '../access';
import { issueSignUpCode } from '../identity';
import { AppError } from '../shared/errors';
import { findById } from './repository';

/**
 * A new sign-up code for a client of the therapist who has not signed up yet (the first was lost,
 * or has expired). Earlier codes and links stop working. Shown once; only its hash is kept.
 */
export async function issueClientSignUpCode(
  ctx: AccessContext,
  clientId: string,
): Promise<IssuedSignUpCode> {
  const target = { resourceType: 'client', resourceId: clientId, what: 'client' };
  return perform(ctx, 'client.sign-up-code.issue', target, async (tx, { actor }) => {
    const row = await findById(tx, actor, clientId);
    if (!row || row.therapistId !== actor.userId) return HIDDEN;
    if (row.accepted) {
      throw new AppError(
        'CONFLICT',
        'This client has already set up their portal account, so there is no code to give.',
      );
    }
    return issueSignUpCode(tx, ctx, { practiceId: row.practiceId, userId: row.userId });
  });
}
