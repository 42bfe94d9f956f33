import { and, asc, eq, inArray } from 'drizzle-orm';
import { episodesVisibleTo, type SignedIn } from '../access';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { episodeEndings, episodes } from './tables';
import { openEpisodeTitle } from './views';

export type EpisodeRecord = {
  id: string;
  therapistId: string;
  phase: 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';
  title: string;
  previousEpisodeId: string | null;
  openedAt: Date;
  closedAt: Date | null;
  ending: { kind: string; recordedAt: Date } | null;
};

/**
 * The client's episodes the actor may see (the kernel's `episodesVisibleTo`: the therapist's own
 * episodes, or all of a client's own), oldest first, titles opened, with how each ended — the
 * episodes a record export covers (issue 12). `only` narrows them (a handover names episodes).
 */
export async function listEpisodesForRecord(
  db: Executor,
  keyring: Keyring,
  actor: SignedIn,
  clientId: string,
  only?: readonly string[],
): Promise<EpisodeRecord[]> {
  const rows = await db
    .select()
    .from(episodes)
    .where(
      and(
        episodesVisibleTo(actor),
        eq(episodes.clientId, clientId),
        only ? inArray(episodes.id, [...only, '00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    )
    .orderBy(asc(episodes.openedAt), asc(episodes.id));
  if (rows.length === 0) return [];
  const endings = await db
    .select({
      episodeId: episodeEndings.episodeId,
      kind: episodeEndings.kind,
      recordedAt: episodeEndings.recordedAt,
    })
    .from(episodeEndings)
    .where(
      and(
        eq(episodeEndings.practiceId, actor.practiceId),
        inArray(
          episodeEndings.episodeId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return Promise.all(
    rows.map(async (row) => {
      const ending = endings.find((e) => e.episodeId === row.id);
      return {
        id: row.id,
        therapistId: row.therapistId,
        phase: row.phase,
        title: await openEpisodeTitle(db, keyring, row),
        previousEpisodeId: row.previousEpisodeId,
        openedAt: row.openedAt,
        closedAt: row.closedAt,
        ending: ending ? { kind: ending.kind, recordedAt: ending.recordedAt } : null,
      };
    }),
  );
}

/** Which therapists treat which clients of a practice, over every episode (ids only). */
export async function listTreatingTherapists(
  db: Executor,
  practiceId: string,
): Promise<{ clientId: string; therapistId: string }[]> {
  return db
    .selectDistinct({ clientId: episodes.clientId, therapistId: episodes.therapistId })
    .from(episodes)
    .where(eq(episodes.practiceId, practiceId));
}
