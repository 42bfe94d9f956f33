import { type AccessContext, actsAsClient, HIDDEN, performOnEpisode, relationMay } from '../access';
import { clientFieldPurpose } from '../clients';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { nextPhases } from './phases';
import {
  type EpisodeListRow,
  findAdmitted,
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
  mayChangePhase = !asClient,
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
    nextPhases: mayChangePhase ? [...nextPhases(row.phase)] : [],
  };
}

/**
 * One episode with its client, phase history and the chain of earlier episodes, for whoever the
 * kernel admits to `episode.read` (its parties, a consented supervisor, a designee covering);
 * anyone else gets 404 (audited as denied). The next phases are offered only to whom POLICY lets
 * change the phase.
 */
export async function getEpisode(ctx: AccessContext, episodeId: string): Promise<EpisodeDetail> {
  return performOnEpisode(ctx, 'episode.read', episodeId, async (tx, step) => {
    const row = await findAdmitted(tx, step.actor.practiceId, episodeId);
    if (!row) return HIDDEN;
    const mayChange = relationMay(step.as, 'episode.phase.change');
    return readDetail(tx, ctx.services.keyring, row, actsAsClient(step), mayChange);
  });
}
