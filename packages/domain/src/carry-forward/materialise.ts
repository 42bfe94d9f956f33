import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { homework, threads } from './tables';
import { homeworkPurpose, threadTitlePurpose } from './views';

export type CarryForward = {
  threadsToOpen: string[];
  threadsToClose: string[];
  homework: {
    title: string;
    instructions: string;
    link?: string | undefined;
    attachmentId?: string | undefined;
    dueOn?: string | undefined;
  }[];
};

/**
 * What a signed note carries into the next session, written in the signing transaction: new
 * threads (encrypted titles), the closing of open threads it names, and homework for the client.
 * The caller has checked that the threads to close are open threads of this episode and the
 * attachments belong to it.
 */
export async function materialiseCarryForward(
  tx: Executor,
  ctx: AccessContext,
  note: { practiceId: string; episodeId: string; id: string; authorId: string },
  items: CarryForward,
  now: Date,
): Promise<{ threadsOpened: number; threadsClosed: number; homework: number }> {
  const { keyring } = ctx.services;
  const { practiceId, episodeId } = note;
  if (items.threadsToOpen.length > 0) {
    await tx.insert(threads).values(
      await Promise.all(
        items.threadsToOpen.map(async (title) => {
          const id = randomUUID();
          return {
            practiceId,
            id,
            episodeId,
            openedInNoteId: note.id,
            title: await keyring.encrypt(tx, practiceId, title, threadTitlePurpose(id)),
            openedAt: now,
          };
        }),
      ),
    );
  }
  let threadsClosed = 0;
  if (items.threadsToClose.length > 0) {
    const closed = await tx
      .update(threads)
      .set({ closedAt: now, closedInNoteId: note.id })
      .where(
        and(
          eq(threads.practiceId, practiceId),
          eq(threads.episodeId, episodeId),
          inArray(threads.id, items.threadsToClose),
          isNull(threads.closedAt),
        ),
      )
      .returning({ id: threads.id });
    threadsClosed = closed.length;
  }
  if (items.homework.length > 0) {
    await tx.insert(homework).values(
      await Promise.all(
        items.homework.map(async (h) => {
          const id = randomUUID();
          return {
            practiceId,
            id,
            episodeId,
            noteId: note.id,
            title: await keyring.encrypt(tx, practiceId, h.title, homeworkPurpose(id, 'title')),
            instructions: await keyring.encrypt(
              tx,
              practiceId,
              h.instructions,
              homeworkPurpose(id, 'instructions'),
            ),
            link: await keyring.encryptOptional(
              tx,
              practiceId,
              h.link ?? null,
              homeworkPurpose(id, 'link'),
            ),
            attachmentId: h.attachmentId ?? null,
            dueOn: h.dueOn ?? null,
            createdAt: now,
            createdBy: note.authorId,
          };
        }),
      ),
    );
  }
  return {
    threadsOpened: items.threadsToOpen.length,
    threadsClosed,
    homework: items.homework.length,
  };
}
