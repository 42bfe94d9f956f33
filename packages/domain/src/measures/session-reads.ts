import type { SessionMeasure } from '@throughline/contracts';
import { and, asc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import { readCatalogue } from '../instruments';
import type { Executor } from '../shared/transaction';
import { responses } from './tables';

/**
 * The questionnaires of one session, for its page: those completed for it (`appointment_id`, set
 * by a portal task or a paper form entered against it), and those that name no session but were
 * completed on its day (`day`, the therapist's calendar day) — marked `same-day`. Oldest first;
 * scores only, never the answers.
 */
export async function listSessionMeasures(
  db: Executor,
  q: {
    practiceId: string;
    episodeId: string;
    appointmentId: string;
    day: { from: Date; to: Date };
  },
): Promise<SessionMeasure[]> {
  const rows = await db
    .select({
      id: responses.id,
      instrument: responses.instrument,
      total: responses.total,
      band: responses.band,
      completedAt: responses.completedAt,
      onBehalf: responses.onBehalf,
      appointmentId: responses.appointmentId,
    })
    .from(responses)
    .where(
      and(
        eq(responses.practiceId, q.practiceId),
        eq(responses.episodeId, q.episodeId),
        or(
          eq(responses.appointmentId, q.appointmentId),
          and(
            isNull(responses.appointmentId),
            gte(responses.completedAt, q.day.from),
            lt(responses.completedAt, q.day.to),
          ),
        ),
      ),
    )
    .orderBy(asc(responses.completedAt), asc(responses.createdAt));
  const catalogue = await readCatalogue(db, q.practiceId);
  return rows.map((r) => ({
    responseId: r.id,
    instrument: r.instrument,
    title: catalogue.get(r.instrument).title,
    total: r.total,
    band: r.band,
    completedAt: r.completedAt,
    onBehalf: r.onBehalf,
    linked: r.appointmentId === q.appointmentId ? 'session' : 'same-day',
  }));
}
