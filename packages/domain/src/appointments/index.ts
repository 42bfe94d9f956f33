export { applyTaperInTx, type TaperOutcome } from './apply-taper';
export {
  type AttendedSessions,
  attendedSessionsSql,
  countAttendedSessions,
} from './attendance';
export { listEpisodeSessions } from './copy-reads';
export {
  type CreateAppointmentsInput,
  type CreatedAppointments,
  createAppointments,
} from './create-appointments';
export { insertPastSessions, insertSessionsFromRecord, type SessionFromRecord } from './imported';
export { appointmentJobs } from './jobs';
export {
  getAppointment,
  listEpisodeAppointments,
  listPortalAppointments,
} from './list-appointments';
export {
  type AnchorRow,
  appointmentEvents,
  briefSessionSql,
  lastScheduledStartSql,
  listUpcomingSessions,
  nextScheduledStartSql,
  nextScheduledZoneSql,
  type SessionHeadRow,
  sessionHeadSql,
  sessionStartSql,
  type UpcomingSessionRow,
} from './reads';
export { listSessionsForRecord, type SessionRecord } from './record-reads';
export {
  expandSeries,
  MAX_OCCURRENCES,
  OPEN_ENDED_LIMIT,
  parseRule,
  toLocal,
  wallClockToInstant,
} from './recurrence';
export {
  NEUTRAL_REMINDER,
  REMINDER_QUEUE,
  type ReminderJob,
  type ReminderOutcome,
  reminderJob,
  sendAppointmentReminder,
} from './reminders';
export {
  type AppointmentRow,
  findById as findAppointmentById,
  listVisible as listVisibleAppointments,
  practiceTimeZone,
} from './repository';
export { assertDuration, assertNoConflicts, insertAppointments } from './scheduling';
export { type SessionJob, scheduleBeforeSession } from './session-jobs';
export { type TaperSchedule, taperSchedule, type UsualSlot } from './taper';
export {
  recordAttendance,
  type Scope,
  type UpdateAppointmentInput,
  type UpdatedAppointment,
  updateAppointment,
} from './update-appointment';
export { usualSessionMinutes } from './usual-session';
export type { AppointmentView, SeriesView } from './views';
export { appointmentLocationPurpose, openAppointments, therapistZone } from './views';
