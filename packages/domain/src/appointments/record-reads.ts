import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { appointments } from './tables';
import { appointmentLocationPurpose } from './views';

export type SessionRecord = {
  id: string;
  episodeId: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'attended' | 'cancelled' | 'no-show';
  modality: 'in-person' | 'video' | 'phone';
  kind: 'treatment' | 'assessment';
  location: string | null;
  cancelledBy: 'client' | 'therapist' | null;
};

/** Every session of the given episodes (locations opened), for the record export (issue 12). */
export async function listSessionsForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  episodeIds: readonly string[],
): Promise<SessionRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        inArray(appointments.episodeId, [...episodeIds]),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      episodeId: r.episodeId,
      therapistId: r.therapistId,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.status,
      modality: r.modality,
      kind: r.kind,
      location: await keyring.decryptOptional(
        db,
        practiceId,
        r.location,
        appointmentLocationPurpose(r.id),
      ),
      cancelledBy: r.cancelledBy,
    })),
  );
}
