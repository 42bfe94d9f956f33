import type { Readiness } from '@throughline/contracts';
import { type AccessContext, type EpisodeStep, performOnEpisode, phaseAllows } from '../access';
import { clientFieldPurpose, findClientById } from '../clients';
import { findDisplayNames } from '../identity';
import type { Executor } from '../shared/transaction';
import { gatherEvidence } from './evidence';
import { presentViews } from './present';
import { listByEpisode } from './repository';

/** The review as its reader sees it, inside an admitted episode step. */
export async function buildReadiness(
  tx: Executor,
  ctx: AccessContext,
  step: Pick<EpisodeStep, 'episode' | 'as' | 'actor'>,
): Promise<Readiness> {
  const { episode } = step;
  const viewer = step.as === 'client' ? 'client' : 'therapist';
  const client = await findClientById(tx, step.actor, episode.clientId);
  if (!client) throw new Error('readiness: an admitted episode has no client');
  const clientName = client.preferredName ?? client.displayName;
  const staff = await findDisplayNames(tx, episode.practiceId, [episode.therapistId]);
  const { evidence, suggestion } = await gatherEvidence(tx, ctx, episode, viewer === 'therapist');
  const rows = await listByEpisode(tx, episode.practiceId, episode.id);
  const views = await presentViews(tx, ctx, rows, { client: clientName });
  return {
    episodeId: episode.id,
    phase: episode.phase,
    viewer,
    clientName,
    clientPronouns: await ctx.services.keyring.decryptOptional(
      tx,
      episode.practiceId,
      client.pronouns,
      clientFieldPurpose(client.id, 'pronouns'),
    ),
    therapistName: staff.get(episode.therapistId) ?? 'Your therapist',
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
