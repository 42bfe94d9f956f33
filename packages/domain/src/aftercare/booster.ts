import type * as Contract from '@throughline/contracts';
import { BOOSTER_MINUTES } from '@throughline/contracts';
import type { z } from 'zod';
import { type AccessContext, HIDDEN, performOnEpisode } from '../access';
import {
  assertNoConflicts,
  insertAppointments,
  practiceTimeZone,
  usualSessionMinutes,
} from '../appointments';
import { AppError } from '../shared/errors';
import { findTreatedQueueItem, markHandled } from './queue';

export type OfferBoosterInput = z.output<typeof Contract.offerBoosterRequest>;

/**
 * The therapist offers a booster session after a check-in (CLINICAL.md §4: never automatic
 * re-entry): one session booked in the aftercare episode, which the client sees in the portal
 * with its reminder like any other, and — when it answers an aftercare item — that item marked
 * handled with it. Only in aftercare (POLICY); a time in the past or a clash is refused. The
 * therapist chooses its length (30–90 minutes); left out, it is as long as the episode's usual
 * session (the one the taper copies), else 50 minutes.
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
  assertBoosterLength(input.durationMinutes);
  return performOnEpisode(ctx, 'booster.offer', episodeId, async (tx, step) => {
    const { actor, episode } = step;
    const item = input.queueItemId
      ? await findTreatedQueueItem(tx, actor, input.queueItemId)
      : undefined;
    if (input.queueItemId && item?.episodeId !== episodeId) return HIDDEN;
    const minutes =
      input.durationMinutes ??
      (await usualSessionMinutes(tx, actor, episodeId)) ??
      BOOSTER_MINUTES.fallback;
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
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

/** The contract's range, checked again for callers that do not pass through the route. */
function assertBoosterLength(minutes: number | undefined): void {
  const { min, max } = BOOSTER_MINUTES;
  if (minutes === undefined || (Number.isInteger(minutes) && minutes >= min && minutes <= max))
    return;
  throw new AppError('VALIDATION_FAILED', `A booster session lasts ${min} to ${max} minutes.`, [
    { path: 'durationMinutes', message: `Between ${min} and ${max} minutes.` },
  ]);
}
