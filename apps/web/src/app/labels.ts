import {
  type AppointmentStatus,
  type ChangeCategory,
  type ClientStatus,
  type GoalStatus,
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
