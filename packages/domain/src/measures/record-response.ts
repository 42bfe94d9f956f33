import { randomUUID } from 'node:crypto';
import { type ScoreOutcome, type ScoreResult, scoreAnswers } from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import {
  type AccessContext,
  actsAsClient,
  performOnEpisode,
  Refusal,
  seesTherapistOnlyFields,
} from '../access';
import { countAttendedSessions } from '../appointments';
import { readCrisisResources } from '../contact-settings';
import { AppError, notFound } from '../shared/errors';
import { evaluateAlerts } from './alert-rules';
import { disabledError, readMeasureSettings } from './practice-settings';
import { findAppointment, findTask, hasOpenAlert, listByEpisode } from './repository';
import { raiseRiskOnIncompleteForm, riskFlags, withRisk } from './risk-alerts';
import { alerts, measureTasks, responses } from './tables';
import {
  type AlertView,
  answersPurpose,
  RESULT_VERSION,
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

export type RecordedResponse = Contract.RecordedResponse;

/** A few minutes of clock skew between a phone and the server are not "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Scores strictly. A form that does not score is refused at once — unless a risk item on it was
 * answered above 0: then the refusal waits until the urgent alert is raised (CLINICAL.md §1).
 */
function score(
  input: RecordResponseInput,
): { result: ScoreResult; refusal?: never } | { result?: never; refusal: AppError } {
  const outcome = scoreAnswers(input.instrument, input.answers);
  if (outcome.ok) return { result: outcome.result };
  const refusal = refusalOf(input, outcome);
  if (outcome.reason === 'invalid-answers' && outcome.flags.length > 0) return { refusal };
  throw refusal;
}

function refusalOf(
  input: RecordResponseInput,
  outcome: Exclude<ScoreOutcome, { ok: true }>,
): AppError {
  if (outcome.reason === 'unknown-instrument')
    return new AppError('VALIDATION_FAILED', `No instrument "${input.instrument}" is available.`, [
      { path: 'instrument', message: `No instrument "${input.instrument}" is available.` },
    ]);
  if (outcome.reason === 'invalid-options')
    return new AppError('VALIDATION_FAILED', outcome.message);
  const issues = outcome.issues.map((i) => ({
    path: `answers[${i.item - 1}]`,
    message: `Item ${i.item} ${i.message}.`,
  }));
  return new AppError(
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
  // Validation is pure and says nothing about the episode, so it runs first: nothing is written
  // (but for a positive risk item, which raises its alert before the refusal, below).
  const { result, refusal } = score(input);
  const now = ctx.services.now();
  const completedAt = input.completedAt ?? now;
  if (completedAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
    throw new AppError('VALIDATION_FAILED', 'The completion time cannot be in the future.', [
      { path: 'completedAt', message: 'The completion time cannot be in the future.' },
    ]);
  return performOnEpisode(ctx, 'response.create', input.episodeId, async (tx, step) => {
    const { practiceId } = step.episode;
    const appointment = input.appointmentId
      ? await findAppointment(tx, practiceId, input.episodeId, input.appointmentId)
      : undefined;
    if (input.appointmentId && !appointment) {
      throw new AppError('VALIDATION_FAILED', 'That session is not part of this episode.', [
        { path: 'appointmentId', message: 'That session is not part of this episode.' },
      ]);
    }
    const task = input.taskId
      ? await findTask(tx, practiceId, input.episodeId, input.taskId)
      : undefined;
    if (input.taskId) {
      if (!task) throw notFound('questionnaire task');
      if (task.status !== 'open' || task.instrument !== input.instrument) {
        throw new AppError(
          'CONFLICT',
          task.status === 'open'
            ? 'This task asks for a different questionnaire.'
            : 'This questionnaire has already been completed or has expired.',
        );
      }
    }
    // A switched-off instrument is not scored (its licence may not allow this practice to use it).
    const settings = await readMeasureSettings(tx, practiceId);
    const disabled = settings.enabledInstruments.includes(input.instrument)
      ? undefined
      : disabledError(input.instrument);
    const refused = refusal ?? disabled;
    if (refused || !result) {
      // A risk item answered above 0 is never lost: the urgent alert is raised (once per task)
      // and the refusal names the flag and carries crisis resources (CLINICAL.md §1, §4).
      const flags = riskFlags(input.instrument, input.answers);
      if (flags.length > 0)
        await raiseRiskOnIncompleteForm(tx, ctx, {
          practiceId,
          episodeId: input.episodeId,
          instrument: input.instrument,
          answers: input.answers,
          taskId: input.taskId,
        });
      // Refused, but the raised alert commits with the failure event.
      return new Refusal(
        withRisk(
          refused ?? disabledError(input.instrument),
          flags,
          true,
          await readCrisisResources(tx, practiceId),
        ),
        {
          reason: refusal ? 'invalid-answers' : 'instrument-disabled',
          risk: flags.length > 0,
        },
      );
    }
    // The session this response belongs to. Completed for a session: that session's number as
    // its invitation counted it (attended sessions before it, plus one), whether or not it has
    // been marked attended yet — a form filled in after the start of a session not yet marked
    // used to get the previous session's number. Otherwise: the sessions attended by then.
    const sessionNumber = appointment
      ? (await countAttendedSessions(tx, {
          practiceId,
          episodeId: input.episodeId,
          bound: { startedBefore: appointment.startsAt },
          kind: 'any',
        })) + 1
      : await countAttendedSessions(tx, {
          practiceId,
          episodeId: input.episodeId,
          bound: { startedBy: completedAt },
          kind: 'any',
        });
    const history = (await listByEpisode(tx, practiceId, input.episodeId, input.instrument))
      .filter((r) => r.completedAt <= completedAt)
      .map((r) => r.total);
    const fired = evaluateAlerts(result, { previous: history, sessionNumber }, settings);
    const crisis = fired.some((f) => f.kind === 'risk-item')
      ? await readCrisisResources(tx, practiceId)
      : null;

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
          ...(crisis ? { crisisResourcesVersion: crisis.version } : {}),
        },
        completedAt,
        enteredBy: step.actor.userId,
        onBehalf: !actsAsClient(step),
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('response insert returned nothing');

    const raised: AlertView[] = [];
    for (const f of fired) {
      // The risk alert already raised from this task's partial answers is linked, not repeated.
      if (f.kind === 'risk-item' && task?.riskAlertId) {
        await tx
          .update(alerts)
          .set({ responseId: id })
          .where(and(eq(alerts.practiceId, practiceId), eq(alerts.id, task.riskAlertId)));
        continue;
      }
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
    step.audit({
      resourceType: 'response',
      resourceId: id,
      detail: { onBehalf: row.onBehalf, alerts: raised.length, task: input.taskId !== undefined },
    });
    return {
      response: toResponseView(row),
      // Alerts are the therapist's; a client submitting their own form gets none back.
      alerts: seesTherapistOnlyFields(step) ? raised : [],
      crisisResources: result.flags.includes('risk-item')
        ? (crisis ?? (await readCrisisResources(tx, practiceId)))
        : null,
    };
  });
}
