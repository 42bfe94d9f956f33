import { randomUUID } from 'node:crypto';
import type { SharedPlan } from '@throughline/contracts';
import type { AccessContext } from '../access';
import { performOnEpisode } from '../access';
import { AppError } from '../shared/errors';
import { planAcknowledgedAt, proposeSharedPlan } from './plan-agreement';
import { latestPlan, listByEpisode } from './repository';
import { treatmentPlans } from './tables';
import { openGoal, openSnapshot, type PlanSnapshot, planSnapshotPurpose } from './views';

export type SharedPlanView = SharedPlan;

/**
 * Shares the plan with the client: a snapshot of the client-visible part of every goal that is not
 * discontinued. Sharing an unchanged plan returns the current version (and keeps its
 * acknowledgement); a changed plan becomes a new version the client is asked to acknowledge: a
 * new `shared-plan` agreement version (plan-agreement.ts) that supersedes the previous one.
 */
export async function sharePlan(ctx: AccessContext, episodeId: string): Promise<SharedPlanView> {
  return performOnEpisode(ctx, 'plan.share', episodeId, async (tx, step) => {
    const { actor } = step;
    const rows = (await listByEpisode(tx, actor.practiceId, episodeId)).filter(
      (g) => g.status !== 'discontinued',
    );
    if (rows.length === 0)
      throw new AppError('VALIDATION_FAILED', 'Add at least one goal before sharing the plan.');
    const snapshot: PlanSnapshot = {
      v: 1,
      goals: await Promise.all(
        rows.map(async (row) => {
          const g = await openGoal(tx, ctx, row);
          return {
            goalId: g.id,
            clientWords: g.clientWords,
            objectives: g.objectives,
            status: g.status,
          };
        }),
      ),
    };
    const previous = await latestPlan(tx, actor.practiceId, episodeId);
    if (previous) {
      const before = await openSnapshot(tx, ctx, previous);
      if (JSON.stringify(before.goals) === JSON.stringify(snapshot.goals)) {
        step.audit({
          resourceType: 'treatment-plan',
          resourceId: previous.id,
          detail: { version: previous.version, changed: false },
        });
        return {
          id: previous.id,
          episodeId,
          version: previous.version,
          sharedAt: previous.sharedAt,
          changed: false,
          acknowledgedAt: await planAcknowledgedAt(tx, actor.practiceId, previous),
          goals: before.goals.length,
        };
      }
    }
    const id = randomUUID();
    const version = (previous?.version ?? 0) + 1;
    const now = ctx.services.now();
    await tx.insert(treatmentPlans).values({
      practiceId: actor.practiceId,
      id,
      episodeId,
      version,
      snapshot: await ctx.services.keyring.encrypt(
        tx,
        actor.practiceId,
        JSON.stringify(snapshot),
        planSnapshotPurpose(id),
      ),
      sharedBy: actor.userId,
      sharedAt: now,
    });
    // The client's acknowledgement is an agreement: this version supersedes the last one.
    await proposeSharedPlan(tx, ctx, step, {
      id,
      version,
      sharedBy: actor.userId,
      sharedAt: now,
    });
    step.audit({
      resourceType: 'treatment-plan',
      resourceId: id,
      detail: { version, changed: true, goals: snapshot.goals.length },
    });
    return {
      id,
      episodeId,
      version,
      sharedAt: now,
      changed: true,
      acknowledgedAt: null,
      goals: snapshot.goals.length,
    };
  });
}
