import type * as Contract from '@throughline/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type AccessContext, HIDDEN, perform, performOnRecord, type SignedIn } from '../access';
import { clientHeadSql } from '../clients';
import { visibleEpisodesSql } from '../episodes';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { aftercareQueue, checkIns, type StoredAftercareReason } from './tables';
import { reasonText } from './views';

type QueueRow = typeof aftercareQueue.$inferSelect;

/** The therapist's aftercare queue: open items first, newest first; handled ones after. */
export async function listAftercareQueue(
  ctx: AccessContext,
): Promise<{ items: Contract.AftercareItem[]; open: number }> {
  const target = { resourceType: 'aftercare-queue', what: 'aftercare queue' };
  return perform(ctx, 'aftercare.list', target, async (tx, step) => {
    // A therapist sees the episodes they treat: the queue of their own clients only.
    const result = await tx.execute<QueueListRow>(sql`
      SELECT q.id, q.episode_id, ep.client_id, q.check_in_id, q.reasons, q.created_at,
        q.handled_at, q.booster_appointment_id, ci.due_on, ci.answered_at,
        c.display_name, c.preferred_name, c.pronouns
      FROM ${aftercareQueue} q
      JOIN (${visibleEpisodesSql(step.actor, 'all')}) ep
        ON ep.practice_id = q.practice_id AND ep.id = q.episode_id
      JOIN ${checkIns} ci ON ci.practice_id = q.practice_id AND ci.id = q.check_in_id
      JOIN LATERAL (${clientHeadSql({ practiceId: sql`ep.practice_id`, clientId: sql`ep.client_id` })}) c ON true
      WHERE ep.therapist_id = ${step.actor.userId}
      ORDER BY q.handled_at IS NOT NULL, q.created_at DESC
      LIMIT 200`);
    const items = result.rows.map((r) => ({
      id: r.id,
      episodeId: r.episode_id,
      clientId: r.client_id,
      clientName: r.preferred_name ?? r.display_name,
      pronouns: r.pronouns,
      checkInId: r.check_in_id,
      dueOn: String(r.due_on),
      answeredAt: new Date(r.answered_at ?? r.created_at),
      reasons: r.reasons.map(reasonText),
      status: r.handled_at ? ('handled' as const) : ('open' as const),
      boosterAppointmentId: r.booster_appointment_id,
      handledAt: r.handled_at ? new Date(r.handled_at) : null,
    }));
    const open = items.filter((i) => i.status === 'open').length;
    step.audit({ detail: { count: items.length, open } });
    return { items, open };
  });
}

type QueueListRow = {
  id: string;
  episode_id: string;
  client_id: string;
  check_in_id: string;
  reasons: StoredAftercareReason[];
  created_at: string;
  handled_at: string | null;
  booster_appointment_id: string | null;
  due_on: string;
  answered_at: string | null;
  display_name: string;
  preferred_name: string | null;
  pronouns: string | null;
};

/** A queue item in the caller's practice, locked; the kernel admits only its episode's therapist. */
export async function findTreatedQueueItem(
  tx: Executor,
  actor: SignedIn,
  id: string,
): Promise<QueueRow | undefined> {
  const [row] = await tx
    .select()
    .from(aftercareQueue)
    .where(and(eq(aftercareQueue.practiceId, actor.practiceId), eq(aftercareQueue.id, id)))
    .for('update');
  return row;
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
