// Shapes of the continuity API (issue 3): clients' details, episodes, appointments, timeline,
// caseload and portal. Kept beside `types.ts` until the server publishes shared contracts.

export type Phase = 'intake' | 'active' | 'ending' | 'aftercare' | 'closed';

export type SafeContact = {
  mayEmail: boolean;
  emailMayIncludeDetails: boolean;
  remindersEnabled: boolean;
};

export type EmergencyContact = { name: string; phone: string; relationship: string };

/** The editable details of a client (`GET/PATCH /clients/{id}`); fields are optional until served. */
export type ClientDetails = {
  id: string;
  displayName: string;
  email: string;
  status: 'invited' | 'active';
  therapistName?: string;
  createdAt?: string;
  preferredName?: string | null;
  pronouns?: string | null;
  dateOfBirth?: string | null;
  timeZone?: string | null;
  phone?: string | null;
  emergencyContact?: EmergencyContact | null;
  safeContact?: SafeContact | null;
};

export type ClientInput = {
  displayName: string;
  email: string;
  preferredName?: string;
  pronouns?: string;
  dateOfBirth?: string;
  timeZone?: string;
  phone?: string;
  emergencyContact?: EmergencyContact;
  safeContact?: SafeContact;
};

export type AttentionKind =
  | 'unsigned-notes'
  | 'homework-completed'
  | 'no-next-session'
  | 'overdue-homework'
  | 'urgent-alerts'
  | 'alerts';

export type CaseloadItem = {
  clientId: string;
  displayName: string;
  preferredName: string | null;
  episodeId: string;
  phase: Phase;
  /** When the next scheduled session starts (ISO instant). */
  nextSession: string | null;
  lastContactAt: string | null;
  daysSinceLastContact: number | null;
  attention: { kind: AttentionKind; count: number }[];
};

export type PhaseChange = {
  from: Phase | null;
  to: Phase;
  reason?: string;
  changedAt: string;
  changedBy?: { id: string; displayName: string };
};

export type Episode = {
  id: string;
  clientId: string;
  title: string;
  therapistName?: string;
  phase: Phase;
  openedAt: string;
  closedAt?: string | null;
  previousEpisodeId?: string | null;
  client?: { id: string; displayName: string; preferredName?: string | null; timeZone?: string };
  phaseHistory?: PhaseChange[];
  previousEpisodeIds?: string[];
  /** Where the caller may move this episode next (from the server's transition rules). */
  nextPhases?: Phase[];
};

export type TimelineType = 'episode' | 'phase-change' | 'appointment' | 'note' | 'homework';

export type TimelineItem = {
  type: TimelineType;
  at: string;
  episodeId: string;
  id: string;
  title: string;
};

export type AppointmentStatus = 'scheduled' | 'attended' | 'cancelled' | 'no-show';
export type Modality = 'in-person' | 'video' | 'phone';
export type SessionKind = 'treatment' | 'assessment';

export type Appointment = {
  id: string;
  episodeId?: string;
  durationMinutes?: number;
  localEnd?: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  timeZone: string;
  status: AppointmentStatus;
  modality: Modality;
  location?: string | null;
  /** An assessment session does not count towards finished treatment (outcome). */
  kind?: SessionKind;
  seriesId: string | null;
  cancelledBy?: 'client' | 'therapist' | null;
  lateCancellation?: boolean | null;
};

export type AppointmentInput = {
  start: string;
  timeZone?: string;
  durationMinutes: number;
  modality: Modality;
  location?: string;
  kind?: SessionKind;
  recurrence?: { rrule: string };
};

export type AppointmentsCreated = {
  series: { id: string; rrule: string } | null;
  appointments: Appointment[];
  /** Set when an open-ended rule was cut to a year or 60 sessions. */
  capped?: true;
  message?: string;
};

export type AppointmentChange =
  | { status: 'attended' | 'no-show' }
  | { status: 'cancelled'; cancelledBy?: 'client' | 'therapist'; scope?: 'this' | 'following' }
  | { start: string; durationMinutes?: number; scope: 'this' | 'following' }
  | { kind: SessionKind };

export type PortalSession = {
  id: string;
  startsAt: string;
  localStart: string;
  timeZone: string;
  modality: Modality;
};

export type CalendarFeed = { url: string };

export type PortalPreferences = { timeZone: string; safeContact: SafeContact };
