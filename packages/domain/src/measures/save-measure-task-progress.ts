import { answerRange, type InstrumentDefinition } from '@throughline/clinical';
import type { CrisisResources } from '@throughline/contracts';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, signedIn } from '../access';
import { recordAudit } from '../audit';
import { readCrisisResources } from '../contact-settings';
import { readCatalogue } from '../instruments';
import { AppError, type FieldIssue, notFound } from '../shared/errors';
import { inTransaction } from '../shared/transaction';
import { raiseRiskOnIncompleteForm, riskFlags, withRisk } from './risk-alerts';
import { measureTasks } from './tables';
import { type PortalMeasureTask, sealPartialAnswers, toPortalTask } from './task-views';
import { findClientTask } from './tasks-repository';

export type SavedProgress = PortalMeasureTask & {
  /** Shown at once when a risk item is answered above 0 (CLINICAL.md §4); null otherwise. */
  crisisResources: CrisisResources | null;
};

/** Partial answers: one entry per item, each empty (null) or a value the item accepts. */
function partialRefusal(
  definition: InstrumentDefinition,
  answers: readonly (number | null)[],
): AppError | undefined {
  const { min, max } = answerRange(definition);
  const issues: FieldIssue[] = [];
  if (answers.length !== definition.items.length) {
    issues.push({
      path: 'answers',
      message: `${definition.title} has ${definition.items.length} items; send one entry for each (null where not yet answered).`,
    });
  }
  answers.forEach((value, i) => {
    if (value !== null && (!Number.isInteger(value) || value < min || value > max)) {
      issues.push({ path: `answers[${i}]`, message: `Item ${i + 1} must be ${min}–${max}.` });
    }
  });
  if (issues.length === 0) return undefined;
  return new AppError(
    'VALIDATION_FAILED',
    issues[0]?.message ?? 'The answers are not valid.',
    issues,
  );
}

/**
 * The client saves their progress on an open questionnaire (encrypted), to finish it later. A risk
 * item already answered above 0 raises the urgent alert now — once per task however often the
 * client saves — and the answer carries crisis resources (CLINICAL.md §1, §4), even when the
 * saved answers are refused.
 */
export async function saveMeasureTaskProgress(
  ctx: AccessContext,
  taskId: string,
  input: { answers: (number | null)[] },
): Promise<SavedProgress> {
  const actor = signedIn(ctx);
  let failure: AppError | undefined;
  const view = await inTransaction(ctx.services.db, async (tx) => {
    const row = await findClientTask(tx, actor, taskId);
    if (row?.status !== 'open') {
      await recordAudit(tx, ctx, {
        action: 'measure-task.save',
        resourceType: 'measure-task',
        resourceId: taskId,
        outcome: row ? 'failure' : 'denied',
        detail: { reason: row ? row.status : 'not-found' },
      });
      failure = row
        ? new AppError('MEASURE_TASK_CLOSED', 'This questionnaire has already been completed.')
        : notFound('questionnaire');
      return undefined;
    }
    const flags = riskFlags(row.instrument, input.answers);
    if (flags.length > 0)
      await raiseRiskOnIncompleteForm(tx, ctx, {
        practiceId: row.practiceId,
        episodeId: row.episodeId,
        instrument: row.instrument,
        answers: input.answers,
        taskId: row.id,
      });
    const catalogue = await readCatalogue(tx, row.practiceId);
    const refusal = partialRefusal(catalogue.get(row.instrument), input.answers);
    if (refusal) {
      // The alert above commits; the refused answers are not saved.
      failure = withRisk(refusal, flags, true, await readCrisisResources(tx, row.practiceId));
      return undefined;
    }
    const [updated] = await tx
      .update(measureTasks)
      .set({ partialAnswers: await sealPartialAnswers(tx, ctx, row, input.answers) })
      .where(
        and(
          eq(measureTasks.practiceId, row.practiceId),
          eq(measureTasks.id, row.id),
          eq(measureTasks.status, 'open'),
        ),
      )
      .returning();
    if (!updated) {
      failure = new AppError(
        'MEASURE_TASK_CLOSED',
        'This questionnaire has already been completed.',
      );
      return undefined;
    }
    await recordAudit(tx, ctx, {
      action: 'measure-task.save',
      resourceType: 'measure-task',
      resourceId: row.id,
      outcome: 'success',
      detail: {
        answered: input.answers.filter((a) => a !== null).length,
        risk: flags.length > 0,
      },
    });
    return {
      ...(await toPortalTask(tx, ctx, updated, catalogue)),
      crisisResources: flags.length > 0 ? await readCrisisResources(tx, row.practiceId) : null,
    };
  });
  if (failure || !view) throw failure ?? notFound('questionnaire');
  return view;
}
