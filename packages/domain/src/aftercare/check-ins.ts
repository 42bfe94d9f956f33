import type * as Contract from '@throughline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type AccessContext, perform, performOnEpisode, Refusal } from '../access';
import { findClientOfUser } from '../clients';
import { endLiveSignature } from '../consent';
import { AppError } from '../shared/errors';
import { openCheckInDraft } from './draft';
import { cancelFutureCheckIns, listCheckInsOfEpisode } from './repository';
import { checkIns } from './tables';
import { toCheckInView, toPortalCheckIn } from './views';

/** An episode's check-ins, by due day (its therapist and its client; anyone else: 404). */
export async function listCheckIns(
  ctx: AccessContext,
  episodeId: string,
): Promise<Contract.CheckIn[]> {
  return performOnEpisode(ctx, 'check-in.list', episodeId, async (tx, step) => {
    const rows = await listCheckInsOfEpisode(tx, step.episode.practiceId, episodeId);
    step.audit({ detail: { count: rows.length } });
    return rows.map(toCheckInView);
  });
}

/** The check-ins waiting for the client's answer (invited or reminded), as portal tasks. */
export async function listPortalCheckIns(ctx: AccessContext): Promise<Contract.PortalCheckIn[]> {
  const target = { resourceType: 'check-in', what: 'client record' };
  return perform(ctx, 'check-in.portal.list', target, async (tx, step) => {
    const client = await findClientOfUser(tx, step.actor);
    if (!client)
      return new Refusal(new AppError('NOT_FOUND', 'No client record is linked to your account.'));
    const rows = await tx
      .select()
      .from(checkIns)
      .where(
        and(
          eq(checkIns.practiceId, client.practiceId),
          eq(checkIns.clientId, client.id),
          // Only while the episode is in aftercare: closing it cancels those still to come.
          inArray(checkIns.status, ['invited', 'reminded']),
        ),
      )
      .orderBy(checkIns.dueOn);
    step.about({ clientId: client.id });
    step.audit({ resourceType: 'client', resourceId: client.id, detail: { count: rows.length } });
    const items: Contract.PortalCheckIn[] = [];
    for (const row of rows)
      items.push(toPortalCheckIn(row, await openCheckInDraft(tx, ctx.services.keyring, row)));
    return items;
  });
}

/**
 * The client withdraws their check-in consent from an episode's page: the live signature ends
 * (consent is the client's, so it stops check-ins of every episode) and every check-in still to
 * come is cancelled at once, in one transaction; their queued jobs then find nothing to do.
 * Withdrawing again changes nothing and says so (0 cancelled). Answered ones stay as they are.
 */
export async function withdrawCheckIns(
  ctx: AccessContext,
  episodeId: string,
): Promise<{ cancelled: number; items: Contract.CheckIn[] }> {
  return performOnEpisode(ctx, 'check-in.withdraw', episodeId, async (tx, step) => {
    const { practiceId, clientId } = step.episode;
    const now = ctx.services.now();
    const signature = await endLiveSignature(
      tx,
      { practiceId, clientId, kind: 'check-ins' },
      now,
      'withdrawn',
    );
    const cancelled = await cancelFutureCheckIns(tx, practiceId, { clientId }, now);
    const rows = await listCheckInsOfEpisode(tx, practiceId, episodeId);
    step.audit({
      resourceType: 'check-in-consent',
      resourceId: signature ?? null,
      detail: { withdrawn: signature !== undefined, cancelled: cancelled.length },
    });
    return { cancelled: cancelled.length, items: rows.map(toCheckInView) };
  });
}
