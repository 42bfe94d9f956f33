import { type AccessContext, signedIn } from '../access';
import { readAudited } from '../audit';
import { findVisibleAttachment } from './repository';
import { attachmentFileNamePurpose, attachmentPurpose } from './views';

export type AttachmentFile = { fileName: string; mediaType: string; content: Buffer };

/** The decrypted file, for the therapist of its episode or the client it was set for. */
export async function readAttachment(ctx: AccessContext, id: string): Promise<AttachmentFile> {
  const actor = signedIn(ctx);
  return readAudited(
    ctx,
    { action: 'attachment.read', resourceType: 'attachment', resourceId: id, what: 'attachment' },
    (tx) => findVisibleAttachment(tx, actor, id),
    async (tx, row) => ({
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
    }),
  );
}
