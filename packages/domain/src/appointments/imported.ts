import { randomUUID } from 'node:crypto';
import type { Executor } from '../shared/transaction';
import { appointments } from './tables';

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
