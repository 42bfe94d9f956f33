import type { Message } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { AttachmentInfo } from '../carry-forward';
import type { Executor } from '../shared/transaction';
import { type MessageRow, messageBodyPurpose } from './repository';
import type { MessageParty } from './tables';

/** A stored message as the API shows it to `viewer`, its body opened with the practice key. */
export async function toMessage(
  tx: Executor,
  ctx: AccessContext,
  row: MessageRow,
  viewer: {
    party: MessageParty;
    names: Map<string, { displayName: string }>;
    attachments: Map<string, AttachmentInfo>;
  },
): Promise<Message> {
  const file = row.attachmentId ? viewer.attachments.get(row.attachmentId) : undefined;
  return {
    id: row.id,
    episodeId: row.episodeId,
    from: row.senderParty,
    senderName: viewer.names.get(row.senderId)?.displayName ?? 'Someone',
    mine: row.senderParty === viewer.party,
    body: await ctx.services.keyring.decrypt(
      tx,
      row.practiceId,
      row.body,
      messageBodyPurpose(row.id),
    ),
    sentAt: row.sentAt,
    readAt: row.readAt,
    outsideHours: row.outsideHours,
    attachment: file
      ? {
          id: file.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
        }
      : null,
  };
}
