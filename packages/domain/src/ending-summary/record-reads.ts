import type { EndingSummary } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { namesOf } from './read-ending-summary';
import { findLatest, findLatestShared } from './repository';
import { openSummary, present, type StoredSummary } from './views';

export type EndingSummaryRecord = {
  id: string;
  episodeId: string;
  version: number;
  savedBy: string;
  savedAt: Date;
  sharedAt: Date | null;
  content: StoredSummary;
  /** The summary as the client reads it (what the PDF renderer takes). */
  view: EndingSummary;
};

/**
 * An episode's saved ending summary for the record export (issue 12): the version last shared
 * with the client for the client's own copy, the newest saved version for the therapist's. The
 * version-0 draft built from the record is not a document yet and is not exported.
 */
export async function endingSummaryForRecord(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string; clientId: string; therapistId: string },
  audience: 'therapist' | 'client',
): Promise<EndingSummaryRecord | undefined> {
  const shared = await findLatestShared(tx, episode.practiceId, episode.id);
  const row = audience === 'client' ? shared : await findLatest(tx, episode.practiceId, episode.id);
  if (!row) return undefined;
  const content = await openSummary(tx, ctx, row);
  const names = await namesOf(tx, episode);
  return {
    id: row.id,
    episodeId: episode.id,
    version: row.version,
    savedBy: row.savedBy,
    savedAt: row.savedAt,
    sharedAt: row.sharedAt,
    content,
    view: present(episode.id, names, content, {
      version: row.version,
      sharedAt: row.sharedAt,
      sharedVersion: shared?.version ?? null,
      savedAt: row.savedAt,
    }),
  };
}
