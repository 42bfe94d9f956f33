import type { EndingSummary } from '@throughline/contracts';
import { type AccessContext, performOnEpisode } from '../access';
import { draftFromRecord } from './draft';
import { namesOf } from './read-ending-summary';
import { findLatest, markShared } from './repository';
import { saveVersion, versionConflict } from './update-ending-summary';
import { openSummary, present, type StoredSummary } from './views';

/**
 * The therapist shares the version they read with the client (portal page and PDF). `version`
 * must be the newest (else 409, nothing shared); version 0 — the draft from the record, never
 * saved — is saved as version 1 and shared as it is. Sharing a shared version again changes
 * nothing. From the `ending` phase on.
 */
export function shareEndingSummary(
  ctx: AccessContext,
  episodeId: string,
  input: { version: number },
): Promise<EndingSummary> {
  return performOnEpisode(ctx, 'ending-summary.share', episodeId, async (tx, step) => {
    const { episode } = step;
    const names = await namesOf(tx, episode);
    const latest = await findLatest(tx, episode.practiceId, episode.id);
    const current = latest?.version ?? 0;
    if (input.version !== current) throw versionConflict(current);
    let content: StoredSummary;
    let row: { id: string; version: number; savedAt: Date; sharedAt: Date | null };
    if (latest) {
      content = await openSummary(tx, ctx, latest);
      row = latest;
    } else {
      content = { v: 1, ...(await draftFromRecord(tx, ctx, episode, names)) };
      const saved = await saveVersion(
        tx,
        ctx,
        { episode, userId: step.actor.userId, latest: 0 },
        content,
      );
      row = { ...saved.row, sharedAt: null };
    }
    const sharedAt = row.sharedAt ?? ctx.services.now();
    if (!row.sharedAt)
      await markShared(
        tx,
        { practiceId: episode.practiceId, id: row.id },
        step.actor.userId,
        sharedAt,
      );
    step.audit({
      resourceType: 'ending-summary',
      resourceId: row.id,
      detail: { version: row.version, again: row.sharedAt !== null },
    });
    return present(episodeId, names, content, {
      version: row.version,
      sharedAt,
      sharedVersion: row.version,
      savedAt: row.savedAt,
    });
  });
}
