import { DateTime } from 'luxon';
import type { AccessContext } from '../access';
import { countAttendedSessions } from '../appointments';
import type { appointments } from '../appointments/tables';
import { recordAudit } from '../audit';
import { findClientMailContact } from '../clients';
import type { EpisodeRow } from '../episodes';
import type { Executor } from '../shared/transaction';
import { dueInstruments } from './due';
import { planOrDefaults } from './get-measurement-plan';
import { emailMeasureInvitation } from './invitations';
import { toPlanItem } from './plan-views';
import { readMeasureSettings } from './practice-settings';
import {
  endingSince,
  insertTasksIfAbsent,
  instrumentsSentAndWaiting,
  lastActivityByInstrument,
  listByAppointment,
  markNotified,
  type TaskRow,
} from './tasks-repository';

export type DueTasksResult = {
  sessionNumber: number;
  /** Tasks made by this call (empty when they existed already: the call is idempotent). */
  created: TaskRow[];
  /** Every task of the session. */
  tasks: TaskRow[];
  emailed: boolean;
};

/**
 * Creates the questionnaire tasks the episode's plan asks for before a session, due at its start,
 * and tells the client by e-mail where their preferences allow. Runs in the caller's transaction
 * (the therapist's request or the invitation job); a second call creates and sends nothing.
 */
export async function createDueTasks(
  tx: Executor,
  ctx: AccessContext,
  appointment: typeof appointments.$inferSelect,
  episode: EpisodeRow,
): Promise<DueTasksResult> {
  const { practiceId } = episode;
  const plan = await planOrDefaults(tx, episode, episode.therapistId);
  // This session's number: the sessions attended before it, plus one. Strictly before its start,
  // so asking again once it has been attended gives the same number (the task call is idempotent).
  const sessionNumber =
    (await countAttendedSessions(tx, {
      practiceId,
      episodeId: episode.id,
      bound: { startedBefore: appointment.startsAt },
      kind: 'any',
    })) + 1;
  // A plan item of an instrument the practice has since switched off sends nothing.
  const { enabledInstruments } = await readMeasureSettings(tx, practiceId);
  // A plan item's start day is the client's calendar day (their zone; the practice's otherwise).
  const contact = await findClientMailContact(tx, practiceId, { clientId: episode.clientId });
  const atDay =
    DateTime.fromJSDate(appointment.startsAt, { zone: contact?.timeZone ?? 'UTC' }).toISODate() ??
    undefined;
  const due = dueInstruments({
    atDay,
    plan: plan.map(toPlanItem).filter((item) => enabledInstruments.includes(item.instrument)),
    sessionNumber,
    at: appointment.startsAt,
    phase: episode.phase,
    endingSince: await endingSince(tx, practiceId, episode.id),
    lastActivity: await lastActivityByInstrument(tx, practiceId, episode.id, appointment.id),
  });
  const waiting = await instrumentsSentAndWaiting(tx, practiceId, episode.id);
  const created = await insertTasksIfAbsent(
    tx,
    due
      .filter((d) => !waiting.has(d.instrument))
      .map((d) => ({
        practiceId,
        episodeId: episode.id,
        instrument: d.instrument,
        appointmentId: appointment.id,
        dueAt: appointment.startsAt,
      })),
  );
  let emailed = false;
  if (created.length > 0) {
    const outcome = await emailMeasureInvitation(tx, ctx.services, {
      practiceId,
      clientId: episode.clientId,
      startsAt: appointment.startsAt,
      count: created.length,
    });
    emailed = outcome === 'sent';
    if (emailed) {
      await markNotified(
        tx,
        practiceId,
        created.map((t) => t.id),
        ctx.services.now(),
      );
    }
  }
  await recordAudit(tx, ctx, {
    action: 'measure-task.create',
    resourceType: 'appointment',
    resourceId: appointment.id,
    outcome: 'success',
    practiceId,
    detail: { sessionNumber, due: due.length, created: created.length, emailed },
  });
  return {
    sessionNumber,
    created,
    tasks: await listByAppointment(tx, practiceId, appointment.id),
    emailed,
  };
}
