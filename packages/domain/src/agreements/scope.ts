import { type AccessContext, isPartyOf, Refusal, type SignedIn, signedIn } from '../access';
import { recordAudit } from '../audit';
import { type EpisodeAccess, findVisibleEpisode } from '../episodes';
import { AppError, notFound } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';

export { Refusal };

/** The caller's access as a party of the episode (its therapist or its client). */
export type PartyAccess = EpisodeAccess & { as: 'therapist' | 'client' };

export type ScopedWork<T> = (
  tx: Executor,
  access: PartyAccess,
  actor: SignedIn,
) => Promise<T | Refusal>;

/**
 * Runs `work` in one transaction on an episode the caller is a party of (the therapist of the
 * episode or the client it is about, as `episodes/access.ts` decides). Not a party → the attempt
 * is audited as denied and answered 404 once that event has committed; a `Refusal` returned by
 * `work` (which audited it as failure) is thrown after commit the same way.
 */
export async function inPartyEpisode<T>(
  ctx: AccessContext,
  input: {
    action: string;
    resourceType: string;
    resourceId: string;
    /** Finds the episode of the target (the episode itself, or the version's agreement's). */
    episodeOf: (tx: Executor, practiceId: string) => Promise<string | undefined>;
  },
  work: ScopedWork<T>,
): Promise<T> {
  const actor = signedIn(ctx);
  const outcome = await inTransaction(ctx.services.db, async (tx) => {
    const episodeId = await input.episodeOf(tx, actor.practiceId);
    const found = episodeId
      ? await findVisibleEpisode(tx, actor, episodeId, ctx.services.now())
      : undefined;
    // A supervisor or a designee may read an episode, but is never a party to its agreements.
    const access = found && isPartyOf(found) ? found : undefined;
    if (!access) {
      await recordAudit(tx, ctx, {
        action: input.action,
        resourceType: input.resourceType,
        resourceId: input.resourceId,
        outcome: 'denied',
      });
      return new Refusal(notFound('agreement'));
    }
    return work(tx, access, actor);
  });
  if (outcome instanceof Refusal) throw outcome.error;
  return outcome;
}

export const supersededError = (): AppError =>
  new AppError(
    'AGREEMENT_VERSION_SUPERSEDED',
    'This version has been replaced by a newer one. Read the current version and answer that one.',
  );
