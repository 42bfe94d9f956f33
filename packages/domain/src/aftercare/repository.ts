import { and, eq, inArray } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { latestAcceptedContent } from '../agreements';
import { hasLiveConsent } from '../consent';
import type { Executor } from '../shared/transaction';
import { checkIns } from './tables';

export type CheckInRow = typeof checkIns.$inferSelect;

/** The states of a check-in still to come: a withdrawal cancels these, never an answered one. */
export const FUTURE_STATES = ['scheduled', 'invited', 'reminded'] as const;

/** Whether the client has a live check-in consent (signed, not withdrawn or replaced). */
export function hasLiveCheckInConsent(
  db: Executor,
  practiceId: string,
  clientId: string,
): Promise<boolean> {
  return hasLiveConsent(db, practiceId, clientId, 'check-ins');
}

/**
 * The check-in months of the episode's ending plan: the newest version both parties accepted
 * (agreement kind `ending-plan`, content `{ v: 1, …EndingPlanTerms }`). Empty without one.
 */
export async function acceptedCheckInMonths(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
  episodeId: string,
): Promise<number[]> {
  const content = await latestAcceptedContent(tx, ctx, {
    practiceId,
    episodeId,
    kind: 'ending-plan',
  });
  const chosen = (content as { checkIns?: { afterMonths: number }[] } | undefined)?.checkIns;
  return (chosen ?? []).map((c) => c.afterMonths);
}

/** One check-in, locked for the rest of the transaction (the job and the client serialise). */
export async function lockCheckIn(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<CheckInRow | undefined> {
  const [row] = await tx
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.practiceId, practiceId), eq(checkIns.id, id)))
    .for('update');
  return row;
}

export function listCheckInsOfEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<CheckInRow[]> {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.practiceId, practiceId), eq(checkIns.episodeId, episodeId)))
    .orderBy(checkIns.dueOn);
}

/**
 * Cancels every check-in still to come, of one episode or of every episode of a client, in the
 * caller's transaction. Their queued jobs find them cancelled and do nothing. Returns the ids.
 */
export async function cancelFutureCheckIns(
  tx: Executor,
  practiceId: string,
  of: { episodeId: string } | { clientId: string },
  at: Date,
): Promise<string[]> {
  const rows = await tx
    .update(checkIns)
    .set({ status: 'cancelled', closedAt: at, draft: null })
    .where(
      and(
        eq(checkIns.practiceId, practiceId),
        'episodeId' in of
          ? eq(checkIns.episodeId, of.episodeId)
          : eq(checkIns.clientId, of.clientId),
        inArray(checkIns.status, [...FUTURE_STATES]),
      ),
    )
    .returning({ id: checkIns.id });
  return rows.map((r) => r.id);
}
