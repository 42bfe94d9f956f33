import type { Attachment } from '@throughline/contracts';
import { type AccessContext, HIDDEN, performOnEpisode, Refusal } from '../access';
import {
  type AttachmentFile,
  checkAttachmentFile,
  findEpisodeAttachments,
  insertAttachment,
  openEpisodeAttachment,
  type UploadedFile,
} from '../carry-forward';
import { findByAttachment } from './repository';
import { messagingTerms } from './rule';

/**
 * Uploads a file to send with a message (the encrypted attachment store, its size and type
 * limits), under the same contact rules as a message: the accepted agreement must include
 * messages, and not in a closed episode. It is sent by naming it in the next message.
 */
export async function uploadMessageAttachment(
  ctx: AccessContext,
  episodeId: string,
  input: UploadedFile,
): Promise<Attachment> {
  const file = checkAttachmentFile(input); // too large or the wrong type: refused before anything
  return performOnEpisode(ctx, 'message.attach', episodeId, async (tx, step) => {
    const rule = await messagingTerms(tx, ctx, step);
    if (rule instanceof Refusal) return rule;
    const info = await insertAttachment(tx, ctx, step.actor, episodeId, file);
    step.audit({
      resourceType: 'attachment',
      resourceId: info.id,
      detail: { mediaType: info.mediaType, sizeBytes: info.sizeBytes, for: 'message' },
    });
    return info;
  });
}

/**
 * A message's file, for the two parties of its episode once it is sent, and for its uploader
 * before. Any other attachment of the episode (a homework file) is not reachable this way: 404.
 */
export function readMessageAttachment(
  ctx: AccessContext,
  episodeId: string,
  attachmentId: string,
): Promise<AttachmentFile> {
  return performOnEpisode(ctx, 'message.attachment.read', episodeId, async (tx, step) => {
    const info = (await findEpisodeAttachments(tx, ctx, step.episode, [attachmentId])).get(
      attachmentId,
    );
    const sent = info ? await findByAttachment(tx, step.episode.practiceId, attachmentId) : null;
    if (!info || (!sent && info.uploadedBy !== step.actor.userId)) return HIDDEN;
    const file = await openEpisodeAttachment(tx, ctx, step.episode, attachmentId);
    if (!file) return HIDDEN;
    step.audit({ resourceType: 'attachment', resourceId: attachmentId });
    return file;
  });
}
