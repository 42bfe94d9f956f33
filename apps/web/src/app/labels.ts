import {
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
