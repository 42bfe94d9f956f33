import { randomUUID } from 'node:crypto';
import type { InvitedClient } from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { auditRefusedCreate, createInvitation, findPracticeById, insertUser } from '../identity';
import { clientMailPolicy } from '../notifications';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import {
  type ClientDetails,
  checkClientDetails,
  DEFAULT_SAFE_CONTACT,
  detailColumns,
  sealClientColumns,
} from './details';
import { findById } from './repository';
import { clients } from './tables';
import { openClient } from './views';

export type NewClient = ClientDetails & {
  displayName: string;
  email: string;
  /** Send the portal invitation now (default). False: the record and login exist, no e-mail. */
  invite?: boolean;
};

export type CreatedClient = InvitedClient;

/**
 * A therapist adds a client to their caseload and (unless told not to, or the client may not be
 * e-mailed) invites them to the portal. The client record, the portal account, the invitation and
 * its e-mail commit together or not at all.
 */
export async function inviteClient(ctx: AccessContext, input: NewClient): Promise<CreatedClient> {
  const actor = signedIn(ctx);
  const { db } = ctx.services;
  // A blank time zone is no choice: the client gets the practice's, like an absent one.
  const timeZone = input.timeZone?.trim() || undefined;
  checkClientDetails({ ...input, timeZone }, ctx.services.now());
  const practice = await findPracticeById(db, actor.practiceId);
  if (!practice) throw new AppError('NOT_FOUND', 'Your practice no longer exists.');
  const safeContact = { ...DEFAULT_SAFE_CONTACT, ...input.safeContact };
  // Safe contact (ETHICS.md): a client who may not be e-mailed gets no invitation e-mail either.
  const sendInvitation = (input.invite ?? true) && clientMailPolicy(safeContact, 'invitation').send;
  return inTransaction(db, async (tx) => {
    const user = await insertUser(tx, ctx, {
      practiceId: actor.practiceId,
      email: input.email,
      displayName: input.displayName,
      role: 'client',
    });
    const id = randomUUID();
    const details = detailColumns({ ...input, timeZone, safeContact });
    await tx.insert(clients).values({
      ...(await sealClientColumns(tx, ctx.services.keyring, actor.practiceId, id, details)),
      id,
      practiceId: actor.practiceId,
      userId: user.id,
      displayName: input.displayName,
      email: user.email,
      therapistId: actor.userId,
      timeZone: timeZone ?? practice.timeZone,
    });
    if (sendInvitation) {
      await createInvitation(tx, ctx, {
        practiceId: actor.practiceId,
        userId: user.id,
        email: user.email,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'client.create',
      resourceType: 'client',
      resourceId: id,
      outcome: 'success',
      detail: { invitationSent: sendInvitation },
    });
    const row = await findById(tx, actor, id);
    if (!row) throw new Error('new client not visible to its therapist');
    return {
      ...(await openClient(tx, ctx.services.keyring, row)),
      invitationSent: sendInvitation,
    };
  }).catch(async (error: unknown) => {
    await auditRefusedCreate(ctx, error, 'client.create');
    throw error;
  });
}
