import type { NoteTemplate, SessionNoteStarted } from '@throughline/contracts';
import { type AccessContext, performOnRecord } from '../access';
import {
  findAppointmentById,
  openAppointments,
  recordAttendance,
  therapistZone,
} from '../appointments';
import { getNoteInTransaction, insertDraftNote, listSessionNotes } from '../notes';
import { AppError } from '../shared/errors';
import { localIso } from '../shared/local-time';

export type StartedSessionNote = SessionNoteStarted;

/**
 * "Write the note" on a session's page, in one transaction: a session still marked scheduled that
 * has begun is marked attended, and its draft note is started (or, when it already has one, that
 * note answers). Either both happen or neither: a refused note leaves the attendance as it was.
 * A cancelled session has no note; a session that has not begun cannot be attended yet.
 */
export async function startSessionNote(
  ctx: AccessContext,
  appointmentId: string,
  input: { template: NoteTemplate },
): Promise<StartedSessionNote> {
  return performOnRecord(
    ctx,
    'session.note.start',
    {
      resourceType: 'appointment',
      resourceId: appointmentId,
      what: 'session',
      find: (tx, actor) => findAppointmentById(tx, actor, appointmentId, { forUpdate: true }),
    },
    async (tx, row, step) => {
      if (row.status === 'cancelled') {
        throw new AppError(
          'APPOINTMENT_STATE_INVALID',
          'This session was cancelled, so it has no session note. Write a note for the session that took place instead, or from the episode page.',
        );
      }
      const now = ctx.services.now();
      if (row.status === 'scheduled' && row.startsAt > now) {
        const starts = localIso(row.startsAt, therapistZone(row)).slice(0, 16).replace('T', ' ');
        throw new AppError(
          'APPOINTMENT_STATE_INVALID',
          `This session has not begun yet (it starts ${starts}, ${therapistZone(row)}); write its note once it has begun.`,
        );
      }
      const markedAttended = row.status === 'scheduled';
      if (markedAttended) await recordAttendance(tx, ctx, row, 'attended');
      const [existing] = await listSessionNotes(tx, row.practiceId, row.id);
      const note = existing
        ? await getNoteInTransaction(tx, ctx, step.actor, existing.id)
        : await insertDraftNote(tx, ctx, step.actor, {
            episodeId: row.episodeId,
            appointmentId: row.id,
            template: input.template,
          });
      const updated = markedAttended ? await findAppointmentById(tx, step.actor, row.id) : row;
      const [appointment] = updated
        ? await openAppointments(tx, ctx.services.keyring, step.actor, [updated])
        : [];
      if (!appointment) throw new Error('session view missing');
      step.audit({
        resourceType: 'note',
        resourceId: note.id,
        detail: {
          appointmentId: row.id,
          markedAttended,
          created: !existing,
          template: note.template,
        },
      });
      return { note, appointment, markedAttended, created: !existing };
    },
  );
}
