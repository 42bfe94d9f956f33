import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { latestReviewLevels } from './repository';
import { goals, treatmentPlans } from './tables';
import { type GasLevels, goalPurpose, planSnapshotPurpose } from './views';

export type GoalRecord = {
  id: string;
  episodeId: string;
  clientWords: string;
  objectives: string[];
  status: 'active' | 'achieved' | 'discontinued';
  createdAt: Date;
  createdBy: string;
  /** Therapist-only: present only when asked for. */
  therapistWords?: string;
  gasLevels?: GasLevels;
  weight?: number;
  latestLevel: { level: number; reviewedAt: Date } | null;
};

export type SharedPlanRecord = {
  id: string;
  episodeId: string;
  version: number;
  goalIds: string[];
  sharedBy: string;
  sharedAt: Date;
  acknowledgedAt: Date | null;
};

/**
 * The goals of the given episodes, opened, with each goal's newest GAS rating (record export,
 * issue 12). `therapistOnly: false` leaves the therapist's words, GAS scale and weight sealed and
 * out of the result (the client's own copy; access kernel `seesTherapistOnlyFields`).
 */
export async function listGoalsForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  episodeIds: readonly string[],
  opts: { therapistOnly: boolean },
): Promise<GoalRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.practiceId, practiceId), inArray(goals.episodeId, [...episodeIds])))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  const levels = new Map(
    (await Promise.all(episodeIds.map((e) => latestReviewLevels(db, practiceId, e))))
      .flat()
      .map((l) => [l.goalId, { level: l.level, reviewedAt: l.reviewedAt }]),
  );
  const open = (sealed: string, purpose: string): Promise<string> =>
    keyring.decrypt(db, practiceId, sealed, purpose);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      episodeId: row.episodeId,
      clientWords: await open(row.clientWords, goalPurpose(row.id, 'client-words')),
      objectives: JSON.parse(await open(row.objectives, goalPurpose(row.id, 'objectives')))
        .items as string[],
      status: row.status,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      ...(opts.therapistOnly
        ? {
            therapistWords: await open(row.therapistWords, goalPurpose(row.id, 'therapist-words')),
            gasLevels: JSON.parse(await open(row.gasLevels, goalPurpose(row.id, 'gas-levels')))
              .levels as GasLevels,
            weight: row.weight,
          }
        : {}),
      latestLevel: levels.get(row.id) ?? null,
    })),
  );
}

/** Every shared version of the plans of the given episodes, oldest first. */
export async function listSharedPlansForRecord(
  db: Executor,
  keyring: Keyring,
  practiceId: string,
  episodeIds: readonly string[],
): Promise<SharedPlanRecord[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select()
    .from(treatmentPlans)
    .where(
      and(
        eq(treatmentPlans.practiceId, practiceId),
        inArray(treatmentPlans.episodeId, [...episodeIds]),
      ),
    )
    .orderBy(asc(treatmentPlans.episodeId), asc(treatmentPlans.version));
  return Promise.all(
    rows.map(async (row) => {
      const snapshot = JSON.parse(
        await keyring.decrypt(db, practiceId, row.snapshot, planSnapshotPurpose(row.id)),
      ) as { goals: { goalId: string }[] };
      return {
        id: row.id,
        episodeId: row.episodeId,
        version: row.version,
        goalIds: snapshot.goals.map((g) => g.goalId),
        sharedBy: row.sharedBy,
        sharedAt: row.sharedAt,
        acknowledgedAt: row.acknowledgedAt,
      };
    }),
  );
}
