import type { Message } from '@throughline/contracts';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { type MessageRow, messageBodyPurpose } from './repository';
import type { MessageParty } from './tables';

/** A stored message as the API shows it to `viewer`, its body opened with the practice key. */
export async function toMessage(
  tx: Executor,
  ctx: AccessContext,
  row: MessageRow,
  viewer: { party: MessageParty; names: Map<string, { displayName: string }> },
): Promise<Message> {
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
  };
}
