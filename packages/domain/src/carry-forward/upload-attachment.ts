import { randomUUID } from 'node:crypto';
import { type AccessContext, performOnEpisode, type SignedIn } from '../access';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import {
  ACCEPTED_DESCRIPTION,
  ACCEPTED_MEDIA_TYPES,
  ATTACHMENT_MAX_BYTES,
  acceptedMediaType,
} from './media-types';
import type { AttachmentInfo } from './repository';
import { attachments } from './tables';
import { attachmentFileNamePurpose, attachmentPurpose } from './views';

export function fileTooLarge(): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `The file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB. Compress or shorten it (e.g. export audio as MP3) and upload it again.`,
  );
}

export type UploadedFile = { fileName: string; declaredType: string; bytes: Buffer };
export type CheckedFile = { fileName: string; mediaType: string; bytes: Buffer };

/**
 * The one check of an uploaded file (size, declared type matching its bytes, a printable name),
 * before any transaction: homework files and message attachments alike.
 */
export function checkAttachmentFile(input: UploadedFile): CheckedFile {
  if (input.bytes.length > ATTACHMENT_MAX_BYTES) throw fileTooLarge();
  const mediaType = acceptedMediaType(input.declaredType, input.bytes);
  if (!mediaType) {
    throw new AppError(
      'UNSUPPORTED_FILE_TYPE',
      `This file type is not accepted, or the file's content does not match its type. Accepted: ${ACCEPTED_DESCRIPTION} (${ACCEPTED_MEDIA_TYPES.join(', ')}).`,
    );
  }
  // File names are shown to people and put in headers: keep them short and printable.
  const fileName =
    input.fileName
      .replace(/[\p{Cc}"\\/]/gu, '_')
      .trim()
      .slice(0, 200) || 'attachment';
  return { fileName, mediaType, bytes: input.bytes };
}

/** Stores a checked file, encrypted, in an episode the caller was admitted to (their transaction). */
export async function insertAttachment(
  tx: Executor,
  ctx: AccessContext,
  actor: SignedIn,
  episodeId: string,
  file: CheckedFile,
): Promise<AttachmentInfo> {
  const id = randomUUID();
  await tx.insert(attachments).values({
    practiceId: actor.practiceId,
    id,
    episodeId,
    uploadedBy: actor.userId,
    fileName: await ctx.services.keyring.encrypt(
      tx,
      actor.practiceId,
      file.fileName,
      attachmentFileNamePurpose(id),
    ),
    mediaType: file.mediaType,
    sizeBytes: file.bytes.length,
    content: await ctx.services.keyring.encryptBytes(
      tx,
      actor.practiceId,
      file.bytes,
      attachmentPurpose(id),
    ),
    createdAt: ctx.services.now(),
  });
  return { id, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.bytes.length };
}

/** Stores a file for music work (a recording, lyrics), encrypted, in an episode the therapist holds. */
export async function uploadAttachment(
  ctx: AccessContext,
  input: { episodeId: string } & UploadedFile,
): Promise<AttachmentInfo> {
  const file = checkAttachmentFile(input);
  return performOnEpisode(ctx, 'attachment.create', input.episodeId, async (tx, step) => {
    const info = await insertAttachment(tx, ctx, step.actor, input.episodeId, file);
    step.audit({
      resourceType: 'attachment',
      resourceId: info.id,
      detail: { mediaType: info.mediaType, sizeBytes: info.sizeBytes },
    });
    return info;
  });
}
