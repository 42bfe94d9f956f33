import { type AccessContext, signedIn } from '../access';
import { findVisibleEpisode } from '../episodes';
import { createPsychotherapyNote, type PsychotherapyNoteView } from '../notes';
import { AppError } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
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
  const actor = signedIn(ctx);
  const about = input.about;
  if (about) {
    // A read of ids only; the note's own use-case audits the write (denied attempts included).
    const valid = await inTransaction(ctx.services.db, async (tx) => {
      const access =
        actor.role === 'therapist' ? await findVisibleEpisode(tx, actor, episodeId) : undefined;
      return (
        !access || (await sourceInEpisode(tx, actor.practiceId, episodeId, about.kind, about.id))
      );
    });
    if (!valid)
      throw new AppError('VALIDATION_FAILED', `That ${about.kind} is not in this episode.`, [
        { path: 'about.id', message: `Not a ${about.kind} of this episode.` },
      ]);
  }
  const note = await createPsychotherapyNote(ctx, { episodeId, body: input.body });
  return { ...note, about: about ?? null };
}
