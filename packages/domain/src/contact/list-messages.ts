import type { MessageList } from '@throughline/contracts';
import { type AccessContext, messageSide, performOnEpisode } from '../access';
import { findEpisodeAttachments } from '../carry-forward';
import { findUserContacts } from '../identity';
import { countUnread, listByEpisode, markRead } from './repository';
import { toMessage } from './views';

/**
 * The episode's conversation, oldest first, for its therapist and its client only (anyone else:
 * 404). Reading does not mark read: the screen does that when the messages are shown.
 */
export function listMessages(ctx: AccessContext, episodeId: string): Promise<MessageList> {
  return performOnEpisode(ctx, 'message.list', episodeId, async (tx, step) => {
    const { practiceId } = step.episode;
    const rows = await listByEpisode(tx, practiceId, episodeId);
    const names = await findUserContacts(
      tx,
      practiceId,
      rows.map((r) => r.senderId),
    );
    const attachments = await findEpisodeAttachments(
      tx,
      ctx,
      step.episode,
      rows.flatMap((r) => (r.attachmentId ? [r.attachmentId] : [])),
    );
    const items = await Promise.all(
      rows.map((r) => toMessage(tx, ctx, r, { party: messageSide(step), names, attachments })),
    );
    const unread = await countUnread(tx, practiceId, episodeId, messageSide(step));
    step.audit({ resourceType: 'message', detail: { count: items.length, unread } });
    return { items, unread };
  });
}

/** Marks the other party's messages in the episode read by the caller. */
export function markMessagesRead(
  ctx: AccessContext,
  episodeId: string,
): Promise<{ marked: number }> {
  return performOnEpisode(ctx, 'message.mark-read', episodeId, async (tx, step) => {
    const marked = await markRead(
      tx,
      step.episode.practiceId,
      episodeId,
      messageSide(step),
      ctx.services.now(),
    );
    step.audit({ resourceType: 'message', detail: { marked } });
    return { marked };
  });
}
