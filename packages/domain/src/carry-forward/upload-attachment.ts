import { randomUUID } from 'node:crypto';
import { type AccessContext, performOnEpisode } from '../access';
import { AppError } from '../shared/errors';
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

/** Stores a file for music work (a recording, lyrics), encrypted, in an episode the therapist holds. */
export async function uploadAttachment(
  ctx: AccessContext,
  input: { episodeId: string; fileName: string; declaredType: string; bytes: Buffer },
): Promise<AttachmentInfo> {
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
  return performOnEpisode(ctx, 'attachment.create', input.episodeId, async (tx, step) => {
    const { actor } = step;
    const id = randomUUID();
    await tx.insert(attachments).values({
      practiceId: actor.practiceId,
      id,
      episodeId: input.episodeId,
      uploadedBy: actor.userId,
      fileName: await ctx.services.keyring.encrypt(
        tx,
        actor.practiceId,
        fileName,
        attachmentFileNamePurpose(id),
      ),
      mediaType,
      sizeBytes: input.bytes.length,
      content: await ctx.services.keyring.encryptBytes(
        tx,
        actor.practiceId,
        input.bytes,
        attachmentPurpose(id),
      ),
      createdAt: ctx.services.now(),
    });
    step.audit({
      resourceType: 'attachment',
      resourceId: id,
      detail: { mediaType, sizeBytes: input.bytes.length },
    });
    return { id, fileName, mediaType, sizeBytes: input.bytes.length };
  });
}
