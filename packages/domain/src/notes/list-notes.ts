import { type AccessContext, performOnEpisode } from '../access';
import { listByEpisode, type NoteSummaryRow } from './repository';

/**
 * The session notes of an episode, newest first, without bodies. Psychotherapy notes are not
 * part of the record and never appear here (HIPAA 45 CFR 164.501).
 */
export async function listNotes(ctx: AccessContext, episodeId: string): Promise<NoteSummaryRow[]> {
  const rows = await performOnEpisode(ctx, 'note.list', episodeId, async (tx, step) => {
    const { actor } = step;
    const found = await listByEpisode(tx, actor.practiceId, episodeId);
    step.audit({ detail: { count: found.length } });
    return found;
  });
  return rows;
}
