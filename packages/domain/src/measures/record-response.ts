import { randomUUID } from 'node:crypto';
import { type ScoreResult, scoreAnswers } from '@throughline/clinical';
import { and, eq } from 'drizzle-orm';
import type { AccessContext } from '../access/actor';
import { signedIn } from '../access/policy';
import { recordAudit } from '../audit/record';
import { findVisibleEpisode } from '../episodes/access';
import { AppError, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { evaluateAlerts } from './alert-rules';
import { CRISIS_RESOURCES, type CrisisResources } from './crisis-resources';
import {
  countAttended,
  findAppointment,
  findTask,
  hasOpenAlert,
  listByEpisode,
} from './repository';
import { alerts, measureTasks, responses } from './tables';
import {
  type AlertView,
  answersPurpose,
  RESULT_VERSION,
  type ResponseView,
  sealAlertInputs,
  toAlertView,
  toResponseView,
} from './views';

export type RecordResponseInput = {
  episodeId: string;
  instrument: string;
  /** In item order; nulls are refused by name (never prorated). */
  answers: (number | null)[];
  appointmentId?: string;
  completedAt?: Date;
  /** The portal task this response completes (must belong to the episode). */
  taskId?: string;
};

export type RecordedResponse = {
  response: ResponseView;
  /** Alerts raised for the therapist. A client submitting their own form gets none back. */
  alerts: AlertView[];
  /** Shown at once whenever a risk item fired (CLINICAL.md §4); null otherwise. */
  crisisResources: CrisisResources | null;
};

/** A few minutes of clock skew between a phone and the server are not "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

function score(input: RecordResponseInput): ScoreResult {
  const outcome = scoreAnswers(input.instrument, input.answers);
  if (outcome.ok) return outcome.result;
  if (outcome.reason === 'unknown-instrument')
    throw new AppError('VALIDATION_FAILED', `No instrument "${input.instrument}" is available.`, [
      { path: 'instrument', message: `No instrument "${input.instrument}" is available.` },
    ]);
  if (outcome.reason === 'invalid-options')
    throw new AppError('VALIDATION_FAILED', outcome.message);
  const issues = outcome.issues.map((i) => ({
    path: `answers[${i.item - 1}]`,
    message: `Item ${i.item} ${i.message}.`,
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    issues[0]?.message ?? 'The answers are not valid.',
    issues,
  );
}

/**
 * Stores a completed questionnaire (the client's own, or a paper form a therapist enters on the
 * client's behalf), scores it strictly with the clinical core, runs the alert rules against the
 * episode's history and, for a portal task, completes the task — all in one transaction with its
 * audit event. Answers are encrypted; only the scores are stored in the clear.
 */
export async function recordResponse(
  ctx: AccessContext,
  input: RecordResponseInput,
): Promise<RecordedResponse> {
  const actor = signedIn(ctx);
  // Validation is pure and says nothing about the episode, so it runs first: nothing is written.
  const result = score(input);
  const now = ctx.services.now();
  const completedAt = input.completedAt ?? now;
  if (completedAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
    throw new AppError('VALIDATION_FAILED', 'The completion time cannot be in the future.', [
      { path: 'completedAt', message: 'The completion time cannot be in the future.' },
    ]);
  let failure: AppError | undefined;
  const recorded = await inTransaction(ctx.services.db, async (tx) => {
    const access = await findVisibleEpisode(tx, actor, input.episodeId);
    if (!access) {
      await recordAudit(tx, ctx, {
        action: 'response.create',
        resourceType: 'episode',
        resourceId: input.episodeId,
        outcome: 'denied',
      });
      failure = notFound('episode');
      return undefined;
    }
    const { practiceId } = access.episode;
    const appointment = input.appointmentId
      ? await findAppointment(tx, practiceId, input.episodeId, input.appointmentId)
      : undefined;
    if (input.appointmentId && !appointment) {
      failure = new AppError('VALIDATION_FAILED', 'That session is not part of this episode.', [
        { path: 'appointmentId', message: 'That session is not part of this episode.' },
      ]);
      return undefined;
    }
    if (input.taskId) {
      const task = await findTask(tx, practiceId, input.episodeId, input.taskId);
      if (!task) {
        failure = notFound('questionnaire task');
        return undefined;
      }
      if (task.status !== 'open' || task.instrument !== input.instrument) {
        failure = new AppError(
          'CONFLICT',
          task.status === 'open'
            ? 'This task asks for a different questionnaire.'
            : 'This questionnaire has already been completed or has expired.',
        );
        return undefined;
      }
    }
    // The session this response belongs to: sessions attended up to its completion, plus the
    // session it was completed for when that is still to come (a form filled in beforehand).
    const attended = await countAttended(tx, practiceId, input.episodeId, completedAt);
    const sessionNumber = attended + (appointment && appointment.startsAt > completedAt ? 1 : 0);
    const history = (await listByEpisode(tx, practiceId, input.episodeId, input.instrument))
      .filter((r) => r.completedAt <= completedAt)
      .map((r) => r.total);
    const fired = evaluateAlerts(result, { previous: history, sessionNumber });

    const id = randomUUID();
    const { itemScores: _answers, ...stored } = result; // item scores would reveal the answers
    const [row] = await tx
      .insert(responses)
      .values({
        practiceId,
        id,
        episodeId: input.episodeId,
        instrument: result.instrument,
        instrumentVersion: result.version,
        appointmentId: appointment?.id ?? null,
        answers: await ctx.services.keyring.encrypt(
          tx,
          practiceId,
          JSON.stringify(input.answers),
          answersPurpose(id),
        ),
        total: result.total,
        band: result.band,
        flags: result.flags,
        subscales: result.subscales,
        percentage: result.percentage ?? null,
        result: {
          resultVersion: RESULT_VERSION,
          ...stored,
          sessionNumber,
          ...(fired.some((f) => f.kind === 'risk-item')
            ? { crisisResourcesVersion: CRISIS_RESOURCES.version }
            : {}),
        },
        completedAt,
        enteredBy: actor.userId,
        onBehalf: access.as === 'therapist',
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('response insert returned nothing');

    const raised: AlertView[] = [];
    for (const f of fired) {
      // State rules (deterioration, not on track) raise once until the therapist acknowledges.
      const repeats =
        (f.kind === 'reliable-deterioration' || f.kind === 'not-on-track') &&
        (await hasOpenAlert(tx, practiceId, input.episodeId, f.kind, result.instrument));
      if (repeats) continue;
      const alertId = randomUUID();
      const [alert] = await tx
        .insert(alerts)
        .values({
          id: alertId,
          practiceId,
          episodeId: input.episodeId,
          responseId: id,
          kind: f.kind,
          severity: f.severity,
          rule: f.alert.rule,
          ruleVersion: f.alert.version,
          inputs: await sealAlertInputs(
            tx,
            ctx.services.keyring,
            practiceId,
            alertId,
            f.alert.inputs,
          ),
          source: f.alert.source,
          createdAt: now,
        })
        .returning();
      if (alert) raised.push(toAlertView(alert, f.alert.inputs));
    }
    if (input.taskId)
      await tx
        .update(measureTasks)
        .set({ status: 'completed', responseId: id, completedAt: now, partialAnswers: null })
        .where(and(eq(measureTasks.practiceId, practiceId), eq(measureTasks.id, input.taskId)));
    await recordAudit(tx, ctx, {
      action: 'response.create',
      resourceType: 'response',
      resourceId: id,
      outcome: 'success',
      detail: { onBehalf: row.onBehalf, alerts: raised.length, task: input.taskId !== undefined },
    });
    return {
      response: toResponseView(row),
      alerts: access.as === 'therapist' ? raised : [],
      crisisResources: result.flags.includes('risk-item') ? CRISIS_RESOURCES : null,
    };
  });
  if (failure || !recorded) throw failure ?? notFound('episode');
  return recorded;
}
