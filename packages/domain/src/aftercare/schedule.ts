import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AccessContext } from '../access';
import { clientHeadSql } from '../clients';
import { readMeasureSettings } from '../measures';
import type { Executor } from '../shared/transaction';
import { queueCheckInStep } from './jobs';
import { acceptedCheckInMonths, type CheckInRow, hasLiveCheckInConsent } from './repository';
import { checkIns } from './tables';

/** What a check-in asks, unless the practice switched an instrument off (its licence). */
export const CHECK_IN_INSTRUMENTS = ['phq-4', 'who-5'] as const;
/** The invitation goes at this hour of the due day, in the client's zone (not at midnight). */
export const CHECK_IN_HOUR = 9;

/** The client's calendar day of `at`, in their zone. */
export function clientDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

/** `endedOn` + N months in the client's zone (31 January + 1 month is 28/29 February). */
export function checkInDay(endedOn: string, months: number, zone: string): DateTime {
  return DateTime.fromISO(endedOn, { zone }).plus({ months }).set({ hour: CHECK_IN_HOUR });
}

/**
 * Schedules the check-ins of an episode entering aftercare, in the caller's transaction (the phase
 * move's): one per month the accepted ending plan names, due that many months after `endedOn`
 * (default: today in the client's zone), each with its invitation queued for the morning of its
 * day. Nothing without a live check-in consent or without check-ins in the plan. Idempotent: a
 * month already scheduled for the episode is kept as it is.
 */
export async function scheduleCheckInsInTx(
  tx: Executor,
  ctx: AccessContext,
  episode: { practiceId: string; id: string; clientId: string },
  endedOn?: string,
): Promise<CheckInRow[]> {
  const { practiceId } = episode;
  if (!(await hasLiveCheckInConsent(tx, practiceId, episode.clientId))) return [];
  const months = await acceptedCheckInMonths(tx, ctx, practiceId, episode.id);
  if (months.length === 0) return [];
  const head = await tx.execute<{ client_time_zone: string }>(
    sql`SELECT c.client_time_zone FROM (${clientHeadSql({ practiceId, clientId: episode.clientId })}) c`,
  );
  const zone = head.rows[0]?.client_time_zone ?? 'UTC';
  const now = ctx.services.now();
  const day = endedOn ?? clientDay(now, zone);
  const settings = await readMeasureSettings(tx, practiceId);
  const instruments = CHECK_IN_INSTRUMENTS.filter((i) => settings.enabledInstruments.includes(i));
  const values = months.map((afterMonths) => {
    const due = checkInDay(day, afterMonths, zone);
    return {
      practiceId,
      episodeId: episode.id,
      clientId: episode.clientId,
      afterMonths,
      dueOn: due.toISODate() ?? day,
      dueAt: due.toJSDate(),
      endedAt: now,
      instruments,
    };
  });
  const rows = await tx.insert(checkIns).values(values).onConflictDoNothing().returning();
  for (const row of rows) await queueCheckInStep(tx, ctx.services, row, 'invite', row.dueAt);
  return rows;
}
