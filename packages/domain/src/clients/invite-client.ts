import { randomUUID } from 'node:crypto';
import type { InvitedClient } from '@throughline/contracts';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import {
  auditRefusedCreate,
  createInvitation,
  findPracticeById,
  insertUser,
  issueSignUpCode,
} from '../identity';
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
  /** Absent for a client who must not be e-mailed: they get a sign-up code in person. */
  email?: string | undefined;
  /**
   * Invite now (default): by e-mail where the client may be e-mailed, otherwise with a sign-up
   * code the therapist hands over. False: the record and login exist, nothing is sent or issued.
   */
  invite?: boolean;
};

export type CreatedClient = InvitedClient;

/**
 * A therapist adds a client to their caseload and (unless told not to) invites them to the portal:
 * by e-mail, or — when the client has no e-mail or may not be e-mailed (safe contact, ETHICS.md) —
 * with a one-time sign-up code, returned this once for the therapist to hand over in person. The
 * client record, the portal account, the invitation and its e-mail commit together or not at all.
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
  const invite = input.invite ?? true;
  const email = input.email ?? null;
  const sendInvitation =
    invite && email !== null && clientMailPolicy(safeContact, 'invitation').send;
  return inTransaction(db, async (tx) => {
    const user = await insertUser(tx, ctx, {
      practiceId: actor.practiceId,
      email,
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
    if (sendInvitation && user.email) {
      await createInvitation(tx, ctx, {
        practiceId: actor.practiceId,
        userId: user.id,
        email: user.email,
      });
    }
    const signUpCode =
      invite && !sendInvitation
        ? await issueSignUpCode(tx, ctx, { practiceId: actor.practiceId, userId: user.id })
        : null;
    await recordAudit(tx, ctx, {
      action: 'client.create',
      resourceType: 'client',
      resourceId: id,
      outcome: 'success',
      detail: { invitationSent: sendInvitation, signUpCodeIssued: signUpCode !== null },
    });
    const row = await findById(tx, actor, id);
    if (!row) throw new Error('new client not visible to its therapist');
    return {
      ...(await openClient(tx, ctx.services.keyring, row)),
      invitationSent: sendInvitation,
      signUpCode,
    };
  }).catch(async (error: unknown) => {
    await auditRefusedCreate(ctx, error, 'client.create');
    throw error;
  });
}
