import type { PortalPlan } from '@throughline/contracts';
import { type AccessContext, performOnRecord, Refusal, type SignedIn, signedIn } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import { type Executor, inTransaction } from '../shared/transaction';
import { acceptSharedPlan, planAcknowledgedAt } from './plan-agreement';
import { clientGoalViews } from './present';
import { latestPlansVisibleTo } from './repository';
import { GAS_PLAIN_SCALE } from './views';

export type PortalPlanView = PortalPlan;

/** The most recently shared plan among the client's episodes. */
async function currentPlan(tx: Executor, actor: SignedIn) {
  const plans = await latestPlansVisibleTo(tx, actor);
  return plans.sort((a, b) => b.sharedAt.getTime() - a.sharedAt.getTime())[0];
}

async function present(
  tx: Executor,
  ctx: AccessContext,
  plan: NonNullable<Awaited<ReturnType<typeof currentPlan>>>,
  acknowledgedAt: Date | null,
): Promise<PortalPlanView> {
  return {
    id: plan.id,
    episodeId: plan.episodeId,
    version: plan.version,
    sharedAt: plan.sharedAt,
    acknowledgedAt,
    scale: GAS_PLAIN_SCALE,
    goals: await clientGoalViews(tx, ctx, plan.practiceId, plan.episodeId),
  };
}

/** The client's treatment plan as last shared with them, in plain words; null before sharing. */
export async function readPortalPlan(ctx: AccessContext): Promise<PortalPlanView | null> {
  const actor = signedIn(ctx);
  return inTransaction(ctx.services.db, async (tx) => {
    const plan = await currentPlan(tx, actor);
    await recordAudit(tx, ctx, {
      action: 'plan.read',
      resourceType: 'treatment-plan',
      resourceId: plan?.id ?? null,
      outcome: 'success',
    });
    return plan
      ? present(tx, ctx, plan, await planAcknowledgedAt(tx, plan.practiceId, plan))
      : null;
  });
}

/**
 * The client acknowledges the version of the plan they were shown (who and when are recorded).
 * An older version is refused: the plan changed since, and the client should read it again.
 */
export async function acknowledgePlan(
  ctx: AccessContext,
  input: { planId: string },
): Promise<PortalPlanView> {
  const target = {
    resourceType: 'treatment-plan',
    resourceId: input.planId,
    what: 'plan',
    find: currentPlan,
  };
  return performOnRecord(ctx, 'plan.acknowledge', target, async (tx, plan, step) => {
    if (plan.id !== input.planId) {
      return new Refusal(
        new AppError(
          'PLAN_NOT_CURRENT',
          'Your plan has changed since you opened it. Please read the current version first.',
        ),
        { reason: 'not-current' },
      );
    }
    // The acceptance is the `shared-plan` agreement's (plan-agreement.ts), kept with who and when.
    const acknowledgedAt = await acceptSharedPlan(tx, ctx, step, step.actor, plan);
    step.audit({ detail: { version: plan.version } });
    return present(tx, ctx, plan, acknowledgedAt);
  });
}
