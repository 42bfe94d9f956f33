import type { AccessContext } from '../access';
import { createPsychotherapyNote, type PsychotherapyNoteView } from '../notes';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { sourceInEpisode } from './repository';

export type ReflectionView = PsychotherapyNoteView & {
  about: { kind: 'alert' | 'review'; id: string } | null;
};

/**
 * A private reflection after a review or an alert. It IS a psychotherapy note (HIPAA 45 CFR
 * 164.501): written through the psychotherapy-note use-case (separate key, author-only, audited),
 * never a second private store. `about` is checked to belong to the episode and echoed in the
 * answer; it is not stored, so nothing outside the note hints at what it reflects on.
 */
export async function createReflection(
  ctx: AccessContext,
  episodeId: string,
  input: { body: string; about?: { kind: 'alert' | 'review'; id: string } | undefined },
): Promise<ReflectionView> {
  const about = input.about;
  // Checked inside the note's own kernel step, once the episode is known to be the caller's: a
  // reference to another episode's alert or review is refused (and audited) like any bad input.
  const check = async (tx: Executor, practiceId: string): Promise<void> => {
    if (about && !(await sourceInEpisode(tx, practiceId, episodeId, about.kind, about.id)))
      throw new AppError('VALIDATION_FAILED', `That ${about.kind} is not in this episode.`, [
        { path: 'about.id', message: `Not a ${about.kind} of this episode.` },
      ]);
  };
  const note = await createPsychotherapyNote(ctx, { episodeId, body: input.body }, check);
  return { ...note, about: about ?? null };
}
