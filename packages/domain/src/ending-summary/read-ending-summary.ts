import type { EndingSummary } from '@throughline/contracts';
import { type AccessContext, performOnEpisode, Refusal } from '../access';
import { type ClientHeadRow, clientHeadSql } from '../clients';
import { findDisplayNames, findPracticeById } from '../identity';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { draftFromRecord } from './draft';
import { findLatest, findLatestShared } from './repository';
import { type Names, openSummary, present } from './views';

export const notShared = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'There is no ending summary to read yet: your therapist shares it once it is written.',
  );

/** The names the summary is addressed with: the client's, the therapist's and the practice's. */
export async function namesOf(
  tx: Executor,
  episode: { practiceId: string; clientId: string; therapistId: string },
): Promise<Names> {
  const client = await tx.execute<ClientHeadRow>(
    clientHeadSql({ practiceId: episode.practiceId, clientId: episode.clientId }),
  );
  const therapists = await findDisplayNames(tx, episode.practiceId, [episode.therapistId]);
  const practice = await findPracticeById(tx, episode.practiceId);
  const head = client.rows[0];
  if (!head || !practice) throw new Error('ending summary: an admitted episode has no names');
  return {
    client: head.preferred_name || head.display_name,
    therapist: therapists.get(episode.therapistId) ?? 'Your therapist',
    practice: practice.name,
    zone: practice.timeZone,
  };
}

/**
 * The episode's ending summary. Its therapist reads the newest version (a draft from the record,
 * version 0, until one is saved) from the `ending` phase on; its client reads only the version
 * last shared with them, and before that gets 404, as does anyone else (audited by the kernel).
 */
export function readEndingSummary(ctx: AccessContext, episodeId: string): Promise<EndingSummary> {
  return performOnEpisode(ctx, 'ending-summary.read', episodeId, async (tx, step) => {
    const { episode } = step;
    const names = await namesOf(tx, episode);
    const shared = await findLatestShared(tx, episode.practiceId, episode.id);
    const row =
      step.as === 'client' ? shared : await findLatest(tx, episode.practiceId, episode.id);
    if (step.as === 'client' && !row) return new Refusal(notShared());
    step.audit({
      resourceType: 'ending-summary',
      resourceId: row?.id ?? null,
      detail: { version: row?.version ?? 0 },
    });
    if (!row)
      return present(
        episodeId,
        names,
        { v: 1, ...(await draftFromRecord(tx, ctx, episode, names)) },
        {
          version: 0,
          sharedAt: null,
          sharedVersion: null,
          savedAt: null,
        },
      );
    return present(episodeId, names, await openSummary(tx, ctx, row), {
      version: row.version,
      sharedAt: row.sharedAt,
      sharedVersion: shared?.version ?? null,
      savedAt: row.savedAt,
    });
  });
}
