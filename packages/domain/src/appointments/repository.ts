import { and, asc, eq, gt, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { clients } from '../clients/tables';
import { episodesVisibleTo } from '../episodes';
import { episodes } from '../episodes/tables';
import { practices } from '../identity/tables';
import type { Executor } from '../shared/transaction';
import { appointmentSeries, appointments } from './tables';

export type AppointmentRecord = typeof appointments.$inferSelect;
export type SeriesRecord = typeof appointmentSeries.$inferSelect;

/** An appointment with what its views need: the series' zone, the practice's and the client's. */
export type AppointmentRow = AppointmentRecord & {
  seriesTimeZone: string | null;
  practiceTimeZone: string;
  clientTimeZone: string;
  clientId: string;
  clientUserId: string;
  /** What the therapist calls the client: their preferred name, else their display name. */
  clientName: string;
  episodePhase: string;
};

const selection = {
  appointment: appointments,
  seriesTimeZone: appointmentSeries.timeZone,
  practiceTimeZone: practices.timeZone,
  clientTimeZone: clients.timeZone,
  clientId: clients.id,
  clientUserId: clients.userId,
  clientName: sql<string>`coalesce(${clients.preferredName}, ${clients.displayName})`,
  episodePhase: episodes.phase,
};

type Selected = {
  appointment: AppointmentRecord;
  seriesTimeZone: string | null;
  practiceTimeZone: string;
  clientTimeZone: string;
  clientId: string;
  clientUserId: string;
  clientName: string;
  episodePhase: string;
};

const flatten = (r: Selected): AppointmentRow => ({
  ...r.appointment,
  seriesTimeZone: r.seriesTimeZone,
  practiceTimeZone: r.practiceTimeZone,
  clientTimeZone: r.clientTimeZone,
  clientId: r.clientId,
  clientUserId: r.clientUserId,
  clientName: r.clientName,
  episodePhase: r.episodePhase,
});

/** Appointments joined to their (visible) episode, client, practice and series. */
function joined(db: Executor, where: SQL | undefined) {
  return db
    .select(selection)
    .from(appointments)
    .innerJoin(
      episodes,
      and(
        eq(episodes.practiceId, appointments.practiceId),
        eq(episodes.id, appointments.episodeId),
      ),
    )
    .innerJoin(
      clients,
      and(eq(clients.practiceId, episodes.practiceId), eq(clients.id, episodes.clientId)),
    )
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .leftJoin(
      appointmentSeries,
      and(
        eq(appointmentSeries.practiceId, appointments.practiceId),
        eq(appointmentSeries.id, appointments.seriesId),
      ),
    )
    .where(where);
}

export async function findById(
  db: Executor,
  actor: SignedIn,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AppointmentRow | undefined> {
  const query = joined(db, and(episodesVisibleTo(actor), eq(appointments.id, id)));
  const [row] = options.forUpdate ? await query.for('update', { of: appointments }) : await query;
  return row ? flatten(row) : undefined;
}

export async function listByEpisode(
  db: Executor,
  actor: SignedIn,
  episodeId: string,
  range: { from?: Date | undefined; to?: Date | undefined },
): Promise<AppointmentRow[]> {
  const rows = await joined(
    db,
    and(
      episodesVisibleTo(actor),
      eq(appointments.episodeId, episodeId),
      range.from ? gte(appointments.startsAt, range.from) : undefined,
      range.to ? lt(appointments.startsAt, range.to) : undefined,
    ),
  ).orderBy(asc(appointments.startsAt));
  return rows.map(flatten);
}

/** Everything visible to the actor in a window (the portal, the calendar feed). */
export async function listVisible(
  db: Executor,
  actor: SignedIn,
  range: { from?: Date; to?: Date; status?: AppointmentRecord['status'] },
  limit: number,
): Promise<AppointmentRow[]> {
  const rows = await joined(
    db,
    and(
      episodesVisibleTo(actor),
      range.from ? gte(appointments.startsAt, range.from) : undefined,
      range.to ? lt(appointments.startsAt, range.to) : undefined,
      range.status ? eq(appointments.status, range.status) : undefined,
    ),
  )
    .orderBy(asc(appointments.startsAt))
    .limit(limit);
  return rows.map(flatten);
}

/**
 * Serialises scheduling per therapist until the transaction ends, so two requests cannot both
 * pass the conflict check and book the same hour.
 */
export async function lockTherapistCalendar(db: Executor, therapistId: string): Promise<void> {
  await db.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`appointments:${therapistId}`}, 0))`,
  );
}

/** The therapist's scheduled appointments overlapping any of the given intervals. */
export async function findConflicts(
  db: Executor,
  therapist: { practiceId: string; therapistId: string },
  intervals: { startsAt: Date; endsAt: Date }[],
  excludeIds: string[] = [],
): Promise<AppointmentRecord[]> {
  if (intervals.length === 0) return [];
  const from = new Date(Math.min(...intervals.map((i) => i.startsAt.getTime())));
  const to = new Date(Math.max(...intervals.map((i) => i.endsAt.getTime())));
  const candidates = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, therapist.practiceId),
        eq(appointments.therapistId, therapist.therapistId),
        eq(appointments.status, 'scheduled'),
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
        ...excludeIds.map((id) => ne(appointments.id, id)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return candidates.filter((c) =>
    intervals.some((i) => c.startsAt < i.endsAt && c.endsAt > i.startsAt),
  );
}

export async function findSeries(
  db: Executor,
  practiceId: string,
  id: string,
): Promise<SeriesRecord | undefined> {
  const [row] = await db
    .select()
    .from(appointmentSeries)
    .where(and(eq(appointmentSeries.practiceId, practiceId), eq(appointmentSeries.id, id)));
  return row;
}

/** Scheduled occurrences of a series from a moment on (the "all following" of an edit). */
export async function listScheduledInSeriesFrom(
  db: Executor,
  practiceId: string,
  seriesId: string,
  from: Date,
): Promise<AppointmentRecord[]> {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        eq(appointments.seriesId, seriesId),
        eq(appointments.status, 'scheduled'),
        gte(appointments.startsAt, from),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * Removes scheduled occurrences that were never held; any that a note already refers to are
 * kept as cancelled, so nothing a therapist wrote loses its session.
 */
export async function removeScheduled(
  db: Executor,
  practiceId: string,
  ids: string[],
  cancelled: { by: string; at: Date },
): Promise<void> {
  if (ids.length === 0) return;
  const referenced = await db.execute<{ id: string }>(sql`
    SELECT appointment_id AS id FROM notes
    WHERE practice_id = ${practiceId} AND appointment_id IN ${sql`(${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`}`);
  const keep = new Set(referenced.rows.map((r) => r.id));
  const drop = ids.filter((id) => !keep.has(id));
  if (drop.length > 0) {
    await db
      .delete(appointments)
      .where(and(eq(appointments.practiceId, practiceId), inArray(appointments.id, drop)));
  }
  if (keep.size > 0) {
    await db
      .update(appointments)
      .set({
        status: 'cancelled',
        cancelledBy: 'therapist',
        cancelledAt: cancelled.at,
        lateCancellation: false,
        statusChangedBy: cancelled.by,
        statusChangedAt: cancelled.at,
        reminderJobId: null,
      })
      .where(and(eq(appointments.practiceId, practiceId), inArray(appointments.id, [...keep])));
  }
}

export async function practiceTimeZone(db: Executor, practiceId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: practices.timeZone })
    .from(practices)
    .where(eq(practices.id, practiceId));
  return row?.timeZone ?? 'UTC';
}

export async function listByIds(
  db: Executor,
  actor: SignedIn,
  ids: string[],
): Promise<AppointmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await joined(
    db,
    and(episodesVisibleTo(actor), inArray(appointments.id, ids)),
  ).orderBy(asc(appointments.startsAt));
  return rows.map(flatten);
}
