import { randomInt } from 'node:crypto';
import type { IssuedSignUpCode } from '@throughline/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { hashToken } from '../shared/secrets';
import type { Executor } from '../shared/transaction';
import { INVITATION_TTL_MS } from './mail-links';
import { invitations, users } from './tables';

/**
 * A sign-up code is an invitation handed over in person (issue 9, item 11): for a client the
 * practice must not e-mail (safe contact, ETHICS.md). It is the invitation's token, made short
 * enough to type: 12 characters of Crockford's base32 (60 bits, no I, L, O or U to misread),
 * shown once to the therapist and stored only as its SHA-256 in `invitations.token_hash`, like a
 * link's. It works once, for as long as an invitation link does; redeeming it is rate-limited per
 * address by the route.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/** A new code, grouped in fours for reading aloud: "7KQ2-M9XD-4TRB". */
export function newSignUpCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/** What the client typed, as the code was minted: case, spaces and dashes ignored, 0/O and 1/I/L alike. */
export function normalizeSignUpCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The stored form: the hash of the normalised code, never the code. */
export function signUpCodeHash(typed: string): string {
  return hashToken(`sign-up-code:${normalizeSignUpCode(typed)}`);
}

/**
 * Issues a code for a portal account that has not signed up yet, in the caller's transaction.
 * Earlier open invitations of the account end now, so only the newest code (or link) works.
 * Audited as `sign-up-code.issue`; the code is returned once and appears in no log or e-mail.
 */
export async function issueSignUpCode(
  tx: Executor,
  ctx: AccessContext,
  account: { practiceId: string; userId: string },
): Promise<IssuedSignUpCode> {
  const now = ctx.services.now();
  await tx
    .update(invitations)
    .set({ expiresAt: now })
    .where(
      and(
        eq(invitations.practiceId, account.practiceId),
        eq(invitations.userId, account.userId),
        isNull(invitations.acceptedAt),
      ),
    );
  const code = newSignUpCode();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const [row] = await tx
    .insert(invitations)
    .values({
      practiceId: account.practiceId,
      userId: account.userId,
      tokenHash: signUpCodeHash(code),
      invitedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      expiresAt,
    })
    .returning({ id: invitations.id });
  if (!row) throw new Error('invitation insert returned nothing');
  await recordAudit(tx, ctx, {
    practiceId: account.practiceId,
    action: 'sign-up-code.issue',
    resourceType: 'user',
    resourceId: account.userId,
    outcome: 'success',
    detail: { invitationId: row.id },
  });
  return { code, expiresAt };
}

const UNKNOWN =
  'This sign-up code is not right. Check it against the one your therapist gave you (letters and digits; dashes do not matter) and try again.';
const USED =
  'This sign-up code has already been used, so it cannot be used again. If you set up your account with it, sign in; otherwise ask your therapist for a new code.';
const EXPIRED =
  'This sign-up code has expired. Ask your therapist for a new one; they can give it to you at your next session.';

export type RedeemableCode = {
  invitationId: string;
  user: typeof users.$inferSelect;
};

/**
 * Finds the open invitation of a typed code, or refuses: an unknown code (404, counted by the
 * route's rate limit), a used or expired one (410, audited in its practice).
 */
export async function findRedeemableCode(
  tx: Executor,
  ctx: AccessContext,
  typed: string,
): Promise<RedeemableCode> {
  const [row] = await tx
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(
      users,
      and(eq(users.practiceId, invitations.practiceId), eq(users.id, invitations.userId)),
    )
    .where(eq(invitations.tokenHash, signUpCodeHash(typed)))
    .for('update', { of: invitations });
  if (!row || row.user.disabledAt) throw new AppError('SIGN_UP_CODE_UNKNOWN', UNKNOWN);
  const reason = row.invitation.acceptedAt
    ? 'used'
    : row.invitation.expiresAt <= ctx.services.now()
      ? 'expired'
      : undefined;
  if (reason) {
    await recordAudit(ctx.services.db, ctx, {
      practiceId: row.user.practiceId,
      actorUserId: null,
      action: 'sign-up-code.redeem',
      resourceType: 'user',
      resourceId: row.user.id,
      outcome: 'failure',
      detail: { reason },
    });
    throw new AppError('SIGN_UP_CODE_SPENT', reason === 'used' ? USED : EXPIRED);
  }
  return { invitationId: row.invitation.id, user: row.user };
}

/** Uses up the code's invitation; false when a concurrent redeem took it first. */
export async function spendSignUpCode(
  tx: Executor,
  code: RedeemableCode,
  now: Date,
): Promise<boolean> {
  const used = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(invitations.practiceId, code.user.practiceId),
        eq(invitations.id, code.invitationId),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  return used.length > 0;
}

/** Is this user name free (it is compared without case, like an e-mail)? */
export async function usernameTaken(tx: Executor, username: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row !== undefined;
}
