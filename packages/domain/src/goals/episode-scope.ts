import { type AccessContext, type SignedIn, signedIn } from '../access';
import { recordAudit } from '../audit';
import { type EpisodeAccess, findVisibleEpisode } from '../episodes';
import { AppError, notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';

export type EpisodeWork<T> = (tx: Executor, access: EpisodeAccess, actor: SignedIn) => Promise<T>;

/**
 * Runs `work` in one transaction on an episode the caller may see in one of `roles`: otherwise
 * the attempt is audited as denied and answered 404 once that event has committed. Writes to a
 * closed episode are refused. `work` records its own success event in the same transaction.
 */
export async function inVisibleEpisode<T>(
  ctx: AccessContext,
  input: {
    action: string;
    episodeId: string;
    roles: readonly ('therapist' | 'client')[];
    writes?: boolean;
  },
  work: EpisodeWork<T>,
): Promise<T> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const result = await inTransaction(ctx.services.db, async (tx) => {
    const role = actor.role === 'therapist' || actor.role === 'client' ? actor.role : undefined;
    const access =
      role && input.roles.includes(role)
        ? await findVisibleEpisode(tx, actor, input.episodeId)
        : undefined;
    if (!access || (input.writes && access.episode.phase === 'closed')) {
      await recordAudit(tx, ctx, {
        action: input.action,
        resourceType: 'episode',
        resourceId: input.episodeId,
        outcome: access ? 'failure' : 'denied',
        ...(access ? { detail: { reason: 'episode-closed' } } : {}),
      });
      failure = access
        ? new AppError(
            'EPISODE_PHASE_INVALID',
            'This episode is closed; its plan can no longer change.',
          )
        : notFound('episode');
      return undefined;
    }
    return { value: await work(tx, access, actor) };
  });
  if (!result) throw failure ?? notFound('episode');
  return result.value;
}

/**
 * The same for a record of an episode (a goal, a discussion item): `find` loads it in the
 * caller's practice, and it counts as visible only when its episode is. Not visible → 404.
 */
export async function inVisibleRecord<Row extends { episodeId: string }, T>(
  ctx: AccessContext,
  input: {
    action: string;
    resourceType: string;
    id: string;
    what: string;
    roles: readonly ('therapist' | 'client')[];
    writes?: boolean;
  },
  find: (tx: Executor, practiceId: string) => Promise<Row | undefined>,
  work: (tx: Executor, row: Row, access: EpisodeAccess, actor: SignedIn) => Promise<T>,
): Promise<T> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const result = await inTransaction(ctx.services.db, async (tx) => {
    const role = actor.role === 'therapist' || actor.role === 'client' ? actor.role : undefined;
    const row = role && input.roles.includes(role) ? await find(tx, actor.practiceId) : undefined;
    const access = row ? await findVisibleEpisode(tx, actor, row.episodeId) : undefined;
    if (!row || !access || (input.writes && access.episode.phase === 'closed')) {
      await recordAudit(tx, ctx, {
        action: input.action,
        resourceType: input.resourceType,
        resourceId: input.id,
        outcome: access ? 'failure' : 'denied',
        ...(access ? { detail: { reason: 'episode-closed' } } : {}),
      });
      failure = access
        ? new AppError(
            'EPISODE_PHASE_INVALID',
            'This episode is closed; its plan can no longer change.',
          )
        : notFound(input.what);
      return undefined;
    }
    return { value: await work(tx, row, access, actor) };
  });
  if (!result) throw failure ?? notFound(input.what);
  return result.value;
}
