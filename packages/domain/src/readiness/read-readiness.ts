import type { Readiness } from '@throughline/contracts';
import { type AccessContext, type EpisodeStep, performOnEpisode, phaseAllows } from '../access';
import { clientFieldPurpose } from '../clients';
import type { Executor } from '../shared/transaction';
import { gatherEvidence } from './evidence';
import { presentViews } from './present';
import { findPeople, listByEpisodes } from './repository';

/** The review as its reader sees it, inside an admitted episode step. */
export async function buildReadiness(
  tx: Executor,
  ctx: AccessContext,
  step: Pick<EpisodeStep, 'episode' | 'as'>,
): Promise<Readiness> {
  const { episode } = step;
  const viewer = step.as === 'client' ? 'client' : 'therapist';
  const people = await findPeople(tx, episode);
  const { evidence, suggestion } = await gatherEvidence(tx, ctx, episode, viewer === 'therapist');
  const views = await presentViews(
    tx,
    ctx,
    await listByEpisodes(tx, episode.practiceId, [episode.id]),
  );
  return {
    episodeId: episode.id,
    phase: episode.phase,
    viewer,
    clientName: people.preferredName ?? people.displayName,
    clientPronouns: await ctx.services.keyring.decryptOptional(
      tx,
      episode.practiceId,
      people.pronouns,
      clientFieldPurpose(people.clientId, 'pronouns'),
    ),
    therapistName: people.therapistName,
    open: phaseAllows('readiness.view.give', episode.phase, step.as),
    suggestion,
    evidence,
    ...views,
  };
}

/**
 * The readiness review of an episode (issue 11): its therapist or its client, in any phase (a
 * read); anyone else 404. Audited with how many views it holds, never their words.
 */
export function readReadiness(ctx: AccessContext, episodeId: string): Promise<Readiness> {
  return performOnEpisode(ctx, 'readiness.read', episodeId, async (tx, step) => {
    const readiness = await buildReadiness(tx, ctx, step);
    step.audit({ detail: { views: readiness.history.length, viewer: readiness.viewer } });
    return readiness;
  });
}
