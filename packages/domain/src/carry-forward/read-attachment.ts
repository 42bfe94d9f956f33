import { type AccessContext, HIDDEN, perform } from '../access';
import { findVisibleAttachment } from './repository';
import { attachmentFileNamePurpose, attachmentPurpose } from './views';

export type AttachmentFile = { fileName: string; mediaType: string; content: Buffer };

/** The decrypted file, for the therapist of its episode or the client it was set for. */
export async function readAttachment(ctx: AccessContext, id: string): Promise<AttachmentFile> {
  const target = { resourceType: 'attachment', resourceId: id, what: 'attachment' };
  return perform(ctx, 'attachment.read', target, async (tx, { actor, about }) => {
    const row = await findVisibleAttachment(tx, actor, id);
    if (!row) return HIDDEN;
    about({ episodeId: row.episodeId });
    return {
      fileName: await ctx.services.keyring.decrypt(
        tx,
        row.practiceId,
        row.fileName,
        attachmentFileNamePurpose(row.id),
      ),
      mediaType: row.mediaType,
      content: await ctx.services.keyring.decryptBytes(
        tx,
        row.practiceId,
        row.content,
        attachmentPurpose(row.id),
      ),
    };
  });
}
