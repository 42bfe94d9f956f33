import type { Appointment, AppointmentSeries } from '@throughline/contracts';
import type { SignedIn } from '../access';
import { actsAsClient } from '../access';
import type { Keyring } from '../crypto';
import type { Executor } from '../shared/transaction';
import { toLocal } from './recurrence';
import type { AppointmentRow, SeriesRecord } from './repository';

/** Treatment (the default) or assessment: only treatment sessions count for outcome (§3). */
export type SessionKind = 'treatment' | 'assessment';

export type AppointmentView = Appointment;

export type SeriesView = AppointmentSeries;

/** The therapist's zone for an appointment: its series' zone, else the practice's. */
export function therapistZone(row: AppointmentRow): string {
  return row.seriesTimeZone ?? row.practiceTimeZone;
}

/** A client sees their sessions in their own zone; clinicians in the therapist's. */
export function zoneFor(actor: SignedIn, row: AppointmentRow): string {
  return actsAsClient(actor) ? row.clientTimeZone : therapistZone(row);
}

/** An address can identify the client (a home visit), so the location is stored encrypted. */
export const appointmentLocationPurpose = (id: string): string => `appointment.location:${id}`;

export function openLocation(
  db: Executor,
  keyring: Keyring,
  row: { practiceId: string; id: string; location: string | null },
): Promise<string | null> {
  return keyring.decryptOptional(
    db,
    row.practiceId,
    row.location,
    appointmentLocationPurpose(row.id),
  );
}

/** The caller's views of sessions, their locations opened. */
export function openAppointments(
  db: Executor,
  keyring: Keyring,
  actor: SignedIn,
  rows: readonly AppointmentRow[],
): Promise<AppointmentView[]> {
  return Promise.all(
    rows.map(async (row) => ({
      ...toAppointmentView(actor, row),
      location: await openLocation(db, keyring, row),
    })),
  );
}

/** The row's fields; `location` is still sealed (use `openAppointments`). */
function toAppointmentView(actor: SignedIn, row: AppointmentRow): AppointmentView {
  const timeZone = zoneFor(actor, row);
  return {
    id: row.id,
    episodeId: row.episodeId,
    seriesId: row.seriesId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    durationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    timeZone,
    localStart: toLocal(row.startsAt, timeZone),
    localEnd: toLocal(row.endsAt, timeZone),
    status: row.status,
    modality: row.modality,
    location: row.location,
    kind: row.kind,
    cancelledBy: row.cancelledBy,
    cancelledBecause: row.cancelledBecause,
    cancelledAt: row.cancelledAt,
    lateCancellation: row.lateCancellation,
    reminderScheduled: row.reminderJobId !== null,
  };
}

export function toSeriesView(series: SeriesRecord): SeriesView {
  return {
    id: series.id,
    rrule: series.rrule,
    startLocal: series.startLocal,
    timeZone: series.timeZone,
    durationMinutes: series.durationMinutes,
    endedAt: series.endedAt,
  };
}
