import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { responses } from './tables';
import { answersPurpose } from './views';

export type ResponseRecord = {
  id: string;
  episodeId: string;
  instrument: string;
  instrumentVersion: string;
  answers: number[];
  completedAt: Date;
  enteredBy: string;
  onBehalf: boolean;
};

/**
 * The completed questionnaires of the given episodes with their answers opened (record export,
 * issue 12). Scores are not read: the export re-scores the answers, so a stored score that drifted
 * from its answers can never travel as a clinical fact (docs/fhir.md).
 */
export async function listResponsesForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  episodeIds: readonly string[],
): Promise<ResponseRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(responses)
    .where(and(eq(responses.practiceId, practiceId), inArray(responses.episodeId, [...episodeIds])))
    .orderBy(asc(responses.completedAt), asc(responses.id));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      episodeId: r.episodeId,
      instrument: r.instrument,
      instrumentVersion: r.instrumentVersion,
      answers: JSON.parse(
        await keyring.decrypt(db, practiceId, r.answers, answersPurpose(r.id)),
      ) as number[],
      completedAt: r.completedAt,
      enteredBy: r.enteredBy,
      onBehalf: r.onBehalf,
    })),
  );
}
