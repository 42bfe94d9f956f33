import type { Ending, PortalClosureLetter } from '@throughline/contracts';
import { type AccessContext, performOnEpisode } from '../access';
import { findEndingRow } from '../episodes';
import { findDisplayNames } from '../identity';
import { findRetentionFacts, retentionOfFacts, retentionRuleOf } from '../retention';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { openDetails, toEnding } from './views';

const NO_ENDING = 'No ending is recorded for this episode yet.';

/** The ending as the API shows it, with the retention date once the episode is closed. */
export async function endingView(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  episodeId: string,
): Promise<Ending> {
  const row = await findEndingRow(tx, practiceId, episodeId);
  if (!row) throw new AppError('NOT_FOUND', NO_ENDING);
  const facts = await findRetentionFacts(tx, practiceId, episodeId);
  const retainUntil = facts
    ? (
        await retentionOfFacts(
          tx,
          ctx.services.keyring,
          practiceId,
          await retentionRuleOf(tx, practiceId),
          facts,
        )
      ).retainUntil
    : null;
  return toEnding(tx, ctx.services.keyring, row, retainUntil);
}

/** How the episode ended, in plain words (therapist, or the designee as cover reads). */
export async function getEnding(ctx: AccessContext, episodeId: string): Promise<Ending> {
  return performOnEpisode(ctx, 'episode.ending.read', episodeId, (tx, { actor }) =>
    endingView(tx, ctx, actor.practiceId, episodeId),
  );
}

/**
 * The closure letter after a client's withdrawal, for the client in their portal (and their
 * therapist, to see what was sent). 404 when the ending has no letter.
 */
export async function getClosureLetter(
  ctx: AccessContext,
  episodeId: string,
): Promise<PortalClosureLetter> {
  return performOnEpisode(ctx, 'closure-letter.read', episodeId, async (tx, { actor, episode }) => {
    const row = await findEndingRow(tx, actor.practiceId, episodeId);
    const details = row ? await openDetails(tx, ctx.services.keyring, row) : undefined;
    if (!row || !details || !('closureLetter' in details)) {
      throw new AppError('NOT_FOUND', 'There is no closure letter for this episode.');
    }
    const names = await findDisplayNames(tx, actor.practiceId, [episode.therapistId]);
    return {
      ...details.closureLetter,
      therapistName: names.get(episode.therapistId) ?? '',
      sentAt: row.recordedAt,
    };
  });
}
