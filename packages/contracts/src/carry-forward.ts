import { z } from 'zod';

/** Threads, homework and attachments: what a note carries into the next session (issue 2). */

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const HOMEWORK_COMMENT_MAX = 2000;

export const threadSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.date(),
  openedInNoteId: z.uuid(),
  closedAt: z.date().nullable(),
  closedInNoteId: z.uuid().nullable(),
});
export type Thread = z.output<typeof threadSchema>;

export const threadListSchema = z.object({ items: z.array(threadSchema) });
export type ThreadList = z.output<typeof threadListSchema>;

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const homeworkSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  noteId: z.uuid(),
  title: z.string(),
  instructions: z.string(),
  link: z.string().nullable(),
  attachmentId: z.uuid().nullable(),
  attachment: attachmentSchema.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(['assigned', 'done']),
  completedAt: z.date().nullable(),
  clientComment: z.string().nullable(),
  createdAt: z.date(),
});
export type Homework = z.output<typeof homeworkSchema>;

export const homeworkListSchema = z.object({ items: z.array(homeworkSchema) });
export type HomeworkList = z.output<typeof homeworkListSchema>;

export const threadListQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).default('open'),
});
export const closeThreadRequest = z.strictObject({ noteId: z.uuid().optional() }).optional();
export const completeHomeworkRequest = z
  .strictObject({ comment: z.string().max(HOMEWORK_COMMENT_MAX).optional() })
  .optional();
export type CompleteHomeworkRequest = z.input<typeof completeHomeworkRequest>;
