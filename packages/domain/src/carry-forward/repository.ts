import { and, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SignedIn } from '../access';
import { episodesAbout, episodesTreatedBy } from '../access';
import { episodes } from '../episodes/tables';
import type { Executor } from '../shared/transaction';
import { attachments, homework, threads } from './tables';

export type ThreadRow = typeof threads.$inferSelect;
export type HomeworkRow = typeof homework.$inferSelect;
export type AttachmentInfo = { id: string; fileName: string; mediaType: string; sizeBytes: number };
export type HomeworkWithAttachment = HomeworkRow & { attachment: AttachmentInfo | null };

const onEpisode = (practiceId: AnyPgColumn, episodeId: AnyPgColumn) =>
  and(eq(episodes.practiceId, practiceId), eq(episodes.id, episodeId));

export async function listThreads(
  db: Executor,
  practiceId: string,
  episodeId: string,
  status: 'open' | 'closed' | 'all',
): Promise<ThreadRow[]> {
  const which =
    status === 'open'
      ? isNull(threads.closedAt)
      : status === 'closed'
        ? isNotNull(threads.closedAt)
        : undefined;
  return db
    .select()
    .from(threads)
    .where(and(eq(threads.practiceId, practiceId), eq(threads.episodeId, episodeId), which))
    .orderBy(desc(threads.openedAt), desc(threads.id));
}

/** A thread of an episode the actor holds as its therapist, locked for closing. */
export async function findThread(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<ThreadRow | undefined> {
  const [row] = await db
    .select({ thread: threads })
    .from(threads)
    .innerJoin(episodes, onEpisode(threads.practiceId, threads.episodeId))
    .where(and(episodesTreatedBy(actor), eq(threads.id, id)))
    .for('update', { of: threads });
  return row?.thread;
}

export async function openThreadIds(
  db: Executor,
  practiceId: string,
  episodeId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: threads.id })
    .from(threads)
    .where(
      and(
        eq(threads.practiceId, practiceId),
        eq(threads.episodeId, episodeId),
        inArray(threads.id, ids),
        isNull(threads.closedAt),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

const attachmentInfo = sql<AttachmentInfo | null>`(
  SELECT json_build_object('id', ${attachments.id}, 'fileName', ${attachments.fileName},
    'mediaType', ${attachments.mediaType}, 'sizeBytes', ${attachments.sizeBytes})
  FROM ${attachments}
  WHERE ${attachments.practiceId} = ${homework.practiceId} AND ${attachments.id} = ${homework.attachmentId})`;

export async function listHomework(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<HomeworkWithAttachment[]> {
  const rows = await db
    .select({ homework, attachment: attachmentInfo })
    .from(homework)
    .where(and(eq(homework.practiceId, practiceId), eq(homework.episodeId, episodeId)))
    .orderBy(desc(homework.createdAt), desc(homework.id));
  return rows.map((r) => ({ ...r.homework, attachment: r.attachment }));
}

/** The client's open homework and what they finished since `doneSince`, across their episodes. */
export async function listPortalHomework(
  db: Executor,
  actor: SignedIn,
  doneSince: Date,
): Promise<HomeworkWithAttachment[]> {
  const rows = await db
    .select({ homework, attachment: attachmentInfo })
    .from(homework)
    .innerJoin(episodes, onEpisode(homework.practiceId, homework.episodeId))
    .where(
      and(
        episodesAbout(actor),
        or(eq(homework.status, 'assigned'), gte(homework.completedAt, doneSince)),
      ),
    )
    .orderBy(desc(homework.createdAt), desc(homework.id))
    .limit(200);
  return rows.map((r) => ({ ...r.homework, attachment: r.attachment }));
}

/** Homework of an episode the actor is the client of, locked for completion. */
export async function findClientHomework(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<HomeworkRow | undefined> {
  const [row] = await db
    .select({ homework })
    .from(homework)
    .innerJoin(episodes, onEpisode(homework.practiceId, homework.episodeId))
    .where(and(episodesAbout(actor), eq(homework.id, id)))
    .for('update', { of: homework });
  return row?.homework;
}

/**
 * An attachment the actor may download: the therapist of its episode; the client of the episode
 * only once it is part of homework set for them (a therapist's upload is not shared until then).
 */
export async function findVisibleAttachment(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<typeof attachments.$inferSelect | undefined> {
  const sharedWithClient = sql`EXISTS (SELECT 1 FROM ${homework} WHERE ${homework.practiceId} = ${attachments.practiceId} AND ${homework.attachmentId} = ${attachments.id} AND ${homework.episodeId} = ${attachments.episodeId})`;
  const [row] = await db
    .select({ attachment: attachments })
    .from(attachments)
    .innerJoin(episodes, onEpisode(attachments.practiceId, attachments.episodeId))
    .where(
      and(
        eq(attachments.id, id),
        or(episodesTreatedBy(actor), and(episodesAbout(actor), sharedWithClient)),
      ),
    );
  return row?.attachment;
}

export async function attachmentIdsInEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.practiceId, practiceId),
        eq(attachments.episodeId, episodeId),
        inArray(attachments.id, ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
