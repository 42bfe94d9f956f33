import { randomUUID } from 'node:crypto';
import type { EndingSummary, EndingSummaryWords } from '@throughline/contracts';
import { type AccessContext, performOnEpisode } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { collectFacts } from './facts';
import { namesOf } from './read-ending-summary';
import { findLatest, findLatestShared, insertVersion, type SummaryRow } from './repository';
import { type Names, present, type StoredSummary, sealSummary } from './views';

export const versionConflict = (current: number): AppError =>
  new AppError(
    'CONFLICT',
    `The ending summary was changed since you opened it (it is now version ${current}). Reload it and make your changes again.`,
  );

function isVersionClash(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const pg = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (pg.code === '23505' && pg.constraint === 'ending_summaries_version_key') return true;
    e = pg.cause;
  }
  return false;
}

/** Saves `content` as the version after `latest`, in the caller's transaction. */
export async function saveVersion(
  tx: Executor,
  ctx: AccessContext,
  input: { episode: { practiceId: string; id: string }; userId: string; latest: number },
  content: StoredSummary,
): Promise<{ row: Pick<SummaryRow, 'id' | 'version' | 'savedAt'> }> {
  const id = randomUUID();
  const version = input.latest + 1;
  const savedAt = ctx.services.now();
  await insertVersion(tx, {
    practiceId: input.episode.practiceId,
    id,
    episodeId: input.episode.id,
    version,
    content: await sealSummary(tx, ctx, { practiceId: input.episode.practiceId, id }, content),
    savedBy: input.userId,
    savedAt,
  }).catch((error: unknown) => {
    // Another save of the same version committed between our read and this insert.
    throw isVersionClash(error) ? versionConflict(version) : error;
  });
  return { row: { id, version, savedAt } };
}

/**
 * The therapist saves their words as a new version (optimistic: `expectedVersion` must be the
 * newest, else 409 and nothing is saved). The facts are read from the record again at each save.
 * From the `ending` phase on (the kernel refuses earlier phases with 409).
 */
export function updateEndingSummary(
  ctx: AccessContext,
  episodeId: string,
  input: EndingSummaryWords & { expectedVersion: number },
): Promise<EndingSummary> {
  return performOnEpisode(ctx, 'ending-summary.update', episodeId, async (tx, step) => {
    const { episode } = step;
    const { expectedVersion, ...words } = input;
    const latest = await findLatest(tx, episode.practiceId, episode.id);
    const current = latest?.version ?? 0;
    if (expectedVersion !== current) throw versionConflict(current);
    const names: Names = await namesOf(tx, episode);
    const content: StoredSummary = { v: 1, facts: await collectFacts(tx, ctx, episode), words };
    const { row } = await saveVersion(
      tx,
      ctx,
      { episode, userId: step.actor.userId, latest: current },
      content,
    );
    step.audit({
      resourceType: 'ending-summary',
      resourceId: row.id,
      detail: { version: row.version },
    });
    const shared = await findLatestShared(tx, episode.practiceId, episode.id);
    return present(episodeId, names, content, {
      version: row.version,
      sharedAt: null,
      sharedVersion: shared?.version ?? null,
      savedAt: row.savedAt,
    });
  });
}
