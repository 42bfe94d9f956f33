import type * as Contract from '@throughline/contracts';
import type { z } from 'zod';
import { type AccessContext, HIDDEN, performOnEpisode } from '../access';
import {
  assertDuration,
  assertNoConflicts,
  insertAppointments,
  practiceTimeZone,
} from '../appointments';
import { AppError } from '../shared/errors';
import { findTreatedQueueItem, markHandled } from './queue';

export type OfferBoosterInput = z.output<typeof Contract.offerBoosterRequest>;

/**
 * The therapist offers a booster session after a check-in (CLINICAL.md §4: never automatic
 * re-entry): one session booked in the aftercare episode, which the client sees in the portal
 * with its reminder like any other, and — when it answers an aftercare item — that item marked
 * handled with it. Only in aftercare (POLICY); a time in the past or a clash is refused.
 */
export async function offerBooster(
  ctx: AccessContext,
  episodeId: string,
  input: OfferBoosterInput,
): Promise<z.output<typeof Contract.boosterSchema>> {
  const startsAt = new Date(input.startsAt);
  const now = ctx.services.now();
  if (startsAt.getTime() <= now.getTime())
    throw new AppError('VALIDATION_FAILED', 'A booster session is booked in the future.', [
      { path: 'startsAt', message: 'Choose a time in the future.' },
    ]);
  assertDuration(input.durationMinutes);
  return performOnEpisode(ctx, 'booster.offer', episodeId, async (tx, step) => {
    const { actor, episode } = step;
    const item = input.queueItemId
      ? await findTreatedQueueItem(tx, actor, input.queueItemId)
      : undefined;
    if (input.queueItemId && item?.episodeId !== episodeId) return HIDDEN;
    const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
    const therapist = { practiceId: actor.practiceId, therapistId: episode.therapistId };
    await assertNoConflicts(
      tx,
      therapist,
      [{ startsAt, endsAt }],
      await practiceTimeZone(tx, actor.practiceId),
    );
    const [appointmentId] = await insertAppointments(
      tx,
      ctx,
      {
        ...therapist,
        episodeId,
        seriesId: null,
        modality: 'in-person',
        location: null,
        kind: 'treatment',
      },
      [{ startsAt, endsAt }],
    );
    if (!appointmentId) throw new Error('booster insert returned nothing');
    if (item) await markHandled(tx, actor, item, now, appointmentId);
    step.audit({
      resourceType: 'appointment',
      resourceId: appointmentId,
      detail: { booster: true, queueItem: item?.id ?? null },
    });
    return { appointmentId, startsAt, endsAt };
  });
}
