import { and, asc, desc, eq, inArray, isNull, max, ne, or } from 'drizzle-orm';
import type { SignedIn } from '../access';
import { episodesAbout } from '../access';
import { episodePhaseChanges, episodes } from '../episodes/tables';
import type { Executor } from '../shared/transaction';
import { measureTasks, responses } from './tables';

export type TaskRow = typeof measureTasks.$inferSelect;

/** A task of the signed-in client (through their visible episodes); undefined for anyone else's. */
export async function findClientTask(
  db: Executor,
  actor: SignedIn,
  id: string,
): Promise<TaskRow | undefined> {
  const [row] = await db
    .select({ task: measureTasks })
    .from(measureTasks)
    .innerJoin(
      episodes,
      and(
        eq(episodes.practiceId, measureTasks.practiceId),
        eq(episodes.id, measureTasks.episodeId),
      ),
    )
    .where(and(episodesAbout(actor), eq(measureTasks.id, id)));
  return row?.task;
}

/** The signed-in client's open tasks across their episodes, soonest due first. */
export async function listOpenClientTasks(db: Executor, actor: SignedIn): Promise<TaskRow[]> {
  const rows = await db
    .select({ task: measureTasks })
    .from(measureTasks)
    .innerJoin(
      episodes,
      and(
        eq(episodes.practiceId, measureTasks.practiceId),
        eq(episodes.id, measureTasks.episodeId),
      ),
    )
    .where(and(episodesAbout(actor), eq(measureTasks.status, 'open')))
    .orderBy(asc(measureTasks.dueAt), asc(measureTasks.instrument));
  return rows.map((r) => r.task);
}

export function listByAppointment(
  db: Executor,
  practiceId: string,
  appointmentId: string,
): Promise<TaskRow[]> {
  return db
    .select()
    .from(measureTasks)
    .where(
      and(eq(measureTasks.practiceId, practiceId), eq(measureTasks.appointmentId, appointmentId)),
    )
    .orderBy(asc(measureTasks.createdAt), asc(measureTasks.instrument));
}

/**
 * Per instrument, the latest response or task of the episode, leaving out the tasks of the given
 * session (so asking again for the same session gives the same answer).
 */
export async function lastActivityByInstrument(
  db: Executor,
  practiceId: string,
  episodeId: string,
  appointmentId: string,
): Promise<Map<string, Date>> {
  const answered = await db
    .select({ instrument: responses.instrument, at: max(responses.completedAt) })
    .from(responses)
    .where(and(eq(responses.practiceId, practiceId), eq(responses.episodeId, episodeId)))
    .groupBy(responses.instrument);
  const asked = await db
    .select({ instrument: measureTasks.instrument, at: max(measureTasks.dueAt) })
    .from(measureTasks)
    .where(
      and(
        eq(measureTasks.practiceId, practiceId),
        eq(measureTasks.episodeId, episodeId),
        or(isNull(measureTasks.appointmentId), ne(measureTasks.appointmentId, appointmentId)),
      ),
    )
    .groupBy(measureTasks.instrument);
  const last = new Map<string, Date>();
  for (const { instrument, at } of [...answered, ...asked]) {
    if (!at) continue;
    const seen = last.get(instrument);
    if (!seen || at > seen) last.set(instrument, at);
  }
  return last;
}

/**
 * The instruments the therapist sent on their own (no session) that still wait in the client's
 * portal: the next session's plan does not ask the same questionnaire a second time while that
 * one is unanswered. Tasks of other sessions do not count: each session's score stays its own.
 */
export async function instrumentsSentAndWaiting(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ instrument: measureTasks.instrument })
    .from(measureTasks)
    .where(
      and(
        eq(measureTasks.practiceId, practiceId),
        eq(measureTasks.episodeId, episodeId),
        eq(measureTasks.status, 'open'),
        isNull(measureTasks.appointmentId),
      ),
    );
  return new Set(rows.map((r) => r.instrument));
}

/** When the episode last entered the ending phase. */
export async function endingSince(
  db: Executor,
  practiceId: string,
  episodeId: string,
): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: episodePhaseChanges.changedAt })
    .from(episodePhaseChanges)
    .where(
      and(
        eq(episodePhaseChanges.practiceId, practiceId),
        eq(episodePhaseChanges.episodeId, episodeId),
        eq(episodePhaseChanges.toPhase, 'ending'),
      ),
    )
    .orderBy(desc(episodePhaseChanges.changedAt))
    .limit(1);
  return row?.at;
}

/** Inserts tasks; a task that exists for the same session and instrument is left alone. */
export async function insertTasksIfAbsent(
  db: Executor,
  values: (typeof measureTasks.$inferInsert)[],
): Promise<TaskRow[]> {
  if (values.length === 0) return [];
  return db.insert(measureTasks).values(values).onConflictDoNothing().returning();
}

export async function markNotified(
  db: Executor,
  practiceId: string,
  ids: string[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(measureTasks)
    .set({ notifiedAt: at })
    .where(and(eq(measureTasks.practiceId, practiceId), inArray(measureTasks.id, ids)));
}
