import { type ScoreOutcome, type ScoreResult, scoreAnswers } from '@throughline/clinical';
import type * as Contract from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import {
  type AccessContext,
  performOnEpisode,
  Refusal,
  seesTherapistOnlyFields,
  signedIn,
} from '../access';
import { readCrisisResources } from '../contact-settings';
import { type InstrumentCatalogue, readCatalogue } from '../instruments';
import { AppError, notFound } from '../shared/errors';
import { disabledError, readMeasureSettings } from './practice-settings';
import { findAppointment, findTask } from './repository';
import { raiseRiskOnIncompleteForm, riskFlags, withRisk } from './risk-alerts';
import { storeScoredResponse } from './store-response';
import { measureTasks } from './tables';
import { toResponseView } from './views';

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
  catalogue: InstrumentCatalogue,
): { result: ScoreResult; refusal?: never } | { result?: never; refusal: AppError } {
  const outcome = scoreAnswers(catalogue.find(input.instrument) ?? input.instrument, input.answers);
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
  // The practice's catalogue resolves the key (a shipped instrument or the practice's own).
  const catalogue = await readCatalogue(ctx.services.db, signedIn(ctx).practiceId);
  const { result, refusal } = score(input, catalogue);
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
      : disabledError(input.instrument, settings.catalogue);
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
          refused ?? disabledError(input.instrument, settings.catalogue),
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
    const { row, raised, crisis } = await storeScoredResponse(tx, ctx, step, {
      input: { ...input, completedAt },
      result,
      appointment,
      task,
      settings,
    });
    if (input.taskId)
      await tx
        .update(measureTasks)
        .set({ status: 'completed', responseId: row.id, completedAt: now, partialAnswers: null })
        .where(and(eq(measureTasks.practiceId, practiceId), eq(measureTasks.id, input.taskId)));
    step.audit({
      resourceType: 'response',
      resourceId: row.id,
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
