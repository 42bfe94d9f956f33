import { randomUUID } from 'node:crypto';
import type { ScoreResult } from '@throughline/clinical';
import { and, eq } from 'drizzle-orm';
import { type AccessContext, actsAsClient, type EpisodeStep } from '../access';
import { countAttendedSessions } from '../appointments';
import { readCrisisResources } from '../contact-settings';
import type { Executor } from '../shared/transaction';
import { evaluateAlerts } from './alert-rules';
import type { MeasureSettings } from './practice-settings';
import { hasOpenAlert, listByEpisode } from './repository';
import { alerts, responses } from './tables';
import {
  type AlertView,
  answersPurpose,
  RESULT_VERSION,
  sealAlertInputs,
  toAlertView,
} from './views';

type ResponseRow = typeof responses.$inferSelect;

export type ScoredForm = {
  input: { episodeId: string; answers: (number | null)[]; completedAt: Date };
  /** The clinical core's result of a form that scored. */
  result: ScoreResult;
  appointment?: { id: string; startsAt: Date } | undefined;
  task?: { riskAlertId: string | null } | undefined;
  settings: MeasureSettings;
};

/**
 * Stores one scored questionnaire in the caller's transaction: its session number, the encrypted
 * answers, the scores, and the alerts the rules raise against the episode's history (CLINICAL.md
 * §4). Shared by `recordResponse` and the check-ins after the ending, so scoring and alerts stay
 * in one place. The caller has checked access, validity and the instrument's licence.
 */
export async function storeScoredResponse(
  tx: Executor,
  ctx: AccessContext,
  step: EpisodeStep,
  form: ScoredForm,
): Promise<{
  row: ResponseRow;
  raised: AlertView[];
  crisis: Awaited<ReturnType<typeof readCrisisResources>> | null;
}> {
  const { input, result, appointment, task, settings } = form;
  const { completedAt } = input;
  const { practiceId } = step.episode;
  const now = ctx.services.now();
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
  const history = (await listByEpisode(tx, practiceId, input.episodeId, result.instrument))
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
  return { row, raised, crisis };
}
