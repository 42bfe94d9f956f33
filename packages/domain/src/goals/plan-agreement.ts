import type { AccessContext, SignedIn } from '../access';
import { Refusal } from '../access';
import {
  type AgreementVersionView,
  answerInEpisode,
  findVersionBySubject,
  listResponses,
  proposeInEpisode,
} from '../agreements';
import type { EpisodeAccess } from '../episodes';
import type { Executor } from '../shared/transaction';

/**
 * The shared plan acknowledgement as an agreement of kind `shared-plan` (issue 8): sharing a
 * changed plan proposes a version (the therapist's acceptance), the client's acknowledgement
 * accepts it. The version's `subject_id` is the treatment plan row; its content names the plan
 * version (the snapshot itself stays in `treatment_plans`).
 *
 * Plans shared before migration 0010 have no version: their acknowledgement stays readable in the
 * legacy `treatment_plans.acknowledged_at/_by` columns, which nothing writes any more; such a plan
 * acknowledged now gets its version proposed on behalf of the therapist who shared it, then
 * accepted.
 */
type PlanRef = {
  id: string;
  version: number;
  sharedBy: string;
  sharedAt: Date;
  acknowledgedAt: Date | null;
};

export async function proposeSharedPlan(
  tx: Executor,
  ctx: AccessContext,
  access: EpisodeAccess,
  plan: Omit<PlanRef, 'acknowledgedAt'>,
  at?: Date,
): Promise<AgreementVersionView> {
  return proposeInEpisode(
    tx,
    ctx,
    access,
    {
      kind: 'shared-plan',
      subjectId: plan.id,
      content: { v: 1, planId: plan.id, planVersion: plan.version },
    },
    { party: 'therapist', userId: plan.sharedBy, ...(at ? { at } : {}) },
  );
}

/** When the client accepted this plan version (or acknowledged it before 0010); else null. */
export async function planAcknowledgedAt(
  db: Executor,
  practiceId: string,
  plan: PlanRef,
): Promise<Date | null> {
  const version = await findVersionBySubject(db, practiceId, plan.id);
  if (!version) return plan.acknowledgedAt;
  const responses = await listResponses(db, practiceId, [version.id]);
  const client = responses.find((r) => r.party === 'client');
  return client?.response === 'accepted' ? client.respondedAt : null;
}

/** The client accepts the plan version's agreement; returns when they did. */
export async function acceptSharedPlan(
  tx: Executor,
  ctx: AccessContext,
  access: EpisodeAccess,
  actor: SignedIn,
  plan: PlanRef,
): Promise<Date> {
  if (plan.acknowledgedAt) {
    const existing = await findVersionBySubject(tx, access.episode.practiceId, plan.id);
    if (!existing) return plan.acknowledgedAt; // acknowledged before agreements existed
  }
  const versionId =
    (await findVersionBySubject(tx, access.episode.practiceId, plan.id))?.id ??
    (await proposeSharedPlan(tx, ctx, access, plan, plan.sharedAt)).id;
  const answered = await answerInEpisode(tx, ctx, access, actor, { versionId, answer: 'accept' });
  if (answered instanceof Refusal) throw answered.error;
  const client = answered.parties.find((p) => p.party === 'client');
  if (!client?.respondedAt) throw new Error('shared-plan acceptance was not recorded');
  return client.respondedAt;
}
