import {
  type AccessAction,
  type AccessRecordKind,
  type AppointmentStatus,
  type BoundaryAssessment,
  type BoundaryKind,
  type ChangeCategory,
  type ClientStatus,
  type ConsentKind,
  type GoalStatus,
  type MeasureTaskSummary,
  type Modality,
  type OutboxKind,
  type OutboxStatus,
  type Phase,
  type PlanSchedule,
  ROLE_NAMES,
  type Role,
  type SupervisionPart,
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
  message: 'New message notice',
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

/** A questionnaire's change from first to latest score (CLINICAL.md §2), for the therapist. */
export const changeCategoryLabels: Record<ChangeCategory, string> = {
  recovered: 'Recovered (reliably improved, out of the clinical range)',
  improved: 'Reliably improved',
  'no-reliable-change': 'No reliable change',
  deteriorated: 'Reliably worse',
};

/** A change category in words, or a dash when there is none yet (a single score). */
export function changeCategoryText(category: ChangeCategory | null | undefined): string {
  return category ? changeCategoryLabels[category] : '—';
}

/** A goal's status as the client reads it in their plan (an active goal needs no words). */
export const clientGoalStatusLabels: Record<GoalStatus, string | null> = {
  active: null,
  achieved: 'Reached',
  discontinued: 'Set aside for now',
};

/** How often a questionnaire of the measurement plan is asked, as the therapist chooses it. */
export const planScheduleLabels: Record<PlanSchedule, string> = {
  'before-every-session': 'Before every session',
  'every-n-sessions': 'Every few sessions',
  'every-n-weeks': 'Every few weeks',
  once: 'Once',
  weekly: 'Every week',
  monthly: 'Every month',
  'intake-and-ending': 'At the start and at the ending',
};

/** A plan item as a sentence, with its number filled in: "Every 4 weeks". */
export function planScheduleText(schedule: PlanSchedule, everyN: number | null): string {
  if (schedule === 'every-n-sessions' && everyN) {
    return everyN === 1 ? 'Before every session' : `Every ${everyN} sessions`;
  }
  if (schedule === 'every-n-weeks' && everyN) {
    return everyN === 1 ? 'Every week' : `Every ${everyN} weeks`;
  }
  return planScheduleLabels[schedule];
}

export const measureTaskStatusLabels: Record<MeasureTaskSummary['status'], string> = {
  open: 'Waiting in the portal',
  completed: 'Completed',
  expired: 'Not completed in time',
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
  'contact-agreement': 'the contact agreement',
  'access-report': 'the list of who has seen the record',
  message: 'messages',
  consent: 'a consent form',
  record: 'the record',
  copy: 'a copy of the record',
  'copy-request': 'a copy of the record',
};

/** What was done, as a verb in the past tense. */
export const accessActionLabels: Record<AccessAction, string> = {
  read: 'read',
  change: 'changed',
  download: 'downloaded',
  request: 'asked for',
  release: 'released',
  refuse: 'refused',
};

/** Consent kinds, as a client and a clinician read them (issue 10). */
export const consentKindLabels: Record<ConsentKind, string> = {
  treatment: 'Therapy',
  telehealth: 'Video and phone sessions',
  recording: 'Recordings and songs',
  supervision: 'Supervision',
  'check-ins': 'Check-ins after therapy',
};

/** What a supervision consent shares, in words. */
export const supervisionPartLabels: Record<SupervisionPart, string> = {
  notes: 'session notes',
  scores: 'questionnaire scores',
  goals: 'goals',
  'boundary-log': 'the boundary and ethics log',
};

/** Boundary-log kinds (APA 3.05, ACA A.5–A.6). */
export const boundaryKindLabels: Record<BoundaryKind, string> = {
  gift: 'Gift',
  'dual-relationship': 'Dual-relationship risk',
  'out-of-session-contact': 'Contact outside sessions',
  'post-ending-contact': 'Contact after the ending',
  'self-disclosure': 'Self-disclosure',
  other: 'Other',
};

export const boundaryAssessmentLabels: Record<BoundaryAssessment, string> = {
  crossing: 'Crossing (considered, may help the work)',
  violation: 'Violation (harmful; needs repair)',
  unsure: 'Not yet clear',
};

/** ISO weekdays (Monday 1 … Sunday 7), for availability windows. */
export const weekdayLabels: Record<number, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

/** The contact agreement's channels, in words. */
export const contactChannelLabels: Record<'messages' | 'email' | 'phone', string> = {
  messages: 'Messages in the portal',
  email: 'E-mail notices of new messages (no message text)',
  phone: 'Phone calls',
};
