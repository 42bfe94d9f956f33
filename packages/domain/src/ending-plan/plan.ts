import type { EndingPlan, ProposeEndingPlan } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  type AccessContext,
  type EpisodeStep,
  HIDDEN,
  isPartyOf,
  performOnEpisode,
  Refusal,
} from '../access';
import { answerInEpisode, proposeInEpisode, readAgreementInEpisode } from '../agreements';
import { practiceTimeZoneSql } from '../identity';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { agreeInTx } from './agreed';
import { assertPlanDates, ENDING_PLAN_CONTENT_VERSION, parseTerms, toEndingPlan } from './terms';

const KIND = 'ending-plan' as const;

async function current(
  tx: Executor,
  ctx: AccessContext,
  step: EpisodeStep,
): Promise<EndingPlan | null> {
  const view = await readAgreementInEpisode(tx, ctx, step.episode, KIND);
  return view.current ? toEndingPlan(view, view.current) : null;
}

/** Today in the practice's calendar (a plan's dates are days, not instants). */
async function practiceToday(
  tx: Executor,
  ctx: AccessContext,
  practiceId: string,
): Promise<string> {
  const found = await tx.execute<{ zone: string | null }>(
    sql`SELECT ${practiceTimeZoneSql(practiceId)} AS zone`,
  );
  const zone = found.rows[0]?.zone ?? 'UTC';
  return DateTime.fromJSDate(ctx.services.now(), { zone }).toISODate() ?? '';
}

/** The episode's current ending plan version, its terms and who agreed when (404 when none). */
export function getEndingPlan(ctx: AccessContext, episodeId: string): Promise<EndingPlan> {
  return performOnEpisode(ctx, 'ending-plan.read', episodeId, async (tx, step) => {
    const plan = await current(tx, ctx, step);
    step.audit({ detail: { version: plan?.version ?? null } });
    if (!plan)
      return new Refusal(
        new AppError(
          'NOT_FOUND',
          'No ending plan has been proposed for this episode yet. Either of you can propose one; the other then reads and accepts it.',
        ),
      );
    return plan;
  });
}

/**
 * The therapist or the client proposes a version of the ending plan (APA 10.10 (c); ETHICS.md:
 * the ending is planned and agreed by both). The proposal is the proposer's acceptance; the
 * other party accepts it. Dates in the past, or a taper outside today … last session: 400.
 */
export function proposeEndingPlan(
  ctx: AccessContext,
  episodeId: string,
  input: ProposeEndingPlan,
): Promise<EndingPlan> {
  const terms = parseTerms(input); // a bad shape is a 400 before any transaction
  return performOnEpisode(ctx, 'ending-plan.propose', episodeId, async (tx, step) => {
    if (!isPartyOf(step)) throw new Error('proposeEndingPlan: the policy admits parties only');
    assertPlanDates(terms, await practiceToday(tx, ctx, step.episode.practiceId));
    const version = await proposeInEpisode(
      tx,
      ctx,
      step,
      { kind: KIND, content: { v: ENDING_PLAN_CONTENT_VERSION, ...terms } },
      { party: step.as, userId: step.actor.userId },
    );
    step.audit({
      resourceType: 'agreement-version',
      resourceId: version.id,
      detail: { version: version.version, party: step.as },
    });
    return (await current(tx, ctx, step)) ?? HIDDEN;
  });
}

/**
 * A party accepts the version they read, by number. An outdated version is refused (409); a
 * number never proposed is a 404. When this acceptance makes the version agreed by both, the
 * episode moves to `ending` in the same transaction and its future sessions follow the taper.
 */
export function acceptEndingPlan(
  ctx: AccessContext,
  episodeId: string,
  input: { version: number },
): Promise<EndingPlan> {
  return performOnEpisode(ctx, 'ending-plan.accept', episodeId, async (tx, step) => {
    if (!isPartyOf(step)) throw new Error('acceptEndingPlan: the policy admits parties only');
    const before = await readAgreementInEpisode(tx, ctx, step.episode, KIND);
    const target = before.versions.find((v) => v.version === input.version);
    if (!target)
      throw new AppError(
        'NOT_FOUND',
        `There is no version ${input.version} of this episode's ending plan; read the current version and accept that one.`,
      );
    const answered = await answerInEpisode(tx, ctx, step, step.actor, {
      versionId: target.id,
      answer: 'accept',
    });
    if (answered instanceof Refusal) return answered;
    const agreed = answered.parties.every((p) => p.response === 'accepted');
    const wasAgreed = target.parties.every((p) => p.response === 'accepted');
    const moved = agreed && !wasAgreed ? await agreeInTx(tx, ctx, step, answered.version) : null;
    step.audit({
      resourceType: 'agreement-version',
      resourceId: target.id,
      detail: { version: target.version, party: step.as, agreed, moved },
    });
    return (await current(tx, ctx, step)) ?? HIDDEN;
  });
}
