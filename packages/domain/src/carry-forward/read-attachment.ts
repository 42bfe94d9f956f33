import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { findVisibleAttachment } from './repository';
import { attachmentPurpose } from './views';

export type AttachmentFile = { fileName: string; mediaType: string; content: Buffer };

/** The decrypted file, for the therapist of its episode or the client it was set for. */
export async function readAttachment(ctx: AccessContext, id: string): Promise<AttachmentFile> {
  const actor = signedIn(ctx);
  const file = await inTransaction(ctx.services.db, async (tx) => {
    const row = await findVisibleAttachment(tx, actor, id);
    await recordAudit(tx, ctx, {
      action: 'attachment.read',
      resourceType: 'attachment',
      resourceId: id,
      outcome: row ? 'success' : 'denied',
    });
    if (!row) return undefined;
    return {
      fileName: row.fileName,
      mediaType: row.mediaType,
      content: await ctx.services.keyring.decryptBytes(
        tx,
        row.practiceId,
        row.content,
        attachmentPurpose(row.id),
      ),
    };
  });
  if (!file) throw notFound('attachment');
  return file;
}
