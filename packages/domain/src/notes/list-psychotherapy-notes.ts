import { type AccessContext, performOnEpisode } from '../access';
import { listPsychotherapyNotes as listOwn, type PsychotherapyNoteSummaryRow } from './repository';

/** The caller's own psychotherapy notes in an episode they hold, without bodies. */
export async function listPsychotherapyNotes(
  ctx: AccessContext,
  episodeId: string,
): Promise<PsychotherapyNoteSummaryRow[]> {
  const rows = await performOnEpisode(
    ctx,
    'psychotherapy-note.list',
    episodeId,
    async (tx, step) => {
      const { actor } = step;
      const found = await listOwn(tx, actor, episodeId);
      step.audit({ detail: { count: found.length } });
      return found;
    },
  );
  return rows;
}
