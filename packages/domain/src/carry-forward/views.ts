import type { Homework, Thread } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { AttachmentInfo, HomeworkWithAttachment, ThreadRow } from './repository';

export const threadTitlePurpose = (id: string): string => `thread.title:${id}`;
export const homeworkPurpose = (
  id: string,
  field: 'title' | 'instructions' | 'comment' | 'link',
): string => `homework.${field}:${id}`;
export const attachmentPurpose = (id: string): string => `attachment.content:${id}`;
/** A file's name can say what it holds ("letter to my father.m4a"), so it is sealed too. */
export const attachmentFileNamePurpose = (id: string): string => `attachment.file-name:${id}`;

/** An attachment's metadata with its file name opened. */
export async function openAttachmentInfo(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  info: AttachmentInfo | null,
): Promise<AttachmentInfo | null> {
  if (!info) return null;
  const fileName = await ctx.services.keyring.decrypt(
    tx,
    practiceId,
    info.fileName,
    attachmentFileNamePurpose(info.id),
  );
  return { ...info, fileName };
}

export type ThreadView = Thread;

export type HomeworkView = Homework;

export async function toThreadView(
  tx: Executor,
  ctx: AccessContext,
  row: ThreadRow,
): Promise<ThreadView> {
  return {
    id: row.id,
    episodeId: row.episodeId,
    title: await ctx.services.keyring.decrypt(
      tx,
      row.practiceId,
      row.title,
      threadTitlePurpose(row.id),
    ),
    status: row.closedAt ? 'closed' : 'open',
    openedAt: row.openedAt,
    openedInNoteId: row.openedInNoteId,
    closedAt: row.closedAt,
    closedInNoteId: row.closedInNoteId,
  };
}

export async function toHomeworkView(
  tx: Executor,
  ctx: AccessContext,
  row: HomeworkWithAttachment,
): Promise<HomeworkView> {
  const open = (value: string, field: 'title' | 'instructions' | 'comment' | 'link') =>
    ctx.services.keyring.decrypt(tx, row.practiceId, value, homeworkPurpose(row.id, field));
  return {
    id: row.id,
    episodeId: row.episodeId,
    noteId: row.noteId,
    title: await open(row.title, 'title'),
    instructions: await open(row.instructions, 'instructions'),
    link: row.link === null ? null : await open(row.link, 'link'),
    attachmentId: row.attachmentId,
    attachment: await openAttachmentInfo(tx, ctx, row.practiceId, row.attachment),
    dueOn: row.dueOn,
    status: row.status,
    completedAt: row.completedAt,
    clientComment: row.clientComment ? await open(row.clientComment, 'comment') : null,
    createdAt: row.createdAt,
  };
}
