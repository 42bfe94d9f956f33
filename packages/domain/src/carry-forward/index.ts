export { closeThread } from './close-thread';
export { completeHomework, HOMEWORK_COMMENT_MAX } from './complete-homework';
export {
  type EpisodeAttachment,
  findEpisodeAttachments,
  openEpisodeAttachment,
} from './episode-attachments';
export { listHomework } from './list-homework';
export { listPortalHomework, RECENT_DONE_DAYS } from './list-portal-homework';
export { listThreads } from './list-threads';
export { materialiseCarryForward } from './materialise';
export {
  ACCEPTED_DESCRIPTION,
  ACCEPTED_MEDIA_TYPES,
  ATTACHMENT_MAX_BYTES,
  acceptedMediaType,
} from './media-types';
export { type AttachmentFile, readAttachment } from './read-attachment';
export {
  type HomeworkSince,
  homeworkAttentionSql,
  homeworkEvents,
  listHomeworkSince,
  listOpenThreads,
  listPortalHomeRows,
  type OpenThread,
  type PortalHomework,
} from './reads';
export type { AttachmentInfo } from './repository';
export { attachmentIdsInEpisode, openThreadIds } from './repository';
export {
  type CheckedFile,
  checkAttachmentFile,
  fileTooLarge,
  insertAttachment,
  type UploadedFile,
  uploadAttachment,
} from './upload-attachment';
export {
  attachmentFileNamePurpose,
  attachmentPurpose,
  type HomeworkView,
  homeworkPurpose,
  type ThreadView,
  threadTitlePurpose,
} from './views';
