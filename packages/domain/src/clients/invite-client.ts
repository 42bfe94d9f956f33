import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { createInvitation } from '../identity/invitations';
import { findPracticeById } from '../identity/repository';
import { insertUser } from '../identity/users';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findById } from './repository';
import { clients } from './tables';
import { type ClientView, toClientView } from './views';

/**
 * A therapist adds a client to their caseload and invites them to the portal by e-mail. The
 * client record, the portal account, the invitation and its e-mail commit together or not at all.
 */
export async function inviteClient(
  ctx: AccessContext,
  input: { displayName: string; email: string },
): Promise<ClientView> {
  const actor = signedIn(ctx);
  const { db } = ctx.services;
  const practice = await findPracticeById(db, actor.practiceId);
  if (!practice) throw new AppError('NOT_FOUND', 'Your practice no longer exists.');
  return inTransaction(db, async (tx) => {
    const user = await insertUser(tx, ctx, {
      practiceId: actor.practiceId,
      email: input.email,
      displayName: input.displayName,
      role: 'client',
    });
    const id = randomUUID();
    await tx.insert(clients).values({
      id,
      practiceId: actor.practiceId,
      userId: user.id,
      displayName: input.displayName,
      email: user.email,
      therapistId: actor.userId,
    });
    await createInvitation(tx, ctx, {
      practiceId: actor.practiceId,
      userId: user.id,
      email: user.email,
      role: 'client',
      practiceName: practice.name,
    });
    await recordAudit(tx, ctx, {
      action: 'client.create',
      resourceType: 'client',
      resourceId: id,
      outcome: 'success',
    });
    const row = await findById(tx, actor, id);
    if (!row) throw new Error('new client not visible to its therapist');
    return toClientView(row);
  });
}
