import { randomUUID } from 'node:crypto';
import type { Me, User } from '@throughline/contracts';
import { type AccessContext, type Role, roleMay, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
import { createInvitation } from './invitations';
import { checkPasswordRules, hashPassword } from './passwords';
import { totpSecretPurpose } from './purposes';
import {
  findPracticeById,
  findUserByEmail,
  findUserById,
  listUsersByPractice,
  type UserRow,
} from './repository';
import { users } from './tables';

export type UserView = User;

export function toUserView(row: UserRow, now: Date): UserView {
  const status = row.disabledAt
    ? 'deactivated'
    : !row.passwordHash
      ? 'invited'
      : row.lockedUntil && row.lockedUntil > now
        ? 'locked'
        : 'active';
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    status,
    twoFactorEnabled: row.totpEnabledAt !== null,
    createdAt: row.createdAt,
  };
}

type NewUser = {
  practiceId: string;
  /** Null only for a client who will be given a sign-up code. */
  email: string | null;
  displayName: string;
  role: Role;
  passwordHash?: string | null;
  totpSecret?: string | null;
};

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let e = error;
  // The driver's error may be wrapped by the ORM; look a few causes deep.
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const pg = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
    e = pg.cause;
  }
  return false;
}

/**
 * The one answer for an e-mail address that cannot be used. Sign-in finds the account by e-mail
 * alone, so an address belongs to one account on the server; the answer must not tell a practice
 * that someone elsewhere has it (issue 7 item 11). It is the same whether the address is taken in
 * this practice or another, and names neither the address nor a practice.
 */
export const EMAIL_UNAVAILABLE =
  'This e-mail address cannot be used for a new account. Ask the person for another address they read, or check whether they are already on your list.';

function emailUnavailable(): AppError {
  return new AppError('CONFLICT', EMAIL_UNAVAILABLE, [
    { path: 'email', message: 'Cannot be used; ask for another address.' },
  ]);
}

/** Records a refused create in its own transaction (the refused one rolled back). */
export async function auditRefusedCreate(
  ctx: AccessContext,
  error: unknown,
  action: string,
): Promise<void> {
  if (!(error instanceof AppError) || error.message !== EMAIL_UNAVAILABLE) return;
  await recordAudit(ctx.services.db, ctx, {
    action,
    resourceType: action.split('.')[0] ?? 'user',
    outcome: 'failure',
    detail: { reason: 'email-unavailable' },
  });
}

/** Inserts a user, refusing an e-mail address already in use (in any practice). */
export async function insertUser(
  tx: Executor,
  ctx: AccessContext,
  input: NewUser,
): Promise<UserRow> {
  const taken = emailUnavailable;
  if (input.email !== null && (await findUserByEmail(tx, input.email))) throw taken();
  const id = randomUUID();
  const totpSecret = input.totpSecret
    ? await ctx.services.keyring.encrypt(
        tx,
        input.practiceId,
        input.totpSecret,
        totpSecretPurpose(id),
      )
    : null;
  const [row] = await tx
    .insert(users)
    .values({
      id,
      practiceId: input.practiceId,
      email: input.email?.toLowerCase() ?? null,
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.passwordHash ?? null,
      totpSecret,
      totpEnabledAt: totpSecret ? ctx.services.now() : null,
    })
    .returning()
    .catch((error: unknown) => {
      // A concurrent request took the address between the check above and this insert.
      throw isUniqueViolation(error, 'users_email_key') ? taken() : error;
    });
  if (!row) throw new Error('user insert returned nothing');
  await recordAudit(tx, ctx, {
    practiceId: input.practiceId,
    action: 'user.create',
    resourceType: 'user',
    resourceId: id,
    outcome: 'success',
    detail: { role: input.role },
  });
  return row;
}

/**
 * Operator path (CLI, demo seed): a user with a password set now, optionally with a TOTP secret
 * already enrolled.
 */
export async function createUserWithPassword(
  ctx: AccessContext,
  input: Omit<NewUser, 'passwordHash'> & { password: string },
): Promise<UserView> {
  checkPasswordRules(input.password);
  if (!(await findPracticeById(ctx.services.db, input.practiceId))) {
    throw new AppError('NOT_FOUND', `No practice with id ${input.practiceId} exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  const row = await inTransaction(ctx.services.db, (tx) =>
    insertUser(tx, ctx, { ...input, passwordHash }),
  );
  return toUserView(row, ctx.services.now());
}

/** An administrator invites a member of staff, who sets their own password from the e-mail. */
export async function inviteStaff(
  ctx: AccessContext,
  input: { email: string; displayName: string; role: Exclude<Role, 'client'> },
): Promise<UserView> {
  const actor = signedIn(ctx);
  const practice = await findPracticeById(ctx.services.db, actor.practiceId);
  if (!practice) throw new AppError('NOT_FOUND', 'Your practice no longer exists.');
  const row = await inTransaction(ctx.services.db, async (tx) => {
    const user = await insertUser(tx, ctx, { ...input, practiceId: actor.practiceId });
    await createInvitation(tx, ctx, {
      practiceId: actor.practiceId,
      userId: user.id,
      email: input.email,
    });
    return user;
  }).catch(async (error: unknown) => {
    await auditRefusedCreate(ctx, error, 'user.create');
    throw error;
  });
  return toUserView(row, ctx.services.now());
}

/** The practice's users, for its administrators. The read is audited (issue 7 item 1). */
export async function listUsers(ctx: AccessContext): Promise<UserView[]> {
  const actor = signedIn(ctx);
  const rows = await inTransaction(ctx.services.db, async (tx) => {
    const found = await listUsersByPractice(tx, actor.practiceId);
    await recordAudit(tx, ctx, {
      action: 'user.list',
      resourceType: 'user',
      outcome: 'success',
      detail: { count: found.length },
    });
    return found;
  });
  const now = ctx.services.now();
  return rows.map((r) => toUserView(r, now));
}

export type { Me };

export async function readMe(ctx: AccessContext): Promise<Me> {
  const actor = signedIn(ctx);
  const [user, practice] = await Promise.all([
    findUserById(ctx.services.db, actor.practiceId, actor.userId),
    findPracticeById(ctx.services.db, actor.practiceId),
  ]);
  if (!user || !practice) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return {
    userId: user.id,
    practiceId: practice.id,
    practiceName: practice.name,
    role: user.role,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    twoFactorEnabled: user.totpEnabledAt !== null,
    twoFactorVerified: actor.twoFactorVerified,
    may: {
      manageCalendarFeed: roleMay(user.role, 'calendar.feed.manage'),
      manageApiTokens: roleMay(user.role, 'token.create'),
    },
  };
}
