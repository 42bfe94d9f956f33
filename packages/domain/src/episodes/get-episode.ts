import { type AccessContext, actsAsClient, HIDDEN, performOnEpisode } from '../access';
import { clientFieldPurpose } from '../clients';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { nextPhases } from './phases';
import {
  type EpisodeListRow,
  findAdmitted,
  findById,
  findClientSummary,
  listPhaseChanges,
  listPreviousIds,
} from './repository';
import { type EpisodeDetail, openEpisode, openPhaseChange } from './views';

/** Reads the detail of an episode already found visible to `actor`. */
export async function readDetail(
  tx: Executor,
  keyring: Keyring,
  row: EpisodeListRow,
  asClient: boolean,
): Promise<EpisodeDetail> {
  const [client, changes, previousEpisodeIds] = await Promise.all([
    findClientSummary(tx, row.practiceId, row.clientId),
    listPhaseChanges(tx, row.practiceId, row.id),
    listPreviousIds(tx, row.practiceId, row.previousEpisodeId),
  ]);
  if (!client) throw new Error('episode without its client');
  return {
    ...(await openEpisode(tx, keyring, row)),
    client: {
      ...client,
      pronouns: await keyring.decryptOptional(
        tx,
        row.practiceId,
        client.pronouns,
        clientFieldPurpose(client.id, 'pronouns'),
      ),
    },
    // The reasons for phase changes are the therapist's clinical reasoning, not client-facing.
    phaseHistory: await Promise.all(changes.map((c) => openPhaseChange(tx, keyring, c, !asClient))),
    previousEpisodeIds,
    nextPhases: asClient ? [] : [...nextPhases(row.phase)],
  };
}

/**
 * One episode with its client, phase history and the chain of earlier episodes. The therapist of
 * the episode and the client it is about may read it; anyone else gets 404 (audited as denied).
 */
export async function getEpisode(ctx: AccessContext, episodeId: string): Promise<EpisodeDetail> {
  return performOnEpisode(ctx, 'episode.read', episodeId, async (tx, step) => {
    // A designee is admitted by the kernel (cover, or responsible after the therapist's death),
    // not by the visibility predicate; they read the record but do not move its phase.
    const designee = step.as === 'designee';
    const row = designee
      ? await findAdmitted(tx, step.actor.practiceId, episodeId)
      : await findById(tx, step.actor, episodeId);
    if (!row) return HIDDEN;
    const detail = await readDetail(tx, ctx.services.keyring, row, actsAsClient(step));
    return designee ? { ...detail, nextPhases: [] } : detail;
  });
}
