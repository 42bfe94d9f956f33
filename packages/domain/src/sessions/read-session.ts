import type { SessionDetail } from '@throughline/contracts';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type AccessContext, performOnRecord } from '../access';
import {
  type AppointmentRow,
  findAppointmentById,
  openAppointments,
  therapistZone,
} from '../appointments';
import { type ClientHeadRow, clientFieldPurpose, clientHeadSql } from '../clients';
import { openEpisodeTitle } from '../episodes';
import { listSessionMeasures } from '../measures';
import { listSessionNotes } from '../notes';
import type { Executor } from '../shared/transaction';

export type SessionView = SessionDetail;

/** The session's calendar day in the therapist's zone, as an instant range [from, to). */
export function sessionDay(row: AppointmentRow): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(row.startsAt, { zone: therapistZone(row) }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

async function clientOf(
  tx: Executor,
  ctx: AccessContext,
  row: AppointmentRow,
): Promise<SessionView['client']> {
  const result = await tx.execute<ClientHeadRow>(
    sql`${clientHeadSql({ practiceId: row.practiceId, clientId: row.clientId })}`,
  );
  const head = result.rows[0];
  if (!head) throw new Error('session without its client');
  return {
    id: row.clientId,
    displayName: head.display_name,
    preferredName: head.preferred_name,
    pronouns: await ctx.services.keyring.decryptOptional(
      tx,
      row.practiceId,
      head.pronouns,
      clientFieldPurpose(row.clientId, 'pronouns'),
    ),
  };
}

/**
 * One session as its page shows it: the appointment (in the therapist's zone), the client, the
 * episode, the session's notes and its questionnaires (docs/continuity.md, "The session page").
 * Therapist of the episode only; anyone else gets 404, audited as denied.
 */
export async function readSession(ctx: AccessContext, appointmentId: string): Promise<SessionView> {
  return performOnRecord(
    ctx,
    'session.read',
    {
      resourceType: 'appointment',
      resourceId: appointmentId,
      what: 'session',
      find: (tx, actor) => findAppointmentById(tx, actor, appointmentId),
    },
    async (tx, row, step) => {
      const [appointment] = await openAppointments(tx, ctx.services.keyring, step.actor, [row]);
      if (!appointment) throw new Error('session view missing');
      const notes = await listSessionNotes(tx, row.practiceId, row.id);
      const measures = await listSessionMeasures(tx, {
        practiceId: row.practiceId,
        episodeId: row.episodeId,
        appointmentId: row.id,
        day: sessionDay(row),
      });
      const view: SessionView = {
        appointment,
        client: await clientOf(tx, ctx, row),
        episode: {
          id: row.episodeId,
          title: await openEpisodeTitle(tx, ctx.services.keyring, step.episode),
        },
        notes,
        measures,
      };
      step.audit({ detail: { notes: notes.length, measures: measures.length } });
      return view;
    },
  );
}
