import {
  type AccessAction,
  type AccessRecordKind,
  type AppointmentStatus,
  type ClientStatus,
  type Modality,
  type OutboxKind,
  type OutboxStatus,
  type Phase,
  ROLE_NAMES,
  type Role,
  type TimelineType,
  type UserStatus,
} from '@throughline/contracts';

// The words the screen uses for the contract's enums, in one place. Each map is typed by the
// contract's enum, so a new value on the server fails the web build until it has its words.

/** The contract's words for roles, shared with the server's start-up banner. */
export const roleLabels: Record<Role, string> = ROLE_NAMES;

export const phaseLabels: Record<Phase, string> = {
  intake: 'Intake',
  active: 'Active',
  ending: 'Ending',
  aftercare: 'Aftercare',
  closed: 'Closed',
};

/** The account and delivery states a status badge shows. */
export type BadgeStatus = UserStatus | ClientStatus | OutboxStatus;

export const statusLabels: Record<BadgeStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  locked: 'Locked',
  deactivated: 'Deactivated',
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  cancelled: 'Not needed',
};

export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  attended: 'Attended',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};

export const modalityLabels: Record<Modality, string> = {
  'in-person': 'In person',
  video: 'Video',
  phone: 'Phone',
};

export const outboxKindLabels: Record<OutboxKind, string> = {
  invitation: 'Invitation',
  'password-reset': 'Password reset link',
  'security-notice': 'Account change notice',
  reminder: 'Session reminder',
  questionnaire: 'Questionnaire invitation',
  other: 'Other',
};

/** The timeline's filters (plural) and the label of one item (singular). */
export const timelineTypeLabels: Record<TimelineType, { filter: string; item: string }> = {
  episode: { filter: 'Episodes', item: 'Episode' },
  'phase-change': { filter: 'Phase changes', item: 'Phase' },
  appointment: { filter: 'Sessions', item: 'Session' },
  note: { filter: 'Notes', item: 'Note' },
  homework: { filter: 'Homework', item: 'Homework' },
};

/** The kinds of record in the access report, as a noun phrase: "read a session note". */
export const accessRecordKindLabels: Record<AccessRecordKind, string> = {
  details: 'personal details',
  episode: 'the record of a course of therapy',
  session: 'a session booking',
  'session-note': 'a session note',
  // HIPAA 164.501: a psychotherapy note is shown by its kind only, never its content.
  'private-note': 'a private note',
  questionnaire: 'a questionnaire',
  scores: 'questionnaire scores',
  alerts: 'clinical alerts',
  goals: 'goals',
  plan: 'the treatment plan',
  homework: 'homework',
  file: 'a shared file',
  brief: 'a pre-session summary',
  timeline: 'the timeline of care',
  'measurement-plan': 'the questionnaire schedule',
  agreement: 'an agreement',
  'access-report': 'the list of who has seen the record',
  record: 'the record',
};

/** What was done, as a verb in the past tense. */
export const accessActionLabels: Record<AccessAction, string> = {
  read: 'read',
  change: 'changed',
};
