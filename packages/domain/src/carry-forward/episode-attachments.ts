import { and, eq, inArray } from 'drizzle-orm';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import type { AttachmentFile } from './read-attachment';
import type { AttachmentInfo } from './repository';
import { attachments } from './tables';
import { attachmentFileNamePurpose, attachmentPurpose } from './views';

export type EpisodeAttachment = AttachmentInfo & { uploadedBy: string };

/**
 * Attachments of an episode by id, file names opened, for a module that links them to its own
 * records (messages) and has already admitted the caller to the episode.
 */
export async function findEpisodeAttachments(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
  ids: readonly string[],
): Promise<Map<string, EpisodeAttachment>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      sizeBytes: attachments.sizeBytes,
      uploadedBy: attachments.uploadedBy,
    })
    .from(attachments)
    .where(
      and(
        eq(attachments.practiceId, episode.practiceId),
        eq(attachments.episodeId, episode.id),
        inArray(attachments.id, [...new Set(ids)]),
      ),
    );
  const opened = await Promise.all(
    rows.map(async (r) => ({
      ...r,
      fileName: await ctx.services.keyring.decrypt(
        tx,
        episode.practiceId,
        r.fileName,
        attachmentFileNamePurpose(r.id),
      ),
    })),
  );
  return new Map(opened.map((r) => [r.id, r]));
}

/** The decrypted file of an episode's attachment (the caller was admitted by its module). */
export async function openEpisodeAttachment(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string },
  id: string,
): Promise<AttachmentFile | undefined> {
  const [row] = await tx
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.practiceId, episode.practiceId),
        eq(attachments.episodeId, episode.id),
        eq(attachments.id, id),
      ),
    );
  if (!row) return undefined;
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
}
