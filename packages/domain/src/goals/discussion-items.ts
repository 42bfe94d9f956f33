import { randomUUID } from 'node:crypto';
import type { DiscussionItem } from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { performOnEpisode, performOnRecord } from '../access';
import { AppError } from '../shared/errors';
import { type DiscussionItemRow, findDiscussionItem, sourceInEpisode } from './repository';
import { discussionItems } from './tables';
import { discussionTextPurpose } from './views';

export { DISCUSSION_TEXT_MAX } from '@throughline/contracts';

export type DiscussionSource = { kind: 'alert' | 'review' | 'manual'; id?: string | undefined };

export type DiscussionItemView = DiscussionItem;

export const toDiscussionItemView = (row: DiscussionItemRow, text: string): DiscussionItemView => ({
  id: row.id,
  episodeId: row.episodeId,
  text,
  source: { kind: row.sourceKind, id: row.sourceId },
  createdAt: row.createdAt,
  resolvedAt: row.resolvedAt,
});

/**
 * "To discuss next session": after a review or an alert (or by hand), the therapist notes what to
 * take up next time; open items appear in the pre-session brief until resolved.
 */
export async function createDiscussionItem(
  ctx: AccessContext,
  episodeId: string,
  input: { text: string; source?: DiscussionSource | undefined },
): Promise<DiscussionItemView> {
  const source = input.source ?? { kind: 'manual' };
  if (source.kind !== 'manual' && !source.id)
    throw new AppError('VALIDATION_FAILED', 'Name the review or alert this item comes from.', [
      { path: 'source.id', message: 'Required for an alert or a review.' },
    ]);
  return performOnEpisode(ctx, 'discussion-item.create', episodeId, async (tx, step) => {
    const { actor } = step;
    if (
      source.kind !== 'manual' &&
      !(await sourceInEpisode(tx, actor.practiceId, episodeId, source.kind, source.id ?? ''))
    )
      throw new AppError('VALIDATION_FAILED', `That ${source.kind} is not in this episode.`, [
        { path: 'source.id', message: `Not a ${source.kind} of this episode.` },
      ]);
    const id = randomUUID();
    const [row] = await tx
      .insert(discussionItems)
      .values({
        practiceId: actor.practiceId,
        id,
        episodeId,
        text: await ctx.services.keyring.encrypt(
          tx,
          actor.practiceId,
          input.text,
          discussionTextPurpose(id),
        ),
        sourceKind: source.kind,
        sourceId: source.kind === 'manual' ? null : (source.id ?? null),
        createdBy: actor.userId,
        createdAt: ctx.services.now(),
      })
      .returning();
    if (!row) throw new Error('discussion item insert returned nothing');
    step.audit({
      resourceType: 'discussion-item',
      resourceId: id,
      detail: { source: source.kind },
    });
    return toDiscussionItemView(row, input.text);
  });
}

/** Marks an item discussed; it leaves the brief. */
export async function resolveDiscussionItem(
  ctx: AccessContext,
  id: string,
): Promise<DiscussionItemView> {
  return performOnRecord(
    ctx,
    'discussion-item.resolve',
    {
      resourceType: 'discussion-item',
      resourceId: id,
      what: 'discussion item',
      find: (tx, { practiceId }) => findDiscussionItem(tx, practiceId, id),
    },
    async (tx, row, step) => {
      const { actor } = step;
      if (row.resolvedAt)
        throw new AppError('DISCUSSION_ITEM_RESOLVED', 'This item has already been resolved.');
      const [updated] = await tx
        .update(discussionItems)
        .set({ resolvedAt: ctx.services.now(), resolvedBy: actor.userId })
        .where(and(eq(discussionItems.practiceId, actor.practiceId), eq(discussionItems.id, id)))
        .returning();
      if (!updated) throw new Error('discussion item vanished');
      step.audit({
        resourceType: 'discussion-item',
        resourceId: id,
      });
      const text = await ctx.services.keyring.decrypt(
        tx,
        actor.practiceId,
        row.text,
        discussionTextPurpose(id),
      );
      return toDiscussionItemView(updated, text);
    },
  );
}
