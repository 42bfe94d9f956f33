import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { appointments } from '../appointments/tables';
import { clients } from '../clients/tables';
import { episodes } from '../episodes/tables';
import type { Executor } from '../shared/transaction';
import { alerts, measureTasks, responses } from './tables';
import type { AlertKind, AlertRow, ResponseRow } from './views';

/** An episode's responses, oldest first (optionally one instrument). */
export async function listByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
  instrument?: string,
): Promise<ResponseRow[]> {
  const where = [eq(responses.practiceId, practiceId), eq(responses.episodeId, episodeId)];
  if (instrument) where.push(eq(responses.instrument, instrument));
  return db
    .select()
    .from(responses)
    .where(and(...where))
    .orderBy(asc(responses.completedAt), asc(responses.createdAt));
}

/**
 * For the brief: per instrument only the first response and the last two up to `upTo` (what
 * "change since first" and "since last" need), whatever the length of the history.
 */
export async function listFirstAndLatest(
  db: Executor,
  practiceId: string,
  episodeId: string,
  upTo: Date,
): Promise<ResponseRow[]> {
  const picked = sql`(
    SELECT id FROM (
      SELECT id,
        row_number() OVER (PARTITION BY instrument ORDER BY completed_at, created_at) AS from_first,
        row_number() OVER (PARTITION BY instrument ORDER BY completed_at DESC, created_at DESC) AS from_last
      FROM ${responses}
      WHERE practice_id = ${practiceId} AND episode_id = ${episodeId} AND completed_at <= ${upTo}
    ) ranked WHERE from_first = 1 OR from_last <= 2)`;
  return db
    .select()
    .from(responses)
    .where(
      and(
        eq(responses.practiceId, practiceId),
        eq(responses.episodeId, episodeId),
        sql`${responses.id} IN ${picked}`,
      ),
    )
    .orderBy(asc(responses.completedAt), asc(responses.createdAt));
}

export async function findAppointment(
  db: Executor,
  practiceId: string,
  episodeId: string,
  id: string,
): Promise<{ id: string; startsAt: Date } | undefined> {
  const [row] = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        eq(appointments.episodeId, episodeId),
        eq(appointments.id, id),
      ),
    );
  return row;
}

export async function findTask(
  db: Executor,
  practiceId: string,
  episodeId: string,
  id: string,
): Promise<typeof measureTasks.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(measureTasks)
    .where(
      and(
        eq(measureTasks.practiceId, practiceId),
        eq(measureTasks.episodeId, episodeId),
        eq(measureTasks.id, id),
      ),
    )
    .for('update');
  return row;
}

/** Whether an unacknowledged alert of this kind is already open for the instrument. */
export async function hasOpenAlert(
  db: Executor,
  practiceId: string,
  episodeId: string,
  kind: AlertKind,
  instrument: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        eq(alerts.practiceId, practiceId),
        eq(alerts.episodeId, episodeId),
        eq(alerts.kind, kind),
        isNull(alerts.acknowledgedAt),
        // The instrument is the alert's response's (inputs are encrypted, so not queryable).
        sql`EXISTS (SELECT 1 FROM ${responses} r WHERE r.practice_id = ${alerts.practiceId}
          AND r.id = ${alerts.responseId} AND r.instrument = ${instrument})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Urgent first, then newest. */
const alertOrder = [sql`${alerts.severity} = 'urgent' DESC`, desc(alerts.createdAt)];

export async function listAlertsByEpisode(
  db: Executor,
  practiceId: string,
  episodeId: string,
  status: 'open' | 'all',
): Promise<AlertRow[]> {
  const where: SQL[] = [eq(alerts.practiceId, practiceId), eq(alerts.episodeId, episodeId)];
  if (status === 'open') where.push(isNull(alerts.acknowledgedAt));
  return db
    .select()
    .from(alerts)
    .where(and(...where))
    .orderBy(...alertOrder);
}

export type CaseloadAlertRow = { alert: AlertRow; clientId: string; displayName: string };

/** The therapist's open alerts across every episode they hold. */
export async function listOpenAlertsOfTherapist(
  db: Executor,
  actor: SignedIn,
): Promise<CaseloadAlertRow[]> {
  return db
    .select({ alert: alerts, clientId: clients.id, displayName: clients.displayName })
    .from(alerts)
    .innerJoin(
      episodes,
      and(eq(episodes.practiceId, alerts.practiceId), eq(episodes.id, alerts.episodeId)),
    )
    .innerJoin(
      clients,
      and(eq(clients.practiceId, episodes.practiceId), eq(clients.id, episodes.clientId)),
    )
    .where(
      and(
        eq(alerts.practiceId, actor.practiceId),
        eq(episodes.therapistId, actor.userId),
        isNull(alerts.acknowledgedAt),
      ),
    )
    .orderBy(...alertOrder);
}

/** An alert the actor may act on: therapist of its episode only. Locked for acknowledgement. */
export async function findAlertOfTherapist(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<AlertRow | undefined> {
  const [row] = await db
    .select({ alert: alerts })
    .from(alerts)
    .innerJoin(
      episodes,
      and(eq(episodes.practiceId, alerts.practiceId), eq(episodes.id, alerts.episodeId)),
    )
    .where(
      and(
        eq(alerts.practiceId, actor.practiceId),
        eq(episodes.therapistId, actor.userId),
        eq(alerts.id, id),
      ),
    )
    .for('update', { of: alerts });
  return row?.alert;
}

/** The episode's last total on an instrument at or before `at` (e.g. the ending score). */
export async function lastScoreAt(
  db: Executor,
  q: { practiceId: string; episodeId: string; instrument: string; at: Date },
): Promise<number | undefined> {
  const [row] = await db
    .select({ total: responses.total })
    .from(responses)
    .where(
      and(
        eq(responses.practiceId, q.practiceId),
        eq(responses.episodeId, q.episodeId),
        eq(responses.instrument, q.instrument),
        sql`${responses.completedAt} <= ${q.at}`,
      ),
    )
    .orderBy(desc(responses.completedAt), desc(responses.createdAt))
    .limit(1);
  return row?.total;
}
