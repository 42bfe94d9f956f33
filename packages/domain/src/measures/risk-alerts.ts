import { randomUUID } from 'node:crypto';
import { riskItemAlertFromAnswers, riskItemsOf } from '@throughline/clinical';
import type { CrisisResources } from '@throughline/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { AccessContext } from '../access';
import { recordAudit } from '../audit';
import { AppError } from '../shared/errors';
import type { Executor } from '../shared/transaction';
import { alerts, measureTasks } from './tables';
import { sealAlertInputs } from './views';

export type RiskOnForm = {
  practiceId: string;
  episodeId: string;
  instrument: string;
  /** Raw answers as sent: possibly incomplete or invalid. */
  answers: readonly unknown[];
  /** The portal task the answers belong to, so repeated saves raise one alert. */
  taskId?: string | undefined;
};

/** The risk flags the raw answers raise (CLINICAL.md §1: never lost to validation). */
export function riskFlags(instrument: string, answers: readonly unknown[]): string[] {
  return [...new Set(riskItemsOf(instrument, answers).map((r) => r.flag))];
}

/**
 * Raises the urgent risk-item alert for answers that will not be scored (a partial save, a form
 * with a gap, a refused submission), in the caller's transaction. For a portal task the alert is
 * raised once: the task remembers it (`risk_alert_id`, claimed with a conditional update so two
 * concurrent saves cannot both raise it) and the final submission links it to the response.
 * Returns whether a risk item was positive (so crisis resources are shown), and the new alert id
 * when one was created.
 */
export async function raiseRiskOnIncompleteForm(
  tx: Executor,
  ctx: AccessContext,
  form: RiskOnForm,
): Promise<{ positive: boolean; alertId: string | null }> {
  const alert = riskItemAlertFromAnswers(form.instrument, form.answers, 'incomplete');
  if (!alert) return { positive: false, alertId: null };
  const id = randomUUID();
  if (form.taskId) {
    const claimed = await tx
      .update(measureTasks)
      .set({ riskAlertId: id })
      .where(
        and(
          eq(measureTasks.practiceId, form.practiceId),
          eq(measureTasks.id, form.taskId),
          isNull(measureTasks.riskAlertId),
        ),
      )
      .returning({ id: measureTasks.id });
    if (claimed.length === 0) return { positive: true, alertId: null };
  }
  await tx.insert(alerts).values({
    practiceId: form.practiceId,
    id,
    episodeId: form.episodeId,
    responseId: null,
    kind: 'risk-item',
    severity: 'urgent',
    rule: alert.rule,
    ruleVersion: alert.version,
    inputs: await sealAlertInputs(tx, ctx.services.keyring, form.practiceId, id, alert.inputs),
    source: alert.source,
    createdAt: ctx.services.now(),
  });
  await recordAudit(tx, ctx, {
    action: 'alert.create',
    resourceType: 'alert',
    resourceId: id,
    outcome: 'success',
    detail: { kind: 'risk-item', form: 'incomplete', task: form.taskId !== undefined },
  });
  return { positive: true, alertId: id };
}

/**
 * The refusal of a form, naming the risk flags and carrying crisis resources when a risk item was
 * positive. `alerted` says whether the therapist has been alerted (not so for stateless scoring).
 */
export function withRisk(
  error: AppError,
  flags: string[],
  alerted: boolean,
  crisisResources: CrisisResources,
): AppError {
  if (flags.length === 0) return error;
  const note = alerted
    ? 'A risk item was answered above 0: an urgent alert has been raised for the therapist.'
    : 'A risk item was answered above 0: it needs assessment by someone competent to assess suicide risk.';
  return new AppError(error.code, `${error.message} ${note}`, error.issues, {
    ...error.extra,
    flags,
    crisisResources,
  });
}
