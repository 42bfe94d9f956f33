import type { ApiToken } from '@throughline/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type AccessContext, roleMay, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { hashToken, randomToken } from '../shared/secrets';
import { inTransaction } from '../shared/transaction';
import { findUserByEmail } from './repository';
import { apiTokens } from './tables';

export type ApiTokenView = ApiToken;

export type IssuedApiToken = { id: string; name: string; token: string; expiresAt: Date };

const TOKEN_PREFIX = 'tl_';
const DAY_MS = 24 * 60 * 60 * 1000;

async function issue(
  ctx: AccessContext,
  owner: { practiceId: string; userId: string },
  input: { name: string; expiresInDays: number },
): Promise<IssuedApiToken> {
  const token = randomToken(TOKEN_PREFIX);
  const now = ctx.services.now();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  return inTransaction(ctx.services.db, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        ...owner,
        name: input.name,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error('token insert returned nothing');
    await recordAudit(tx, ctx, {
      practiceId: owner.practiceId,
      action: 'token.create',
      resourceType: 'api-token',
      resourceId: row.id,
      outcome: 'success',
      detail: { owner: owner.userId, days: input.expiresInDays },
    });
    return { id: row.id, name: row.name, token, expiresAt };
  });
}

/** A signed-in, two-factor-verified user creates a token for themself; it is shown once. */
export function createApiToken(
  ctx: AccessContext,
  input: { name: string; expiresInDays: number },
): Promise<IssuedApiToken> {
  const actor = signedIn(ctx);
  return issue(ctx, { practiceId: actor.practiceId, userId: actor.userId }, input);
}

/** Operator path (`throughline token create --email`): whoever runs the CLI holds the server. */
export async function issueApiTokenForEmail(
  ctx: AccessContext,
  input: { email: string; name: string; expiresInDays: number },
): Promise<IssuedApiToken> {
  const user = await findUserByEmail(ctx.services.db, input.email);
  if (!user)
    throw new AppError('NOT_FOUND', `No user with the e-mail address ${input.email} exists.`);
  if (!roleMay(user.role, 'token.create')) {
    throw new AppError(
      'FORBIDDEN',
      `${input.email} is a client's portal account; personal API tokens are only for the practice's staff.`,
    );
  }
  return issue(ctx, { practiceId: user.practiceId, userId: user.id }, input);
}

export async function listApiTokens(ctx: AccessContext): Promise<ApiTokenView[]> {
  const actor = signedIn(ctx);
  const rows = await ctx.services.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.practiceId, actor.practiceId), eq(apiTokens.userId, actor.userId)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(({ id, name, createdAt, expiresAt, lastUsedAt, revokedAt }) => ({
    id,
    name,
    createdAt,
    expiresAt,
    lastUsedAt,
    revokedAt,
  }));
}

/** Revokes one of the caller's own tokens; anyone else's answers 404. */
export async function revokeApiToken(ctx: AccessContext, tokenId: string): Promise<void> {
  const actor = signedIn(ctx);
  await inTransaction(ctx.services.db, async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.services.now() })
      .where(
        and(
          eq(apiTokens.practiceId, actor.practiceId),
          eq(apiTokens.userId, actor.userId),
          eq(apiTokens.id, tokenId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw notFound('active token');
    await recordAudit(tx, ctx, {
      action: 'token.revoke',
      resourceType: 'api-token',
      resourceId: tokenId,
      outcome: 'success',
    });
  });
}
