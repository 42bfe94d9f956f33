import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../shared/transaction';
import { appointments } from './tables';

/** An episode's sessions, oldest first, for the client's copy of their record (issue 12). */
export function listEpisodeSessions(tx: Executor, ep: { practiceId: string; id: string }) {
  return tx
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      cancelledBy: appointments.cancelledBy,
      modality: appointments.modality,
    })
    .from(appointments)
    .where(and(eq(appointments.practiceId, ep.practiceId), eq(appointments.episodeId, ep.id)))
    .orderBy(asc(appointments.startsAt));
}
