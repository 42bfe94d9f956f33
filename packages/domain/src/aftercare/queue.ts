import type * as Contract from '@throughline/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  type AccessContext,
  episodesTreatedBy,
  HIDDEN,
  perform,
  performOnRecord,
  type SignedIn,
} from '../access';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { aftercareQueue, checkIns } from './tables';
import { reasonText } from './views';

type QueueRow = typeof aftercareQueue.$inferSelect;

/** The therapist's aftercare queue: open items first, newest first; handled ones after. */
export async function listAftercareQueue(
  ctx: AccessContext,
): Promise<{ items: Contract.AftercareItem[]; open: number }> {
  const target = { resourceType: 'aftercare-queue', what: 'aftercare queue' };
  return perform(ctx, 'aftercare.list', target, async (tx, step) => {
    const rows = await tx
      .select({ item: aftercareQueue, checkIn: checkIns, client: clients })
      .from(aftercareQueue)
      .innerJoin(
        episodes,
        and(
          eq(episodes.practiceId, aftercareQueue.practiceId),
          eq(episodes.id, aftercareQueue.episodeId),
        ),
      )
      .innerJoin(
        checkIns,
        and(
          eq(checkIns.practiceId, aftercareQueue.practiceId),
          eq(checkIns.id, aftercareQueue.checkInId),
        ),
      )
      .innerJoin(
        clients,
        and(eq(clients.practiceId, episodes.practiceId), eq(clients.id, episodes.clientId)),
      )
      .where(episodesTreatedBy(step.actor))
      .orderBy(sql`${aftercareQueue.handledAt} IS NOT NULL`, desc(aftercareQueue.createdAt))
      .limit(200);
    const items = rows.map(({ item, checkIn, client }) => ({
      id: item.id,
      episodeId: item.episodeId,
      clientId: client.id,
      clientName: client.preferredName ?? client.displayName,
      pronouns: client.pronouns,
      checkInId: item.checkInId,
      dueOn: checkIn.dueOn,
      answeredAt: checkIn.answeredAt ?? item.createdAt,
      reasons: item.reasons.map(reasonText),
      status: item.handledAt ? ('handled' as const) : ('open' as const),
      boosterAppointmentId: item.boosterAppointmentId,
      handledAt: item.handledAt,
    }));
    const open = items.filter((i) => i.status === 'open').length;
    step.audit({ detail: { count: items.length, open } });
    return { items, open };
  });
}

/** A queue item of an episode the therapist treats (else undefined: 404). */
export async function findTreatedQueueItem(
  tx: Executor,
  actor: SignedIn,
  id: string,
): Promise<QueueRow | undefined> {
  const [row] = await tx
    .select({ item: aftercareQueue })
    .from(aftercareQueue)
    .innerJoin(
      episodes,
      and(
        eq(episodes.practiceId, aftercareQueue.practiceId),
        eq(episodes.id, aftercareQueue.episodeId),
      ),
    )
    .where(and(eq(aftercareQueue.id, id), episodesTreatedBy(actor)))
    .for('update', { of: aftercareQueue });
  return row?.item;
}

/** Marks an item handled (with the booster session, when one was offered), in the caller's tx. */
export async function markHandled(
  tx: Executor,
  actor: SignedIn,
  item: QueueRow,
  at: Date,
  boosterAppointmentId: string | null,
): Promise<void> {
  if (item.handledAt)
    throw new AppError('CONFLICT', 'This aftercare item was already handled; nothing was changed.');
  await tx
    .update(aftercareQueue)
    .set({
      handledAt: at,
      handledBy: actor.userId,
      ...(boosterAppointmentId ? { boosterAppointmentId } : {}),
    })
    .where(
      and(
        eq(aftercareQueue.practiceId, item.practiceId),
        eq(aftercareQueue.id, item.id),
        isNull(aftercareQueue.handledAt),
      ),
    );
}

/** The therapist marks an aftercare item handled (a call made, a booster offered elsewhere). */
export async function handleAftercareItem(
  ctx: AccessContext,
  itemId: string,
): Promise<{ id: string; handledAt: Date }> {
  const target = {
    resourceType: 'aftercare-item',
    resourceId: itemId,
    what: 'aftercare item',
    find: (tx: Executor, actor: SignedIn) => findTreatedQueueItem(tx, actor, itemId),
  };
  return performOnRecord(ctx, 'aftercare.handle', target, async (tx, item, step) => {
    if (!item) return HIDDEN;
    const now = ctx.services.now();
    await markHandled(tx, step.actor, item, now, null);
    return { id: item.id, handledAt: now };
  });
}
