import { randomUUID } from 'node:crypto';
import type { AccessContext } from '../access';
import type { Executor } from '../shared/transaction';
import { appointments } from './tables';
import { appointmentLocationPurpose } from './views';

/**
 * Records sessions that took place before the practice moved in (issue 12): attended, in the
 * past, so nothing is scheduled for them (no reminder, no questionnaire invitation).
 */
export async function insertPastSessions(
  tx: Executor,
  input: {
    practiceId: string;
    episodeId: string;
    therapistId: string;
    starts: readonly Date[];
    minutes: number;
    recordedAt: Date;
  },
): Promise<number> {
  if (input.starts.length === 0) return 0;
  await tx.insert(appointments).values(
    input.starts.map((startsAt) => ({
      practiceId: input.practiceId,
      id: randomUUID(),
      episodeId: input.episodeId,
      therapistId: input.therapistId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.minutes * 60_000),
      status: 'attended' as const,
      statusChangedBy: input.therapistId,
      statusChangedAt: input.recordedAt,
    })),
  );
  return input.starts.length;
}

export type SessionFromRecord = {
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'attended' | 'cancelled' | 'no-show';
  modality: 'in-person' | 'video' | 'phone';
  kind: 'treatment' | 'assessment';
  location: string | null;
  cancelledBy: 'client' | 'therapist' | null;
};

/**
 * Restores the sessions of one episode of a relationship bundle (issue 12) as they were, with
 * the importing therapist: status, kind, modality, the location (encrypted) and who cancelled.
 * Nothing is scheduled for them (no reminder, no questionnaire invitation): an imported session
 * still to come is booked again by the therapist if it is to remind anyone. Returns the new ids
 * in input order.
 */
export async function insertSessionsFromRecord(
  tx: Executor,
  ctx: AccessContext,
  input: { practiceId: string; episodeId: string; therapistId: string; recordedAt: Date },
  sessions: readonly SessionFromRecord[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const s of sessions) {
    const id = randomUUID();
    ids.push(id);
    await tx.insert(appointments).values({
      practiceId: input.practiceId,
      id,
      episodeId: input.episodeId,
      therapistId: input.therapistId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      modality: s.modality,
      kind: s.kind,
      location: await ctx.services.keyring.encryptOptional(
        tx,
        input.practiceId,
        s.location,
        appointmentLocationPurpose(id),
      ),
      cancelledBy: s.cancelledBy,
      cancelledAt: s.status === 'cancelled' ? input.recordedAt : null,
      statusChangedBy: s.status === 'scheduled' ? null : input.therapistId,
      statusChangedAt: s.status === 'scheduled' ? null : input.recordedAt,
    });
  }
  return ids;
}
